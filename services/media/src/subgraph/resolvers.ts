import { consistencyToken } from '@mindflow/event-log';
import { CalendarDate, DateTime } from '@mindflow/subgraph';
import { GraphQLError } from 'graphql';
import { SubgraphError } from '../adapters/subgraphs/subgraph-client.js';
import { attachFile } from '../application/attach-file.js';
import { exportAccount } from '../application/export-account.js';
import { exportJournal } from '../application/export-journal.js';
import { removeAttachment } from '../application/remove-attachment.js';
import { requestUpload } from '../application/request-upload.js';
import { callerOf, type MediaContext } from './context.js';
import { mapped } from './errors.js';
import { idArg, optionalDayArg, optionalIdArg } from './inputs.js';
import type { Resolvers } from './generated/resolvers-types.js';

/** The caller's attachments of a target; a key that is not an id has none. */
const attachmentsOf = (target: { id: string }, context: MediaContext) => {
  const userId = callerOf(context).userId;
  return /^[0-9a-f-]{36}$/i.test(target.id) ? context.attachments.ofTarget(target.id.toLowerCase(), userId) : Promise.resolve([]);
};

/**
 * An export reads other subgraphs as the caller: where one answers that the read side has not caught up with the
 * client's last write (the client asks again, as with any read), or that the client's x-consistent-with is no token,
 * that answer is the client's to act on.
 */
async function passingOnSubgraphErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SubgraphError && ['CONSISTENCY_TIMEOUT', 'BAD_USER_INPUT'].includes(String(error.extensions['code']))) {
      throw new GraphQLError(error.message.replace(/^the \w+ subgraph: /, ''), { extensions: { ...error.extensions, http: { status: 200 } } });
    }
    throw error;
  }
}

export const resolvers: Resolvers = {
  DateTime,
  Date: CalendarDate,

  Query: {
    exportJournal: (_parent, { id, format, from, to }, context) =>
      mapped(async () => {
        const caller = callerOf(context);
        const request = { journalId: idArg(id, 'id'), format, from: optionalDayArg(from, 'from'), to: optionalDayArg(to, 'to') };
        const source = context.exportSource({ caller, consistentWith: context.consistentWith, correlationId: context.correlationId });
        const deps = { source, objects: context.objects, writers: context.exportWriters, downloadUrlSeconds: context.settings.downloadUrlSeconds, now: context.now, newId: context.newId };
        return passingOnSubgraphErrors(() => exportJournal(deps, caller, request));
      }),
    exportAccount: (_parent, _args, context) =>
      mapped(() => {
        const caller = callerOf(context);
        const source = context.accountExportSource({ caller, consistentWith: context.consistentWith, correlationId: context.correlationId });
        const deps = { source, objects: context.objects, archive: context.exportArchive, downloadUrlSeconds: context.settings.downloadUrlSeconds, now: context.now, newId: context.newId };
        return passingOnSubgraphErrors(() => exportAccount(deps, caller));
      }),
  },

  Entry: {
    __resolveReference: (reference) => ({ id: reference.id }),
    attachments: (entry, _args, context) => attachmentsOf(entry, context),
  },
  Thought: {
    __resolveReference: (reference) => ({ id: reference.id }),
    attachments: (thought, _args, context) => attachmentsOf(thought, context),
  },

  Attachment: {
    id: (a) => a.attachmentId,
    // Signed per read, short-lived; offered for download under its name, so a browser never renders it as a page.
    url: (a, _args, context) => context.objects.signedGetUrl(a.objectKey, { expiresInSeconds: context.settings.downloadUrlSeconds, downloadName: a.fileName }),
    thumbnailUrl: (a, _args, context) =>
      a.thumbnailKey ? context.objects.signedGetUrl(a.thumbnailKey, { expiresInSeconds: context.settings.downloadUrlSeconds }) : null,
  },

  Mutation: {
    requestUpload: (_parent, { input }, context) => mapped(() => requestUpload(context, callerOf(context), input)),
    attachFile: (_parent, { uploadId, to }, context) =>
      mapped(async () => {
        const attachment = await attachFile(context, callerOf(context), idArg(uploadId, 'uploadId'), {
          entryId: optionalIdArg(to.entryId, 'to.entryId'),
          thoughtId: optionalIdArg(to.thoughtId, 'to.thoughtId'),
        });
        return { attachment, consistencyToken: consistencyToken({ aggregateType: 'attachment', aggregateId: attachment.attachmentId, version: 1 }) };
      }),
    removeAttachment: (_parent, { id }, context) =>
      mapped(async () => {
        const removed = await removeAttachment(context, callerOf(context), idArg(id, 'id'));
        return { ...removed, consistencyToken: consistencyToken({ aggregateType: 'attachment', aggregateId: removed.id, version: removed.version }) };
      }),
  },
};
