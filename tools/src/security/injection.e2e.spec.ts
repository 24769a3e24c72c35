// Issue 7, security: injection strings (SQL, Elasticsearch syntax, GraphQL, HTML/script, templates, log
// lines) written into every text field are stored and returned verbatim, find nothing of another user's
// through filters (and search, once the API serves it), and break nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as op from '../e2e/mutation-operations.js';
import { supergraphOperations } from './api-surface.js';
import { asTag, injectionStrings } from './test/injection-strings.js';
import { startSecuritySystem, type SecuritySystem, type SignedInUser } from './test/security-system.js';

const strings = Object.entries(injectionStrings);
const searchFields = supergraphOperations().Query.filter((field) => field === 'search' || field === 'suggest');

describe('injection strings', () => {
  let sys: SecuritySystem;
  let alice: SignedInUser;
  let bob: SignedInUser;
  let journalId: string;
  const tokens: string[] = [];
  const written = new Map<string, { entryId: string; thoughtId: string; taskId: string; eventId: string }>();

  beforeAll(async () => {
    sys = await startSecuritySystem('security-injection');
    [alice, bob] = await Promise.all([sys.register('alice'), sys.register('bob')]);
    const created = await alice.client.data<{ createJournal: { journal: op.Journal; consistencyToken: string } }>(op.createJournal, { input: { name: 'Injected' } });
    journalId = created.createJournal.journal.id;
    // The journal on the read side first: each entry's payload reads it back.
    await alice.client.data(op.journal, { id: journalId }, { 'x-consistent-with': created.createJournal.consistencyToken });
    for (const [label, value] of strings) {
      const tags = [asTag(value)].filter(Boolean);
      const [entry, thought, task, event] = await Promise.all([
        alice.client.data<{ createEntry: { entry: op.Entry; consistencyToken: string } }>(op.createEntry, { input: { journalId, title: value, content: value, tags } }),
        alice.client.data<{ captureThought: { thought: op.Thought; consistencyToken: string } }>(op.captureThought, { text: value, tags }),
        alice.client.data<{ createTask: { task: op.Task; consistencyToken: string } }>(op.createTask, { input: { title: value, description: value, date: '2031-07-01' } }),
        alice.client.data<{ scheduleEvent: { event: op.CalendarEvent; consistencyToken: string } }>(
          op.scheduleEvent, { input: { title: value, startsAt: '2031-07-01T08:00:00Z', endsAt: '2031-07-01T09:00:00Z' } }),
      ]);
      tokens.push(entry.createEntry.consistencyToken, thought.captureThought.consistencyToken, task.createTask.consistencyToken, event.scheduleEvent.consistencyToken);
      written.set(label, { entryId: entry.createEntry.entry.id, thoughtId: thought.captureThought.thought.id, taskId: task.createTask.task.id, eventId: event.scheduleEvent.event.id });
    }
    // Every write on the read side (and in the search index, where served) before anything is read back;
    // a request names at most a few tokens, so they go in small groups.
    for (let i = 0; i < tokens.length; i += 8) {
      const after = { 'x-consistent-with': tokens.slice(i, i + 8).join(',') };
      await alice.client.data('{ thoughts(first: 1) { totalCount } }', {}, after);
      if (searchFields.includes('search')) await alice.client.data('{ search(query: "x", first: 1) { totalCount } }', {}, after);
    }
  });
  afterAll(async () => sys?.stop());

  it('stores and returns each one verbatim in every text field (only documented normalization: trimming, tag case)', async () => {
    const read = await alice.client.data<{ thoughts: op.Connection<op.Thought>; tasks: op.Connection<op.Task>; calendar: op.CalendarDay[] }>(
      '{ thoughts(first: 100) { edges { node { id text tags } } } tasks(first: 100) { edges { node { id title description } } } calendar(start: "2031-07-01", end: "2031-07-01") { events { id title } } }',
      {});
    for (const [label, value] of strings) {
      const ids = written.get(label)!;
      const { entry } = await alice.client.data<{ entry: op.Entry }>(op.entry, { id: ids.entryId });
      expect(entry, label).toMatchObject({ title: value.trim(), content: value.trim(), tags: [asTag(value)] });
      expect(read.thoughts.edges.find((e) => e.node.id === ids.thoughtId)?.node, label).toMatchObject({ text: value.trim(), tags: [asTag(value)] });
      expect(read.tasks.edges.find((e) => e.node.id === ids.taskId)?.node, label).toMatchObject({ title: value.trim(), description: value.trim() });
      expect(read.calendar[0]!.events.find((e) => e.id === ids.eventId), label).toMatchObject({ title: value.trim() });
    }
  });

  it('keeps journal names and descriptions verbatim through updates', async () => {
    let version = 1;
    for (const [label, value] of strings) {
      const res = await alice.client.data<{ updateJournal: { journal: op.Journal } }>(op.updateJournal, { id: journalId, v: version, input: { name: value.slice(0, 100), description: value } });
      expect(res.updateJournal.journal, label).toMatchObject({ name: value.slice(0, 100).trim(), description: value.trim() });
      version = res.updateJournal.journal.version;
    }
  });

  it('as tag filters they match only the exact tag, and nothing of another user', async () => {
    for (const [label, value] of strings) {
      const own = await alice.client.data<{ thoughts: op.Connection<op.Thought> }>(op.thoughts, { tag: value });
      expect(own.thoughts.edges.map((e) => e.node.id), label).toEqual([written.get(label)!.thoughtId]);
      const theirs = await bob.client.data<{ thoughts: op.Connection<op.Thought> }>(op.thoughts, { tag: value });
      expect(theirs.thoughts.totalCount, label).toBe(0);
    }
    // LIKE wildcards are no wildcards: '%' matches no tag but a literal one.
    const wildcard = await alice.client.data<{ thoughts: op.Connection<op.Thought> }>(op.thoughts, { tag: '%' });
    expect(wildcard.thoughts.totalCount).toBe(0);
  });

  it('cannot pollute prototypes or slip unknown fields into an input', async () => {
    const res = await alice.client.request(op.createJournal, { input: { name: 'proto', __proto__: { isAdmin: true }, constructor: { prototype: { x: 1 } } } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data ?? null).toBeNull();
  });

  it.each(searchFields)('%s: each string is a plain query — no error, nothing of another user', async (field) => {
    const query = field === 'search'
      ? 'query ($q: String!) { search(query: $q, first: 20) { edges { node { hit { __typename ... on Entry { id } ... on Thought { id } ... on Task { id } } } } } }'
      : 'query ($q: String!) { suggest(prefix: $q) }';
    const alicesIds = [...written.values()].flatMap((w) => [w.entryId, w.thoughtId, w.taskId]);
    for (const [label, value] of strings) {
      const theirs = await bob.client.request(query, { q: value });
      expect(theirs.errors, label).toBeUndefined();
      const text = JSON.stringify(theirs);
      expect(alicesIds.filter((id) => text.includes(id)), label).toEqual([]);
      const own = await alice.client.request(query, { q: value });
      expect(own.errors, label).toBeUndefined();
    }
  });

  it('breaks nothing: the gateway answers and every table is still there', async () => {
    expect(await sys.gatewayAnswers()).toBe(true);
    const { journal } = await alice.client.data<{ journal: op.Journal & { entries: { totalCount: number } } }>(op.journal, { id: journalId });
    expect(journal.entries.totalCount).toBe(strings.length);
  });
});
