import { randomUUID } from 'node:crypto';
import { withTransaction } from '@mindflow/db';
import { consistencyToken } from '@mindflow/event-log';
import { callerOf, planOf, type EntityRef } from './context.js';
import { badUserInput, notFound } from './errors.js';
import type { MoodPoint, Resolvers } from './generated/resolvers-types.js';
import {
  channelChoices,
  decodeNotificationCursor,
  decodeWeekCursor,
  encodeNotificationCursor,
  encodeWeekCursor,
  newWebhookSecret,
  pageSizeOf,
  preferencesOf as preferencesFrom,
  webhookKindsOf,
  webhookUrlOf,
  weekStartOf,
} from './inputs.js';
import { generateWeeklyReflection, weekHasBegun } from '../reflection/weekly-reflections.js';
import { CalendarDate, DateTime } from '@mindflow/subgraph';
import {
  deliveriesOf,
  insertWebhook,
  liveEntryIds,
  lockPreferences,
  markRead,
  markWebhookDeleted,
  notificationOf,
  notificationsPage,
  preferencesOf,
  reflectionOf,
  reflectionsPage,
  savePreferences,
  lockWebhooks,
  unreadCount,
  webhooksOf,
  type PreferencesRow,
  type ReflectionRow,
} from './store/rows.js';

const preferencesAnswer = (p: PreferencesRow) => ({
  timeZone: p.timeZone,
  journalPromptAt: p.journalPromptAt,
  weeklyReflectionOn: p.weeklyReflectionOn,
  quietHours: p.quietHours,
  channels: channelChoices(p),
});

const moods = new Set(['GREAT', 'GOOD', 'OKAY', 'LOW', 'BAD', 'STRESSED', 'ANXIOUS', 'CALM', 'GRATEFUL']);

/** The stored trend (jsonb, MoodPoint-shaped) as the schema has it; what does not fit is left out. */
function moodTrendOf(reflection: ReflectionRow): MoodPoint[] {
  if (!Array.isArray(reflection.moodTrend)) return [];
  return (reflection.moodTrend as Record<string, unknown>[]).flatMap((point) => {
    if (typeof point !== 'object' || point === null || typeof point['date'] !== 'string') return [];
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return [{
      date: point['date'],
      mood: typeof point['mood'] === 'string' && moods.has(point['mood']) ? (point['mood'] as MoodPoint['mood']) : null,
      averageSentiment: num(point['averageSentiment']),
      entryCount: Math.trunc(num(point['entryCount']) ?? 0),
      wordCount: Math.trunc(num(point['wordCount']) ?? 0),
    }];
  });
}

