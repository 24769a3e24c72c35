import { authenticated } from '../context.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { calendarDays } from '../read-model/calendar-days.js';
import { calendarEventsOf } from '../read-model/calendar-event-reads.js';
import { decodeCursor, pageSize } from '../read-model/cursor.js';
import { badUserInput } from '../errors.js';
import { journalsOf } from '../read-model/journal-reads.js';
import { normalizedTag } from '../read-model/tags.js';
import { decodeTaskCursor } from '../read-model/task-cursor.js';
import { tagPrefix, tagsOf } from '../read-model/tag-reads.js';
import { tasksOf } from '../read-model/task-reads.js';
import { thoughtsOf } from '../read-model/thought-reads.js';

export const Query: QueryResolvers = {
  journals(_root, args, context) {
    const { caller } = authenticated(context);
    return journalsOf(context.pool, caller.userId, pageSize(args.first), decodeCursor(args.after));
  },
  journal(_root, args, context) {
    return authenticated(context).loaders.journal.load(args.id);
  },
  entry(_root, args, context) {
    return authenticated(context).loaders.entry.load(args.id);
  },
  thoughts(_root, args, context) {
    const { caller } = authenticated(context);
    const tag = args.tag == null ? undefined : normalizedTag(args.tag);
    return thoughtsOf(context.pool, caller.userId, { tag }, pageSize(args.first), decodeCursor(args.after));
  },
  thought(_root, args, context) {
    return authenticated(context).loaders.thought.load(args.id);
  },
  task(_root, args, context) {
    return authenticated(context).loaders.task.load(args.id);
  },
  tasks(_root, args, context) {
    const { caller } = authenticated(context);
    if (args.from != null && args.to != null && args.to < args.from) throw badUserInput('to must not be before from', 'to');
    const filter = { from: args.from ?? undefined, to: args.to ?? undefined, completed: args.completed ?? undefined };
    return tasksOf(context.pool, caller.userId, filter, pageSize(args.first), decodeTaskCursor(args.after));
  },
  calendar(_root, args, context) {
    const { caller } = authenticated(context);
    return calendarDays(context.pool, caller.userId, args.start, args.end);
  },
  dashboard(_root, _args, context) {
    authenticated(context);
    return { dashboard: true };
  },
  tags(_root, args, context) {
    const { caller } = authenticated(context);
    return tagsOf(context.pool, caller.userId, tagPrefix(args.prefix), pageSize(args.first));
  },
  /** @inaccessible: the media service's account export, page by page (schema.graphql). */
  calendarEvents(_root, args, context) {
    const { caller } = authenticated(context);
    return calendarEventsOf(context.pool, caller.userId, pageSize(args.first ?? 100, 500), decodeCursor(args.after));
  },
};
