/* eslint-disable */
// Generated from ../schema.graphql by the project's codegen.ts (@mindflow/subgraph/codegen). Do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { NotificationRow, ReflectionRow, WebhookRow, WebhookDeliveryRow } from '../store/rows.js';
import type { EntityKey, EntityRef, NotificationsContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
  /** An ISO-8601 instant, e.g. 2030-01-31T09:30:00.000Z. */
  DateTime: { input: Date; output: Date | string; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
};

export type Mood =
  | 'GREAT'
  | 'GOOD'
  | 'OKAY'
  | 'LOW'
  | 'BAD'
  | 'STRESSED'
  | 'ANXIOUS'
  | 'CALM'
  | 'GRATEFUL';

export type NotificationKind =
  | 'TASK_DUE'
  | 'JOURNAL_PROMPT'
  | 'WEEKLY_REFLECTION'
  | 'INSIGHTS_READY';

export type NotificationChannel =
  | 'IN_APP'
  | 'EMAIL'
  | 'WEBHOOK';

export type User = {
  readonly __typename?: 'User';
  readonly id: Scalars['ID']['output'];
  /** How many of the caller's notifications are unread (0 for anyone else). */
  readonly unreadNotifications: Scalars['Int']['output'];
};

export type Task = {
  readonly __typename?: 'Task';
  readonly id: Scalars['ID']['output'];
};

export type Entry = {
  readonly __typename?: 'Entry';
  readonly id: Scalars['ID']['output'];
};

/** What a notification is about: the task whose reminder fired, the entry with new insights, the reflection. */
export type NotificationSubject = Task | Entry | WeeklyReflection;

/** One notification of the caller's notification centre. */
export type Notification = {
  readonly __typename?: 'Notification';
  readonly id: Scalars['ID']['output'];
  readonly kind: NotificationKind;
  readonly title: Scalars['String']['output'];
  readonly body: Scalars['String']['output'];
  readonly createdAt: Scalars['DateTime']['output'];
  /** When the caller marked it read; null while unread. */
  readonly readAt?: Maybe<Scalars['DateTime']['output']>;
  /** Null when it is about nothing in particular (the daily journal prompt) or the thing is gone. */
  readonly subject?: Maybe<NotificationSubject>;
};

export type NotificationEdge = {
  readonly __typename?: 'NotificationEdge';
  readonly node: Notification;
  readonly cursor: Scalars['String']['output'];
};

export type PageInfo = {
  readonly __typename?: 'PageInfo';
  readonly hasNextPage: Scalars['Boolean']['output'];
  readonly endCursor?: Maybe<Scalars['String']['output']>;
};

export type NotificationConnection = {
  readonly __typename?: 'NotificationConnection';
  /** Newest first. */
  readonly edges: ReadonlyArray<NotificationEdge>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Scalars['Int']['output'];
};

/**
 * One UTC day of the caller's entries: the most frequent mood (ties: the latest entry's; null when no entry
 * has one), the average sentiment of the day's analysed entries (null before any insights) and how many entries.
 */
export type MoodPoint = {
  readonly __typename?: 'MoodPoint';
  readonly date: Scalars['Date']['output'];
  readonly mood?: Maybe<Mood>;
  readonly averageSentiment?: Maybe<Scalars['Float']['output']>;
  readonly entryCount: Scalars['Int']['output'];
  readonly wordCount: Scalars['Int']['output'];
};

/** A look back at one week of the caller's journal (the week starts on a local Monday). */
export type WeeklyReflection = {
  readonly __typename?: 'WeeklyReflection';
  readonly id: Scalars['ID']['output'];
  readonly weekStart: Scalars['Date']['output'];
  readonly entryCount: Scalars['Int']['output'];
  readonly summary: Scalars['String']['output'];
  readonly themes: ReadonlyArray<Scalars['String']['output']>;
  readonly moodTrend: ReadonlyArray<MoodPoint>;
  /** The week's entries worth rereading (references the query subgraph resolves). */
  readonly highlights: ReadonlyArray<Entry>;
  readonly generatedBy: Scalars['String']['output'];
  readonly generatedAt: Scalars['DateTime']['output'];
};

export type WeeklyReflectionEdge = {
  readonly __typename?: 'WeeklyReflectionEdge';
  readonly node: WeeklyReflection;
  readonly cursor: Scalars['String']['output'];
};

export type WeeklyReflectionConnection = {
  readonly __typename?: 'WeeklyReflectionConnection';
  /** Newest week first. */
  readonly edges: ReadonlyArray<WeeklyReflectionEdge>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Scalars['Int']['output'];
};

/** The channels one kind of notification is sent on (IN_APP always included). */
export type ChannelChoice = {
  readonly __typename?: 'ChannelChoice';
  readonly kind: NotificationKind;
  readonly channels: ReadonlyArray<NotificationChannel>;
};

/** Quiet hours, local "HH:MM": inside them nothing but IN_APP. `end` before `start` spans midnight. */
export type QuietHours = {
  readonly __typename?: 'QuietHours';
  readonly start: Scalars['String']['output'];
  readonly end: Scalars['String']['output'];
};

export type NotificationPreferences = {
  readonly __typename?: 'NotificationPreferences';
  /** IANA time zone, e.g. "Europe/Berlin"; default "UTC". */
  readonly timeZone: Scalars['String']['output'];
  /** "HH:MM" local time of the daily journal prompt; null = no daily prompt. */
  readonly journalPromptAt?: Maybe<Scalars['String']['output']>;
  /** ISO weekday 1 (Monday) … 7 (Sunday), local, of the weekly reflection; null = none. */
  readonly weeklyReflectionOn?: Maybe<Scalars['Int']['output']>;
  /** Nothing but IN_APP inside them; null = none. */
  readonly quietHours?: Maybe<QuietHours>;
  /** One choice per kind, every kind listed. */
  readonly channels: ReadonlyArray<ChannelChoice>;
};

/** A URL the caller's notifications are POSTed to, signed (Standard Webhooks). */
export type Webhook = {
  readonly __typename?: 'Webhook';
  readonly id: Scalars['ID']['output'];
  readonly url: Scalars['String']['output'];
  readonly kinds: ReadonlyArray<NotificationKind>;
  readonly createdAt: Scalars['DateTime']['output'];
  /** The latest delivery attempts, newest first (`first`: 1 … 100). */
  readonly deliveries: ReadonlyArray<WebhookDelivery>;
  /** When it was disabled after failing repeatedly; null while active. */
  readonly disabledAt?: Maybe<Scalars['DateTime']['output']>;
};


/** A URL the caller's notifications are POSTed to, signed (Standard Webhooks). */
export type WebhookDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One attempt to deliver a notification to a webhook. */
export type WebhookDelivery = {
  readonly __typename?: 'WebhookDelivery';
  readonly id: Scalars['ID']['output'];
  readonly notificationId: Scalars['ID']['output'];
  readonly attempt: Scalars['Int']['output'];
  readonly at: Scalars['DateTime']['output'];
  /** The HTTP status, null when there was no answer. */
  readonly status?: Maybe<Scalars['Int']['output']>;
  readonly ok: Scalars['Boolean']['output'];
  readonly error?: Maybe<Scalars['String']['output']>;
};

/** A new webhook and its signing secret ("whsec_…"), shown this once and never readable again. */
export type WebhookPayload = {
  readonly __typename?: 'WebhookPayload';
  readonly webhook: Webhook;
  readonly secret: Scalars['String']['output'];
};

/** What a delete (soft: the object is gone from every read) wrote, and a token to read that write back. */
export type DeletePayload = {
  readonly __typename?: 'DeletePayload';
  readonly id: Scalars['ID']['output'];
  /** The deleted object's last version: the one its deletion created. */
  readonly version: Scalars['Int']['output'];
  readonly deletedAt: Scalars['DateTime']['output'];
  readonly consistencyToken: Scalars['String']['output'];
};

export type QuietHoursInput = {
  readonly start: Scalars['String']['input'];
  readonly end: Scalars['String']['input'];
};

export type ChannelChoiceInput = {
  readonly kind: NotificationKind;
  readonly channels: ReadonlyArray<NotificationChannel>;
};

/** The whole set of preferences (what is null or left out is turned off; kinds left out of `channels` keep theirs). */
export type NotificationPreferencesInput = {
  /** IANA time zone; default "UTC". */
  readonly timeZone?: InputMaybe<Scalars['String']['input']>;
  readonly journalPromptAt?: InputMaybe<Scalars['String']['input']>;
  readonly weeklyReflectionOn?: InputMaybe<Scalars['Int']['input']>;
  readonly quietHours?: InputMaybe<QuietHoursInput>;
  readonly channels?: InputMaybe<ReadonlyArray<ChannelChoiceInput>>;
};

export type Query = {
  readonly __typename?: 'Query';
  /** The caller's notifications, newest first (`first`: 1 … 100). */
  readonly notifications: NotificationConnection;
  /** One of the caller's notifications; null for another user's or an unknown id (the gateway reads notificationReceived through it). */
  readonly notification?: Maybe<Notification>;
  readonly notificationPreferences: NotificationPreferences;
  /** The caller's webhooks, oldest first (deleted ones are gone). */
  readonly webhooks: ReadonlyArray<Webhook>;
  /** The caller's weekly reflections, newest week first (`first`: 1 … 100). */
  readonly weeklyReflections: WeeklyReflectionConnection;
};


export type QueryNotificationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryNotificationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWeeklyReflectionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  readonly __typename?: 'Mutation';
  /**
   * Replaces the caller's preferences (and reschedules their prompt, reflection and reminders); returns them.
   * Choosing EMAIL for any kind in `channels` clears an unsubscribe made with an email's unsubscribe link.
   */
  readonly setNotificationPreferences: NotificationPreferences;
  /** Marks the caller's notifications `ids` (or `all` of them) read; returns how many were unread and now are not. */
  readonly markNotificationsRead: Scalars['Int']['output'];
  /** A new webhook for `kinds` (https://, or http:// in development); its secret is in the answer, only there. */
  readonly createWebhook: WebhookPayload;
  /** Deletes one of the caller's webhooks (no more deliveries). */
  readonly deleteWebhook: DeletePayload;
  /** The caller's reflection of the week starting `weekStart` (a Monday); generated once, the same one after. */
  readonly generateWeeklyReflection: WeeklyReflection;
};


