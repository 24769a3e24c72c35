import type { IncomingHttpHeaders } from 'node:http';
import { callerHeader, verifyCaller, type Caller } from '@mindflow/auth';
import { correlationHeader, correlationIdFrom, type Logger } from '@mindflow/platform';
import { consistencyHeader } from '@mindflow/event-log';
import type { MediaSettings } from '../application/media-settings.js';
import type { AccountExportSource } from '../application/ports/account-export-source.js';
import type { OpenExportArchive } from '../application/ports/export-archive.js';
import type { ExportFormat, ExportWriter } from '../application/ports/export-writer.js';
import type { JournalExportSource } from '../application/ports/journal-export-source.js';
import type { MediaObjects } from '../application/ports/media-objects.js';
import type { MediaProcessor } from '../application/ports/media-processor.js';
import type { MediaStore } from '../application/ports/media-store.js';
import type { AttachmentReader } from './attachment-reader.js';
import { unauthenticated } from './errors.js';

/** What the media subgraph's resolvers work with: the use cases' dependencies, per request. */
export interface MediaContext {
  /** Who the gateway vouches for; null when the caller header is missing or invalid. */
  readonly caller: Caller | null;
  readonly log: Logger;
  /** The request's correlation id (events this subgraph writes carry it). */
  readonly correlationId: string;
  /** The client's x-consistent-with (the gateway forwards it): exportJournal passes it on to the query subgraph. */
  readonly consistentWith: string | undefined;
  readonly store: MediaStore;
  readonly attachments: AttachmentReader;
  readonly objects: MediaObjects;
  readonly processor: MediaProcessor;
  readonly settings: MediaSettings;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly pause: (ms: number) => Promise<void>;
  /** exportJournal's reader of one caller's journal (EXPORT.md), and its writers by format. */
  readonly exportSource: (reader: { caller: Caller; consistentWith: string | undefined; correlationId: string }) => JournalExportSource;
  readonly exportWriters: Readonly<Record<ExportFormat, ExportWriter>>;
  /** exportAccount's reader of everything one caller has (EXPORT.md, "Account export"), and the zip it writes. */
  readonly accountExportSource: (reader: { caller: Caller; consistentWith: string | undefined; correlationId: string }) => AccountExportSource;
  readonly exportArchive: OpenExportArchive;
}

/** An entity another subgraph owns, as this one resolves it: by its key alone. */
export interface EntityKey {
  readonly id: string;
}

export type ContextDependencies = Omit<MediaContext, 'caller' | 'log' | 'correlationId' | 'consistentWith'> & { readonly log: Logger; readonly callerSecret: string };

export function buildContext(headers: IncomingHttpHeaders, deps: ContextDependencies): MediaContext {
  const caller = verifyCaller(single(headers[callerHeader]), deps.callerSecret);
  const correlationId = correlationIdFrom(headers[correlationHeader]);
  const { callerSecret: _secret, log, ...rest } = deps;
  const consistentWith = headers[consistencyHeader];
  return { ...rest, caller, log: log.child({ correlationId }), correlationId, consistentWith: Array.isArray(consistentWith) ? consistentWith.join(',') : consistentWith };
}

/** The caller; the request guard already refused anonymous operations, this keeps resolvers honest. */
export function callerOf(context: MediaContext): Caller {
  if (!context.caller) throw unauthenticated();
  return context.caller;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
