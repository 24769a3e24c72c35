// The operations of API.md that mutations.e2e.spec.ts sends, as any client would write them.

const journalFields = 'id name description color icon isPrivate version entryCount';
const entryFields = 'id title content mood tags wordCount version journal { id name }';
const thoughtFields = 'id text tags createdAt version';
const taskFields = 'id title description date dueTime priority category completed completedAt recurrence occurrence version';
const eventFields = 'id title startsAt endsAt recurrence version';
const deleteFields = 'id version deletedAt consistencyToken';

export const createJournal = `mutation ($input: CreateJournalInput!) {
  createJournal(input: $input) { journal { ${journalFields} } consistencyToken } }`;
export const updateJournal = `mutation ($id: ID!, $v: Int!, $input: UpdateJournalInput!) {
  updateJournal(id: $id, expectedVersion: $v, input: $input) { journal { ${journalFields} } consistencyToken } }`;
export const deleteJournal = `mutation ($id: ID!, $v: Int) { deleteJournal(id: $id, expectedVersion: $v) { ${deleteFields} } }`;
export const journal = `query ($id: ID!) { journal(id: $id) { ${journalFields} entries { totalCount edges { node { id } } } } }`;
export const journals = `query ($first: Int, $after: String) {
  journals(first: $first, after: $after) { totalCount edges { cursor node { id name entryCount } } pageInfo { hasNextPage endCursor } } }`;

export const createEntry = `mutation ($input: CreateEntryInput!, $key: String) {
  createEntry(input: $input, idempotencyKey: $key) { entry { ${entryFields} } consistencyToken } }`;
export const updateEntry = `mutation ($id: ID!, $v: Int!, $input: UpdateEntryInput!) {
  updateEntry(id: $id, expectedVersion: $v, input: $input) { entry { ${entryFields} } consistencyToken } }`;
export const deleteEntry = `mutation ($id: ID!, $v: Int) { deleteEntry(id: $id, expectedVersion: $v) { ${deleteFields} } }`;
export const entry = `query ($id: ID!) { entry(id: $id) { ${entryFields} } }`;

export const captureThought = `mutation ($text: String!, $tags: [String!], $key: String) {
  captureThought(text: $text, tags: $tags, idempotencyKey: $key) { thought { ${thoughtFields} } consistencyToken } }`;
export const updateThought = `mutation ($id: ID!, $v: Int!, $text: String, $tags: [String!]) {
  updateThought(id: $id, expectedVersion: $v, text: $text, tags: $tags) { thought { ${thoughtFields} } consistencyToken } }`;
export const deleteThought = `mutation ($id: ID!) { deleteThought(id: $id) { ${deleteFields} } }`;
export const thoughts = `query ($tag: String, $first: Int, $after: String) {
  thoughts(tag: $tag, first: $first, after: $after) { totalCount edges { node { ${thoughtFields} } } pageInfo { hasNextPage endCursor } } }`;

export const createTask = `mutation ($input: CreateTaskInput!, $key: String) {
  createTask(input: $input, idempotencyKey: $key) { task { ${taskFields} } consistencyToken } }`;
export const updateTask = `mutation ($id: ID!, $v: Int!, $input: UpdateTaskInput!) {
  updateTask(id: $id, expectedVersion: $v, input: $input) { task { ${taskFields} } consistencyToken } }`;
export const completeTask = `mutation ($id: ID!, $occurrence: Date) {
  completeTask(id: $id, occurrence: $occurrence) { task { ${taskFields} } consistencyToken } }`;
export const reopenTask = `mutation ($id: ID!, $occurrence: Date) {
  reopenTask(id: $id, occurrence: $occurrence) { task { ${taskFields} } consistencyToken } }`;
export const deleteTask = `mutation ($id: ID!) { deleteTask(id: $id) { ${deleteFields} } }`;
export const tasks = `query ($from: Date, $to: Date, $completed: Boolean, $first: Int, $after: String) {
  tasks(from: $from, to: $to, completed: $completed, first: $first, after: $after) {
    totalCount edges { node { ${taskFields} } } pageInfo { hasNextPage endCursor } } }`;

export const scheduleEvent = `mutation ($input: ScheduleEventInput!) { scheduleEvent(input: $input) { event { ${eventFields} } consistencyToken } }`;
export const cancelEvent = `mutation ($id: ID!) { cancelEvent(id: $id) { ${deleteFields} } }`;
export const calendar = `query ($start: Date!, $end: Date!) {
  calendar(start: $start, end: $end) { date tasks { id title date occurrence completed } events { id title startsAt endsAt } } }`;
export const taskStats = `query ($from: Date, $to: Date) { dashboard { taskStats(from: $from, to: $to) { total completed completionRate } } }`;

export interface Journal { id: string; name: string; description: string | null; color: string | null; icon: string | null; isPrivate: boolean; version: number; entryCount: number }
export interface Entry { id: string; title: string | null; content: string; mood: string | null; tags: string[]; wordCount: number; version: number; journal: { id: string; name: string } }
export interface Thought { id: string; text: string; tags: string[]; createdAt: string; version: number }
export interface Task { id: string; title: string; description: string | null; date: string; dueTime: string | null; priority: string; category: string; completed: boolean; completedAt: string | null; recurrence: string | null; occurrence: string | null; version: number }
export interface CalendarEvent { id: string; title: string; startsAt: string; endsAt: string; recurrence: string | null; version: number }
export interface Deleted { id: string; version: number; deletedAt: string; consistencyToken: string }
export interface Connection<T> { totalCount: number; edges: { cursor?: string; node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
export interface CalendarDay { date: string; tasks: { id: string; title: string; date: string; occurrence: string | null; completed: boolean }[]; events: { id: string; title: string; startsAt: string; endsAt: string }[] }
