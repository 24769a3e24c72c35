// exportJournal through the gateway, in both ways to run (embedded: the disk store served by the media subgraph;
// distributed: S3Proxy): Alice writes entries (one carrying a marker word, one with a photo), exports her journal
// as JSON, a Markdown zip and a PDF right after writing (her last write's token in x-consistent-with), downloads
// each signed URL and finds the marker in it. Bob cannot export her journal, nor learn it exists.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../system/index.js';
import { attach, samplePhoto } from './attachment-operations.js';
import { download, exportJournal, pdfText, zipFiles, type ExportFile, type ExportFormat } from './export-operations.js';
import type { GatewayClient } from './gateway-client.js';
import * as op from './mutation-operations.js';
import type { E2eGateway } from './test/e2e-system.js';
import { sharedE2eSystem } from './test/shared-e2e-system.js';

const modes: Mode[] = ['embedded', 'distributed'];

describe.each(modes)('exportJournal through the gateway (%s mode)', (mode) => {
  let e2e: E2eGateway;
  let alice: GatewayClient;
  let bob: GatewayClient;
  let journalId: string;
  let consistentWith: string;
  const marker = `quince${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    e2e = await sharedE2eSystem(mode);
    [alice, bob] = await Promise.all([e2e.newUser(), e2e.newUser()]);
    const created = await alice.data<{ createJournal: { journal: { id: string }; consistencyToken: string } }>(op.createJournal, { input: { name: 'Walks' } });
    journalId = created.createJournal.journal.id;
    const tokens = [created.createJournal.consistencyToken];
    const contents = ['Along the canal.', `Found the ${marker} tree by the bridge.`, 'Rain all day.'];
    const entryIds: string[] = [];
    for (const [i, content] of contents.entries()) {
      const createdAt = new Date(Date.UTC(2026, 5, 1 + i, 9)).toISOString();
      const { createEntry } = await alice.data<{ createEntry: { entry: { id: string }; consistencyToken: string } }>(op.createEntry, {
        input: { journalId, title: `Walk ${i + 1}`, content, mood: 'GOOD', tags: ['walk'], createdAt },
      });
      entryIds.push(createEntry.entry.id);
      tokens.push(createEntry.consistencyToken);
    }
    consistentWith = tokens.join(',');
    await attach(alice, { entryId: entryIds[1]! }, 'bridge.jpg', 'image/jpeg', await samplePhoto());
  });

  /** exportJournal read right after the writes; CONSISTENCY_TIMEOUT (a slow read side here) is asked again, as a client would. */
  async function exported(client: GatewayClient, format: ExportFormat, id = journalId) {
    for (let attempt = 1; ; attempt++) {
      const answer = await client.request<{ exportJournal: ExportFile }>(exportJournal, { id, format }, { 'x-consistent-with': consistentWith });
      if (answer.errors?.[0]?.extensions?.code !== 'CONSISTENCY_TIMEOUT' || attempt === 10) return answer;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  it('JSON: every entry with its fields, the marker among them, the photo listed', async () => {
    const { data, errors } = await exported(alice, 'JSON');
    expect(errors).toBeUndefined();
    expect(data!.exportJournal).toMatchObject({ contentType: 'application/json', fileName: expect.stringMatching(/^walks-.*\.json$/) as string });
    const got = await download(data!.exportJournal.url);
    expect([got.status, got.contentType]).toEqual([200, 'application/json']);
    const json = JSON.parse(got.body.toString('utf8')) as { journal: { name: string }; entries: { title: string; content: string; mood: string; tags: string[]; attachments: { fileName: string }[] }[] };
    expect(json.journal.name).toBe('Walks');
    expect(json.entries.map((e) => e.title)).toEqual(['Walk 1', 'Walk 2', 'Walk 3']);
    expect(json.entries[1]).toMatchObject({ content: expect.stringContaining(marker) as string, mood: 'GOOD', tags: ['walk'], attachments: [{ fileName: 'bridge.jpg' }] });
  });

  it('Markdown: a zip whose entry file holds the marker, with the photo beside it', async () => {
    const { data, errors } = await exported(alice, 'MARKDOWN');
    expect(errors).toBeUndefined();
    const got = await download(data!.exportJournal.url);
    expect([got.status, got.contentType]).toEqual([200, 'application/zip']);
    const files = await zipFiles(got.body);
    const withMarker = [...files.entries()].filter(([name, body]) => name.endsWith('.md') && body.toString('utf8').includes(marker));
    expect(withMarker).toHaveLength(1);
    const photo = [...files.keys()].find((name) => name.endsWith('-bridge.jpg'));
    expect(photo?.startsWith(withMarker[0]![0].replace(/\.md$/, '/'))).toBe(true);
  });

  it('PDF: a PDF whose text holds the marker', async () => {
    const { data, errors } = await exported(alice, 'PDF');
    expect(errors).toBeUndefined();
    const got = await download(data!.exportJournal.url);
    expect([got.status, got.contentType, got.body.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const { pages, text } = await pdfText(got.body);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text).toContain(marker);
  });

  it('the export\'s page of the query subgraph (@inaccessible) is not served by the gateway', async () => {
    const res = await alice.request('query ($id: ID!) { journal(id: $id) { entriesOldestFirst(first: 5) { edges { node { id } } } } }', { id: journalId });
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.data ?? null).toBeNull();
  });

  it('Bob: NOT_FOUND for her journal, as for one that does not exist', async () => {
    for (const id of [journalId, randomUUID()]) {
      const { data, errors } = await exported(bob, 'JSON', id);
      expect(data?.exportJournal ?? null).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect(JSON.stringify(errors)).not.toContain(marker);
    }
  });
});
