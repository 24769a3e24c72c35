// The steady, bounded load a drill runs under: a few writers, each with its own user and journal, sending
// commands through the gateway at a fixed pace (create entries, edit and delete some, rename the journal)
// until told to stop, whatever the system answers. A failed command is counted, never retried: whether it
// was written is for the reconciliation to find out (an answer lost with the gateway may hide a commit).
// A few of the turns attach a photo to an entry instead (upload by signed URL, attachFile), bounded per writer,
// so that the attachments reconciliation has objects and rows to compare.
import { setTimeout as sleep } from 'node:timers/promises';
import { graphql, JsonClient } from '../bench/http-client.js';
import { describe } from '../bench/load.js';
import { attach, samplePhoto } from '../e2e/attachment-operations.js';
import { GatewayClient } from '../e2e/gateway-client.js';

export interface LoadWriter {
  readonly token: string;
  readonly journalId: string;
  /** The journal's version as last written by this writer. */
  journalVersion: number;
}

export interface LoadCounts {
  sent: number;
  ok: number;
  failed: number;
  firstError?: string;
  /** performance.now() of the last answered command. */
  lastOkAt: number;
  /** Photos attached (upload + attachFile) and attempts that failed, besides the commands above. */
  attached: number;
  attachFailed: number;
  firstAttachError?: string;
}

export interface RunningLoad {
  readonly counts: LoadCounts;
  /** The first command answered after `since` (performance.now()), or undefined. */
  firstOkAfter(since: number): number | undefined;
  stop(): Promise<LoadCounts>;
}

const createEntry = `mutation ($input: CreateEntryInput!) { createEntry(input: $input) { entry { id version } } }`;
const updateEntry = `mutation ($id: ID!, $v: Int!, $input: UpdateEntryInput!) { updateEntry(id: $id, expectedVersion: $v, input: $input) { entry { id version } } }`;
const deleteEntry = `mutation ($id: ID!) { deleteEntry(id: $id) { id version } }`;
const updateJournal = `mutation ($id: ID!, $v: Int!, $input: UpdateJournalInput!) { updateJournal(id: $id, expectedVersion: $v, input: $input) { journal { id version } } }`;
const moods = ['GREAT', 'GOOD', 'OKAY', 'LOW', 'CALM'];

export interface LoadOptions {
  readonly gatewayUrl: string;
  readonly writers: readonly LoadWriter[];
  /** Commands per second per writer. */
  readonly perWriterPerSecond: number;
  /** Hard bound: the load stops by itself after this long. */
  readonly maxDurationMs: number;
  /** Photos each writer attaches to one of its entries (every fourth turn until done); default none. */
  readonly attachmentsPerWriter?: number;
}

export function startLoad(options: LoadOptions): RunningLoad {
  const client = new JsonClient(options.gatewayUrl);
  const counts: LoadCounts = { sent: 0, ok: 0, failed: 0, lastOkAt: 0, attached: 0, attachFailed: 0 };
  const photo = samplePhoto();
  photo.catch(() => undefined); // awaited (and its failure counted) by the first attach
  const okTimes: number[] = [];
  const deadline = performance.now() + options.maxDurationMs;
  let stopping = false;
  const interval = 1000 / options.perWriterPerSecond;

  const writer = async (w: LoadWriter, index: number) => {
    const entries: { id: string; version: number }[] = [];
    const headers = { authorization: `Bearer ${w.token}` };
    const gateway = new GatewayClient(options.gatewayUrl, w.token);
    let attachAttempts = 0;
    for (let n = 0; !stopping && performance.now() < deadline; n++) {
      const started = performance.now();
      if (attachAttempts < (options.attachmentsPerWriter ?? 0) && n % 4 === 3 && entries.length > 0) {
        // The run's oldest entry of this writer: the one the media projector most likely knows already.
        attachAttempts += 1;
        try {
          await attach(gateway, { entryId: entries[0]!.id }, `w${index}-n${n}.jpg`, 'image/jpeg', await photo);
          counts.attached += 1;
        } catch (error) {
          counts.attachFailed += 1;
          counts.firstAttachError ??= describe(error);
        }
        const wait = interval - (performance.now() - started);
        if (wait > 0) await sleep(wait);
        continue;
      }
      const roll = (n * 7 + index * 3) % 20;
      counts.sent += 1;
      try {
        if (roll < 11 || entries.length === 0) {
          const data = await graphql<{ createEntry: { entry: { id: string; version: number } } }>(client, createEntry, {
            input: { journalId: w.journalId, title: `w${index} n${n}`, content: `drill entry ${n} of writer ${index}`, mood: moods[n % moods.length], tags: [`w${index}`, `t${n % 3}`] },
          }, headers);
          entries.push(data.createEntry.entry);
        } else if (roll < 17) {
          const target = entries[n % entries.length]!;
          const data = await graphql<{ updateEntry: { entry: { id: string; version: number } } }>(client, updateEntry, {
            id: target.id, v: target.version, input: { content: `edited ${n}`, tags: [`e${n % 4}`] },
          }, headers).catch((error: unknown) => {
            entries.splice(entries.indexOf(target), 1); // its version is unknown now: leave it alone
            throw error;
          });
          target.version = data.updateEntry.entry.version;
        } else if (roll < 18) {
          const target = entries.splice(n % entries.length, 1)[0]!;
          await graphql(client, deleteEntry, { id: target.id }, headers);
        } else {
          const data = await graphql<{ updateJournal: { journal: { version: number } } }>(client, updateJournal, {
            id: w.journalId, v: w.journalVersion, input: { name: `Drill journal ${index} r${n}` },
          }, headers).catch((error: unknown) => {
            const current = /"currentVersion":(\d+)/.exec(describe(error));
            if (current) w.journalVersion = Number(current[1]);
            throw error;
          });
          w.journalVersion = data.updateJournal.journal.version;
        }
        counts.ok += 1;
        counts.lastOkAt = performance.now();
        okTimes.push(counts.lastOkAt);
      } catch (error) {
        counts.failed += 1;
        counts.firstError ??= describe(error);
      }
      const wait = interval - (performance.now() - started);
      if (wait > 0) await sleep(wait);
    }
  };
  const running = Promise.all(options.writers.map((w, i) => writer(w, i)));
  return {
    counts,
    firstOkAfter: (since) => okTimes.find((t) => t > since),
    async stop() {
      stopping = true;
      await running;
      client.close();
      return counts;
    },
  };
}