export type MutationSetNotificationPreferencesArgs = {
  input: NotificationPreferencesInput;
};


export type MutationMarkNotificationsReadArgs = {
  ids?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  all?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationCreateWebhookArgs = {
  url: Scalars['String']['input'];
  kinds: ReadonlyArray<NotificationKind>;
};


export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationGenerateWeeklyReflectionArgs = {
  weekStart: Scalars['Date']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  NotificationSubject:
    | ( EntityRef )
    | ( EntityRef )
    | ( ReflectionRow )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Mood: Mood;
  NotificationKind: NotificationKind;
  NotificationChannel: NotificationChannel;
  User: ResolverTypeWrapper<EntityKey>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Task: ResolverTypeWrapper<EntityRef>;
  Entry: ResolverTypeWrapper<EntityRef>;
  NotificationSubject: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['NotificationSubject']>;
  Notification: ResolverTypeWrapper<NotificationRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  NotificationEdge: ResolverTypeWrapper<Omit<NotificationEdge, 'node'> & { node: ResolversTypes['Notification'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  NotificationConnection: ResolverTypeWrapper<Omit<NotificationConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['NotificationEdge']> }>;
  MoodPoint: ResolverTypeWrapper<MoodPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  WeeklyReflection: ResolverTypeWrapper<ReflectionRow>;
  WeeklyReflectionEdge: ResolverTypeWrapper<Omit<WeeklyReflectionEdge, 'node'> & { node: ResolversTypes['WeeklyReflection'] }>;
  WeeklyReflectionConnection: ResolverTypeWrapper<Omit<WeeklyReflectionConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['WeeklyReflectionEdge']> }>;
  ChannelChoice: ResolverTypeWrapper<ChannelChoice>;
  QuietHours: ResolverTypeWrapper<QuietHours>;
  NotificationPreferences: ResolverTypeWrapper<NotificationPreferences>;
  Webhook: ResolverTypeWrapper<WebhookRow>;
  WebhookDelivery: ResolverTypeWrapper<WebhookDeliveryRow>;
  WebhookPayload: ResolverTypeWrapper<Omit<WebhookPayload, 'webhook'> & { webhook: ResolversTypes['Webhook'] }>;
  DeletePayload: ResolverTypeWrapper<DeletePayload>;
  QuietHoursInput: QuietHoursInput;
  ChannelChoiceInput: ChannelChoiceInput;
  NotificationPreferencesInput: NotificationPreferencesInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  Date: Scalars['Date']['output'];
  User: EntityKey;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Task: EntityRef;
  Entry: EntityRef;
  NotificationSubject: ResolversUnionTypes<ResolversParentTypes>['NotificationSubject'];
  Notification: NotificationRow;
  String: Scalars['String']['output'];
  NotificationEdge: Omit<NotificationEdge, 'node'> & { node: ResolversParentTypes['Notification'] };
  PageInfo: PageInfo;
  NotificationConnection: Omit<NotificationConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['NotificationEdge']> };
  MoodPoint: MoodPoint;
  Float: Scalars['Float']['output'];
  WeeklyReflection: ReflectionRow;
  WeeklyReflectionEdge: Omit<WeeklyReflectionEdge, 'node'> & { node: ResolversParentTypes['WeeklyReflection'] };
  WeeklyReflectionConnection: Omit<WeeklyReflectionConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['WeeklyReflectionEdge']> };
  ChannelChoice: ChannelChoice;
  QuietHours: QuietHours;
  NotificationPreferences: NotificationPreferences;
  Webhook: WebhookRow;
  WebhookDelivery: WebhookDeliveryRow;
  WebhookPayload: Omit<WebhookPayload, 'webhook'> & { webhook: ResolversParentTypes['Webhook'] };
  DeletePayload: DeletePayload;
  QuietHoursInput: QuietHoursInput;
  ChannelChoiceInput: ChannelChoiceInput;
  NotificationPreferencesInput: NotificationPreferencesInput;
  Query: Record<PropertyKey, never>;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
};

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = NotificationsContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type UserResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unreadNotifications?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TaskResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Task'] = ResolversParentTypes['Task']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EntryResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Entry'] = ResolversParentTypes['Entry']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type NotificationSubjectResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationSubject'] = ResolversParentTypes['NotificationSubject']> = {
  __resolveType: TypeResolveFn<'Task' | 'Entry' | 'WeeklyReflection', ParentType, ContextType>;
};

