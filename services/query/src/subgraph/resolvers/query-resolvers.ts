import { authenticated, type SubgraphContext } from '../context.js';
import { calendarDays } from '../read-model/calendar-days.js';
import type { DashboardRoot } from './dashboard-resolvers.js';
import { decodeCursor, pageSize } from '../read-model/cursor.js';
import { badUserInput } from '../errors.js';
import { journalsOf } from '../read-model/journal-reads.js';
import { normalizedTag } from '../read-model/tags.js';
import { decodeTaskCursor } from '../read-model/task-cursor.js';
import { tagPrefix, tagsOf } from '../read-model/tag-reads.js';
import { tasksOf } from '../read-model/task-reads.js';
import { thoughtsOf } from '../read-model/thought-reads.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const Query = {
  journals(_root: unknown, args: PageArgs, context: SubgraphContext) {
    const { caller } = authenticated(context);
    return journalsOf(context.pool, caller.userId, pageSize(args.first), decodeCursor(args.after));
  },
  journal(_root: unknown, args: { id: string }, context: SubgraphContext) {
    return authenticated(context).loaders.journal.load(args.id);
  },
  entry(_root: unknown, args: { id: string }, context: SubgraphContext) {
    return authenticated(context).loaders.entry.load(args.id);
  },
  thoughts(_root: unknown, args: PageArgs & { tag?: string | null }, context: SubgraphContext) {
    const { caller } = authenticated(context);
    const tag = args.tag == null ? undefined : normalizedTag(args.tag);
    return thoughtsOf(context.pool, caller.userId, { tag }, pageSize(args.first), decodeCursor(args.after));
  },
  task(_root: unknown, args: { id: string }, context: SubgraphContext) {
    return authenticated(context).loaders.task.load(args.id);
  },
  tasks(_root: unknown, args: PageArgs & { from?: string | null; to?: string | null; completed?: boolean | null }, context: SubgraphContext) {
    const { caller } = authenticated(context);
    if (args.from != null && args.to != null && args.to < args.from) throw badUserInput('to must not be before from', 'to');
    const filter = { from: args.from ?? undefined, to: args.to ?? undefined, completed: args.completed ?? undefined };
    return tasksOf(context.pool, caller.userId, filter, pageSize(args.first), decodeTaskCursor(args.after));
  },
  calendar(_root: unknown, args: { start: string; end: string }, context: SubgraphContext) {
    const { caller } = authenticated(context);
    return calendarDays(context.pool, caller.userId, args.start, args.end);
  },
  dashboard(_root: unknown, _args: unknown, context: SubgraphContext): DashboardRoot {
    authenticated(context);
    return { dashboard: true };
  },
  tags(_root: unknown, args: { prefix?: string | null; first?: number | null }, context: SubgraphContext) {
    const { caller } = authenticated(context);
    return tagsOf(context.pool, caller.userId, tagPrefix(args.prefix), pageSize(args.first));
  },
};
