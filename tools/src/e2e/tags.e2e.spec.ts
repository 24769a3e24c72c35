// The caller's tag list through the gateway, in both ways to run: `tags(prefix, first)` counts the tags of the
// caller's live entries and thoughts (the query projection's tags_view), most used first, read back with the
// writes' consistency tokens; updates, deletions and a journal's deletion move the counts; one user never sees
// another's tags.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../system/index.js';
import type { GatewayClient } from './gateway-client.js';
import * as op from './mutation-operations.js';
import type { E2eGateway } from './test/e2e-system.js';
import { sharedE2eSystem } from './test/shared-e2e-system.js';

const modes: Mode[] = ['embedded', 'distributed'];
const after = (...tokens: string[]) => ({ 'x-consistent-with': tokens.join(',') });
const tags = 'query ($prefix: String, $first: Int) { tags(prefix: $prefix, first: $first) { tag count } }';

interface Written { consistencyToken: string }
interface Tags { tags: { tag: string; count: number }[] }

describe.each(modes)('the caller’s tags through the gateway (%s mode)', (mode) => {
  let e2e: E2eGateway;
  let alice: GatewayClient;
  let bob: GatewayClient;

  beforeAll(async () => {
    e2e = await sharedE2eSystem(mode);
    [alice, bob] = await Promise.all([e2e.newUser(), e2e.newUser()]);
  });

  const journal = async (client: GatewayClient, name: string) =>
    (await client.data<{ createJournal: { journal: { id: string } } & Written }>(op.createJournal, { input: { name } })).createJournal;
  const entry = async (client: GatewayClient, journalId: string, entryTags: string[]) =>
    (await client.data<{ createEntry: { entry: { id: string; version: number } } & Written }>(op.createEntry, { input: { journalId, content: 'A day of words', tags: entryTags } })).createEntry;
  const read = async (client: GatewayClient, variables: Record<string, unknown>, ...tokens: string[]) =>
    (await client.data<Tags>(tags, variables, after(...tokens))).tags;

  it('counts the caller’s tags over entries and thoughts, most used first, and follows changes', async () => {
    const days = await journal(alice, 'Days');
    const trips = await journal(alice, 'Trips');
    const first = await entry(alice, days.journal.id, ['garden', 'spring']);
    const second = await entry(alice, days.journal.id, ['garden']);
    const travel = await entry(alice, trips.journal.id, ['travel', 'garden']);
    const { captureThought: thought } = await alice.data<{ captureThought: { thought: { id: string } } & Written }>(op.captureThought, { text: 'Seeds', tags: ['#Garden', 'ideas'] });
    const others = await entry(bob, (await journal(bob, 'Bob’s')).journal.id, ['garden', 'secret']);

    expect(await read(alice, {}, first.consistencyToken, second.consistencyToken, travel.consistencyToken, thought.consistencyToken)).toEqual([
      { tag: 'garden', count: 4 }, { tag: 'ideas', count: 1 }, { tag: 'spring', count: 1 }, { tag: 'travel', count: 1 },
    ]);
    expect(await read(alice, { prefix: '#SP' })).toEqual([{ tag: 'spring', count: 1 }]);
    expect(await read(alice, { first: 2 })).toEqual([{ tag: 'garden', count: 4 }, { tag: 'ideas', count: 1 }]);
    expect(await read(bob, {}, others.consistencyToken)).toEqual([{ tag: 'garden', count: 1 }, { tag: 'secret', count: 1 }]);

    const { updateEntry: updated } = await alice.data<{ updateEntry: Written }>(op.updateEntry, { id: first.entry.id, v: first.entry.version, input: { tags: ['spring', 'seeds'] } });
    const { deleteEntry: deleted } = await alice.data<{ deleteEntry: Written }>(op.deleteEntry, { id: second.entry.id });
    const { deleteThought: thoughtGone } = await alice.data<{ deleteThought: Written }>(op.deleteThought, { id: thought.thought.id });
    const { deleteJournal: tripsGone } = await alice.data<{ deleteJournal: Written }>(op.deleteJournal, { id: trips.journal.id });
    expect(await read(alice, {}, updated.consistencyToken, deleted.consistencyToken, thoughtGone.consistencyToken, tripsGone.consistencyToken)).toEqual([
      { tag: 'seeds', count: 1 }, { tag: 'spring', count: 1 },
    ]);
    expect(await read(bob, {})).toEqual([{ tag: 'garden', count: 1 }, { tag: 'secret', count: 1 }]);
  });

  it('refuses a page size out of range', async () => {
    const response = await alice.request(tags, { first: 101 });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
