/* eslint-disable */
// Generated from ../schema.graphql by the project's codegen.ts (@mindflow/subgraph/codegen). Do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { StoredInsights } from '../../adapters/pg/insights-rows.js';
import type { EntityKey, InsightsContext } from '../context.js';
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
};

/** Owned by the query subgraph; this subgraph adds its insights. */
export type Entry = {
  readonly __typename?: 'Entry';
  readonly id: Scalars['ID']['output'];
  /** The latest analysis of the entry's words; null until generated, for another user's entry, or with insights off. */
  readonly insights?: Maybe<Insights>;
};

/** An analysis of one entry, by Claude for premium users or the local analyzer for everyone else. */
export type Insights = {
  readonly __typename?: 'Insights';
  readonly entryId: Scalars['ID']['output'];
  /** −1 (very negative) … 1 (very positive). */
  readonly sentiment: Scalars['Float']['output'];
  readonly themes: ReadonlyArray<Scalars['String']['output']>;
  readonly summary: Scalars['String']['output'];
  readonly suggestions: ReadonlyArray<Scalars['String']['output']>;
  /** The model or analyzer that produced it, e.g. `claude-sonnet-4-5` or `local-analyzer@1`. */
  readonly generatedBy: Scalars['String']['output'];
  readonly generatedAt: Scalars['DateTime']['output'];
};

/** Owned by the identity subgraph; this subgraph adds the insights setting. */
export type User = {
  readonly __typename?: 'User';
  readonly id: Scalars['ID']['output'];
  /** Whether new entries get analysed (the caller's own; false for anyone else). */
  readonly insightsEnabled: Scalars['Boolean']['output'];
};

export type Mutation = {
  readonly __typename?: 'Mutation';
  /** Turns AI insights of the caller's entries on or off (off: no new analyses, queued ones dropped). Returns the new setting. */
  readonly setInsightsEnabled: Scalars['Boolean']['output'];
};


export type MutationSetInsightsEnabledArgs = {
  enabled: Scalars['Boolean']['input'];
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
  Entry: Entry;
  Insights: Insights;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Entry:
    ( { __typename: 'Entry' }
    & GraphQLRecursivePick<FederationTypes['Entry'], {"id":true}> );
  Insights:
    ( { __typename: 'Insights' }
    & GraphQLRecursivePick<FederationTypes['Insights'], {"entryId":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Entry: ResolverTypeWrapper<Omit<Entry, 'insights'> & { insights?: Maybe<ResolversTypes['Insights']> }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Insights: ResolverTypeWrapper<StoredInsights>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  User: ResolverTypeWrapper<EntityKey>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  Entry: Omit<Entry, 'insights'> & { insights?: Maybe<ResolversParentTypes['Insights']> } | FederationReferenceTypes['Entry'];
  ID: Scalars['ID']['output'];
  Insights: StoredInsights;
  Float: Scalars['Float']['output'];
  String: Scalars['String']['output'];
  User: EntityKey;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
};

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = InsightsContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EntryResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['Entry'] = ResolversParentTypes['Entry'], FederationReferenceType extends FederationReferenceTypes['Entry'] = FederationReferenceTypes['Entry']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Entry']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  insights?: Resolver<Maybe<ResolversTypes['Insights']>, ParentType, ContextType>;
};

export type InsightsResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['Insights'] = ResolversParentTypes['Insights'], FederationReferenceType extends FederationReferenceTypes['Insights'] = FederationReferenceTypes['Insights']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Insights']> | FederationReferenceType, FederationReferenceType, ContextType>;
  entryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sentiment?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  themes?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  suggestions?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  generatedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  insightsEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  setInsightsEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationSetInsightsEnabledArgs, 'enabled'>>;
};

export type Resolvers<ContextType = InsightsContext> = {
  DateTime?: GraphQLScalarType;
  Entry?: EntryResolvers<ContextType>;
  Insights?: InsightsResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = InsightsContext> = {
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
