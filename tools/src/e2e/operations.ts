// The operations of API.md the walking-skeleton tests send, as any client would write them.

export const createJournal = /* GraphQL */ `
  mutation CreateJournal($input: CreateJournalInput!) {
    createJournal(input: $input) { journal { id name version } consistencyToken }
  }`;

export const createEntry = /* GraphQL */ `
  mutation CreateEntry($input: CreateEntryInput!, $key: String) {
    createEntry(input: $input, idempotencyKey: $key) { entry { id title version } consistencyToken }
  }`;

export const journalWithEntries = /* GraphQL */ `
  query Journal($id: ID!) {
    journal(id: $id) {
      id name entryCount
      entries(first: 100) { totalCount edges { node { id title content mood tags wordCount version } } }
    }
  }`;

export interface JournalView {
  journal: {
    id: string;
    name: string;
    entryCount: number;
    entries: { totalCount: number; edges: { node: { id: string; title: string; content: string; mood: string | null; tags: string[]; wordCount: number; version: number } }[] };
  } | null;
}
export interface CreatedJournal { createJournal: { journal: { id: string; name: string; version: number }; consistencyToken: string } }
export interface CreatedEntry { createEntry: { entry: { id: string; title: string; version: number }; consistencyToken: string } }