export const resolvers: Resolvers = {
  DateTime,
  Date: CalendarDate,

  User: {
    __resolveReference: (reference) => ({ id: reference.id }),
    // The caller's own count; another user's is not the caller's business.
    unreadNotifications: async (user, _args, context) => {
      const userId = callerOf(context);
      return user.id.toLowerCase() === userId ? unreadCount(context.pool, userId) : 0;
    },
  },

  NotificationSubject: {
    __resolveType: (subject) => ('weekStart' in subject ? 'WeeklyReflection' : subject.__typename),
  },

  Notification: {
    subject: async (notification, _args, context) => {
      const { subjectType, subjectId } = notification;
      if (subjectType === null || subjectId === null) return null;
      if (subjectType === 'WeeklyReflection') return reflectionOf(context.pool, callerOf(context), subjectId);
      return { __typename: subjectType, id: subjectId } satisfies EntityRef;
    },
  },

  WeeklyReflection: {
    moodTrend: (reflection) => moodTrendOf(reflection),
    // Only entries that still exist: the query subgraph answers a deleted one with null, which [Entry!]! cannot hold.
    highlights: async (reflection, _args, context) =>
      (await liveEntryIds(context.pool, callerOf(context), reflection.highlightIds)).map((id): EntityRef => ({ __typename: 'Entry', id })),
  },

  Webhook: {
    deliveries: (webhook, args, context) => deliveriesOf(context.pool, callerOf(context), webhook.id, pageSizeOf(args.first, 20)),
  },

  Query: {
    notifications: async (_root, args, context) => {
      const userId = callerOf(context);
      const page = await notificationsPage(context.pool, userId, {
        first: pageSizeOf(args.first, 20),
        after: decodeNotificationCursor(args.after),
        unreadOnly: args.unreadOnly ?? false,
      });
      const edges = page.rows.map((node) => ({ node, cursor: encodeNotificationCursor(node) }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
    },

    notification: (_root, args, context) => notificationOf(context.pool, callerOf(context), args.id),

    notificationPreferences: async (_root, _args, context) => preferencesAnswer(await preferencesOf(context.pool, callerOf(context))),

    webhooks: (_root, _args, context) => webhooksOf(context.pool, callerOf(context)),

    weeklyReflections: async (_root, args, context) => {
      const page = await reflectionsPage(context.pool, callerOf(context), { first: pageSizeOf(args.first, 10), afterWeek: decodeWeekCursor(args.after) });
      const edges = page.rows.map((node) => ({ node, cursor: encodeWeekCursor(node.weekStart) }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
    },
  },

  Mutation: {
    setNotificationPreferences: async (_root, args, context) => {
      const userId = callerOf(context);
      const now = context.now();
      const saved = await withTransaction(context.pool, async (tx) => {
        await lockPreferences(tx, userId);
        const preferences = preferencesFrom(args.input, await preferencesOf(tx, userId));
        // Choosing EMAIL for any kind is the caller asking for email again: it clears an unsubscribe.
        const resubscribeEmail = (args.input.channels ?? []).some((choice) => choice.channels.includes('EMAIL'));
        await savePreferences(tx, userId, preferences, now, resubscribeEmail);
        // The prompt, the reflection and the reminders' local times move with the preferences, atomically.
        await context.reschedule(tx, userId, now);
        return preferences;
      });
      return preferencesAnswer(saved);
    },

    markNotificationsRead: async (_root, args, context) => {
      const userId = callerOf(context);
      if (args.all) return markRead(context.pool, userId, 'all', context.now());
      if (!args.ids) throw badUserInput('name the notifications to mark read (ids), or all: true', 'ids');
      if (args.ids.length > 1000) throw badUserInput('ids may name at most 1000 notifications', 'ids');
      return markRead(context.pool, userId, { ids: args.ids }, context.now());
    },

    createWebhook: async (_root, args, context) => {
      const userId = callerOf(context);
      const url = webhookUrlOf(args.url, context.allowHttpWebhooks);
      const kinds = webhookKindsOf(args.kinds);
      const webhook = { id: randomUUID(), url, kinds, createdAt: context.now(), disabledAt: null };
      const secret = newWebhookSecret();
      // Counted and inserted under the user's webhooks lock: two concurrent creations cannot both see 9.
      await withTransaction(context.pool, async (tx) => {
        await lockWebhooks(tx, userId);
        if ((await webhooksOf(tx, userId)).length >= 10) throw badUserInput('a user may have at most 10 webhooks', 'url');
        await insertWebhook(tx, userId, { ...webhook, secret });
      });
      return { webhook, secret };
    },

    deleteWebhook: async (_root, args, context) => {
      const deletedAt = await markWebhookDeleted(context.pool, callerOf(context), args.id, context.now());
      if (!deletedAt) throw notFound('no such webhook');
      // A webhook lives only in the notifications DB: its deletion is visible at once. The token names the
      // notifications service's aggregate type, which no projection waits for, so a read sending it back passes.
      return { id: args.id, version: 1, deletedAt, consistencyToken: consistencyToken({ aggregateType: 'notification', aggregateId: args.id.toLowerCase(), version: 1 }) };
    },

    generateWeeklyReflection: async (_root, args, context) => {
      const userId = callerOf(context);
      const weekStart = weekStartOf(args.weekStart);
      const now = context.now();
      if (!(await weekHasBegun(context.pool, userId, weekStart, now))) throw badUserInput(`the week starting ${weekStart} has not begun yet`, 'weekStart');
      return generateWeeklyReflection(context.pool, {
        userId, weekStart, now, correlationId: context.correlationId, keys: context.keys, plan: planOf(context), claude: context.claude, log: context.log,
      });
    },
  },
};