export type NotificationResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['NotificationSubject']>, ParentType, ContextType>;
};

export type NotificationEdgeResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = {
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NotificationConnectionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MoodPointResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['MoodPoint'] = ResolversParentTypes['MoodPoint']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  mood?: Resolver<Maybe<ResolversTypes['Mood']>, ParentType, ContextType>;
  averageSentiment?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  entryCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  wordCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WeeklyReflectionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['WeeklyReflection'] = ResolversParentTypes['WeeklyReflection']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  weekStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  entryCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  themes?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  moodTrend?: Resolver<ReadonlyArray<ResolversTypes['MoodPoint']>, ParentType, ContextType>;
  highlights?: Resolver<ReadonlyArray<ResolversTypes['Entry']>, ParentType, ContextType>;
  generatedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type WeeklyReflectionEdgeResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['WeeklyReflectionEdge'] = ResolversParentTypes['WeeklyReflectionEdge']> = {
  node?: Resolver<ResolversTypes['WeeklyReflection'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WeeklyReflectionConnectionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['WeeklyReflectionConnection'] = ResolversParentTypes['WeeklyReflectionConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['WeeklyReflectionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChannelChoiceResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['ChannelChoice'] = ResolversParentTypes['ChannelChoice']> = {
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
  channels?: Resolver<ReadonlyArray<ResolversTypes['NotificationChannel']>, ParentType, ContextType>;
};

export type QuietHoursResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['QuietHours'] = ResolversParentTypes['QuietHours']> = {
  start?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NotificationPreferencesResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationPreferences'] = ResolversParentTypes['NotificationPreferences']> = {
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  journalPromptAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  weeklyReflectionOn?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  quietHours?: Resolver<Maybe<ResolversTypes['QuietHours']>, ParentType, ContextType>;
  channels?: Resolver<ReadonlyArray<ResolversTypes['ChannelChoice']>, ParentType, ContextType>;
};

export type WebhookResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Webhook'] = ResolversParentTypes['Webhook']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kinds?: Resolver<ReadonlyArray<ResolversTypes['NotificationKind']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveries?: Resolver<ReadonlyArray<ResolversTypes['WebhookDelivery']>, ParentType, ContextType, RequireFields<WebhookDeliveriesArgs, 'first'>>;
  disabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notificationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type WebhookPayloadResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['WebhookPayload'] = ResolversParentTypes['WebhookPayload']> = {
  webhook?: Resolver<ResolversTypes['Webhook'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DeletePayloadResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['DeletePayload'] = ResolversParentTypes['DeletePayload']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deletedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  consistencyToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  notifications?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryNotificationsArgs, 'first' | 'unreadOnly'>>;
  notification?: Resolver<Maybe<ResolversTypes['Notification']>, ParentType, ContextType, RequireFields<QueryNotificationArgs, 'id'>>;
  notificationPreferences?: Resolver<ResolversTypes['NotificationPreferences'], ParentType, ContextType>;
  webhooks?: Resolver<ReadonlyArray<ResolversTypes['Webhook']>, ParentType, ContextType>;
  weeklyReflections?: Resolver<ResolversTypes['WeeklyReflectionConnection'], ParentType, ContextType, RequireFields<QueryWeeklyReflectionsArgs, 'first'>>;
};

export type MutationResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  setNotificationPreferences?: Resolver<ResolversTypes['NotificationPreferences'], ParentType, ContextType, RequireFields<MutationSetNotificationPreferencesArgs, 'input'>>;
  markNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMarkNotificationsReadArgs, 'all'>>;
  createWebhook?: Resolver<ResolversTypes['WebhookPayload'], ParentType, ContextType, RequireFields<MutationCreateWebhookArgs, 'url' | 'kinds'>>;
  deleteWebhook?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteWebhookArgs, 'id'>>;
  generateWeeklyReflection?: Resolver<ResolversTypes['WeeklyReflection'], ParentType, ContextType, RequireFields<MutationGenerateWeeklyReflectionArgs, 'weekStart'>>;
};

export type Resolvers<ContextType = NotificationsContext> = {
  DateTime?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  User?: UserResolvers<ContextType>;
  Task?: TaskResolvers<ContextType>;
  Entry?: EntryResolvers<ContextType>;
  NotificationSubject?: NotificationSubjectResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  MoodPoint?: MoodPointResolvers<ContextType>;
  WeeklyReflection?: WeeklyReflectionResolvers<ContextType>;
  WeeklyReflectionEdge?: WeeklyReflectionEdgeResolvers<ContextType>;
  WeeklyReflectionConnection?: WeeklyReflectionConnectionResolvers<ContextType>;
  ChannelChoice?: ChannelChoiceResolvers<ContextType>;
  QuietHours?: QuietHoursResolvers<ContextType>;
  NotificationPreferences?: NotificationPreferencesResolvers<ContextType>;
  Webhook?: WebhookResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookPayload?: WebhookPayloadResolvers<ContextType>;
  DeletePayload?: DeletePayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = NotificationsContext> = {
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
