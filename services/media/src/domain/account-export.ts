// The account export's layout (API.md "Your data is yours", `exportAccount`): a zip with one JSON document per kind
// of record, every attachment's bytes under attachments/, and manifest.json saying what each file is. Pure: names,
// the kinds' descriptions, the documents' text; the use case feeds it the records as they are read.
import { attachmentFileName } from './export-naming.js';

/** The kinds of record an account holds, in the order the zip holds them. */
export const accountRecordKinds = [
  'profile',
  'journals',
  'entries',
  'insights',
  'thoughts',
  'tasks',
  'calendar-events',
  'notifications',
  'notification-preferences',
  'webhooks',
  'weekly-reflections',
  'attachments',
] as const;

export type AccountRecordKind = (typeof accountRecordKinds)[number];

/** What each document holds, as manifest.json tells the reader. */
export const accountRecordDescriptions: Readonly<Record<AccountRecordKind, string>> = {
  profile: 'Your account: id, email address, name and roles (never a password, hash or token).',
  journals: 'Your journals with every field.',
  entries: 'Your journal entries with every field (journalId names the journal), oldest first per journal (their files: attachments.json, targetId).',
  insights: 'The AI insights of your entries (entryId names the entry).',
  thoughts: 'Your thoughts with their tags.',
  tasks: 'Your tasks with every field; a recurring task lists its completed occurrences (completedOccurrences).',
  'calendar-events': 'Your calendar events as scheduled (recurrence: an RFC 5545 RRULE).',
  notifications: 'Your notifications: reminders, prompts, reflections, read or not.',
  'notification-preferences': 'Your notification settings: time zone, prompt time, weekly reflection day, quiet hours, channels.',
  webhooks: 'Your webhooks and their recent deliveries (their signing secrets are never exported).',
  'weekly-reflections': 'Your weekly reflections.',
  attachments: 'Your files on entries and thoughts (targetType and targetId name what they hang on); file names their bytes in this zip.',
};

/** The document of a kind: `entries.json`. */
export const accountDocumentPath = (kind: AccountRecordKind) => `${kind}.json`;

/** An attachment's bytes in the zip: `attachments/<id>/01-<its safe name>` (the id keeps equal names apart). */
export function accountAttachmentPath(attachment: { id: string; fileName: string }): string {
  return `attachments/${attachment.id}/${attachmentFileName(0, attachment.fileName)}`;
}

/** The download name: `mindflow-account-2026-12-07.zip`. */
export const accountExportFileName = (exportedAt: string) => `mindflow-account-${exportedAt.slice(0, 10)}.zip`;

export const accountExportFormat = 'mindflow.account-export';
export const accountExportVersion = 1;

/**
 * One kind's document, piece by piece as its records arrive: `{"format":…,"kind":…,"exportedAt":…,"records":[ {…},
 * {…} ]}`. Holds one record at a time, so a document of any size streams; `counted` hears each record.
 */
export async function* accountDocument(
  kind: AccountRecordKind,
  exportedAt: string,
  records: AsyncIterable<object>,
  counted: () => void = () => undefined,
): AsyncGenerator<string> {
  const head = JSON.stringify({ format: accountExportFormat, version: accountExportVersion, kind, exportedAt });
  yield `${head.slice(0, -1)},"records":[`;
  let first = true;
  for await (const record of records) {
    counted();
    yield `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
    first = false;
  }
  yield '\n]}\n';
}

export interface ManifestFile {
  readonly path: string;
  readonly kind: AccountRecordKind | 'attachment-files';
  readonly records: number;
}

/** manifest.json: the export's time, whose it is, and what each file is. */
export function accountManifest(input: { userId: string; exportedAt: string; files: readonly ManifestFile[]; attachmentBytes: number }): object {
  return {
    format: accountExportFormat,
    version: accountExportVersion,
    exportedAt: input.exportedAt,
    userId: input.userId,
    files: [
      ...input.files.map((file) =>
        file.kind === 'attachment-files'
          ? { path: file.path, kind: file.kind, files: file.records, bytes: input.attachmentBytes, description: 'The bytes of every attachment, one folder per attachment id (as attachments.json names them).' }
          : { path: file.path, kind: file.kind, records: file.records, description: accountRecordDescriptions[file.kind] },
      ),
      { path: 'manifest.json', kind: 'manifest', description: 'This file: what each file of the export is, and when it was exported.' },
    ],
  };
}
