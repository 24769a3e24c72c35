/* eslint-disable */
// Generated from ../schema.graphql by the project's codegen.ts (@mindflow/subgraph/codegen). Do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { SearchContext } from '../context.js';
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

export type SearchKind =
  | 'ENTRY'
  | 'THOUGHT'
  | 'TASK';

/** Owned by the query subgraph. */
export type Entry = {
  readonly __typename?: 'Entry';
  readonly id: Scalars['ID']['output'];
};

/** Owned by the query subgraph. */
export type Thought = {
  readonly __typename?: 'Thought';
  readonly id: Scalars['ID']['output'];
};

/** Owned by the query subgraph. */
export type Task = {
  readonly __typename?: 'Task';
  readonly id: Scalars['ID']['output'];
};

export type SearchHit = Entry | Thought | Task;

export type SearchResult = {
  readonly __typename?: 'SearchResult';
  readonly hit: SearchHit;
  /** Relevance; only comparable within one search. */
  readonly score: Scalars['Float']['output'];
  /** Fragments of the title and text with the matching words in <em>…</em> (the text HTML-escaped). */
  readonly highlights: ReadonlyArray<Scalars['String']['output']>;
};

export type SearchEdge = {
  readonly __typename?: 'SearchEdge';
  readonly node: SearchResult;
  readonly cursor: Scalars['String']['output'];
};

export type PageInfo = {
  readonly __typename?: 'PageInfo';
  readonly hasNextPage: Scalars['Boolean']['output'];
  readonly endCursor?: Maybe<Scalars['String']['output']>;
};

export type SearchConnection = {
  readonly __typename?: 'SearchConnection';
  /** Best first. */
  readonly edges: ReadonlyArray<SearchEdge>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Scalars['Int']['output'];
};

export type Query = {
  readonly __typename?: 'Query';
  /**
   * Full text over the caller's entries, thoughts and tasks: every word must match (English stemming,
   * small typos forgiven, the last word also as a prefix). `query` ≤ 256 characters, `first` 1…100.
   * Optional filters: all of `tags`, a `mood` (entries), a day range `from`…`to` (inclusive).
   */
  readonly search: SearchConnection;
  /** Up to 10 words of the caller's documents that complete the last word of `prefix` (≤ 64 characters), most frequent first. */
  readonly suggest: ReadonlyArray<Scalars['String']['output']>;
};


export type QuerySearchArgs = {
  query: Scalars['String']['input'];
  kinds?: InputMaybe<ReadonlyArray<SearchKind>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  mood?: InputMaybe<Mood>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


export type QuerySuggestArgs = {
  prefix: Scalars['String']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


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



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  SearchHit:
    | ( Entry )
    | ( Thought )
    | ( Task )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Mood: Mood;
  SearchKind: SearchKind;
  Entry: ResolverTypeWrapper<Entry>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Thought: ResolverTypeWrapper<Thought>;
  Task: ResolverTypeWrapper<Task>;
  SearchHit: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SearchHit']>;
  SearchResult: ResolverTypeWrapper<Omit<SearchResult, 'hit'> & { hit: ResolversTypes['SearchHit'] }>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SearchEdge: ResolverTypeWrapper<Omit<SearchEdge, 'node'> & { node: ResolversTypes['SearchResult'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  SearchConnection: ResolverTypeWrapper<Omit<SearchConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['SearchEdge']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Date: Scalars['Date']['output'];
  Entry: Entry;
  ID: Scalars['ID']['output'];
  Thought: Thought;
  Task: Task;
  SearchHit: ResolversUnionTypes<ResolversParentTypes>['SearchHit'];
  SearchResult: Omit<SearchResult, 'hit'> & { hit: ResolversParentTypes['SearchHit'] };
  Float: Scalars['Float']['output'];
  String: Scalars['String']['output'];
  SearchEdge: Omit<SearchEdge, 'node'> & { node: ResolversParentTypes['SearchResult'] };
  PageInfo: PageInfo;
  SearchConnection: Omit<SearchConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['SearchEdge']> };
  Int: Scalars['Int']['output'];
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
};

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = SearchContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type EntryResolvers<ContextType = SearchContext, ParentType extends ResolversParentTypes['Entry'] = ResolversParentTypes['Entry']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ThoughtResolvers<ContextType = SearchContext, ParentType extends ResolversParentTypes['Thought'] = ResolversParentTypes['Thought']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TaskResolvers<ContextType = SearchContext, ParentType extends ResolversParentTypes['Task'] = ResolversParentTypes['Task']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = SearchContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  __resolveType: TypeResolveFn<'Entry' | 'Thought' | 'Task', ParentType, ContextType>;
};

export type SearchResultResolvers<ContextType = SearchContext, ParentType extends ResolversParentTypes['SearchResult'] = ResolversParentTypes['SearchResult']> = {
  hit?: Resolver<ResolversTypes['SearchHit'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  highlights?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SearchEdgeResolvers<ContextType = SearchContext, ParentType extends ResolversParentTypes['SearchEdge'] = ResolversParentTypes['SearchEdge']> = {
  node?: Resolver<ResolversTypes['SearchResult'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = SearchContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SearchConnectionResolvers<ContextType = SearchContext, ParentType extends ResolversParentTypes['SearchConnection'] = ResolversParentTypes['SearchConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['SearchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SearchContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  search?: Resolver<ResolversTypes['SearchConnection'], ParentType, ContextType, RequireFields<QuerySearchArgs, 'query' | 'first'>>;
  suggest?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType, RequireFields<QuerySuggestArgs, 'prefix'>>;
};

export type Resolvers<ContextType = SearchContext> = {
  Date?: GraphQLScalarType;
  Entry?: EntryResolvers<ContextType>;
  Thought?: ThoughtResolvers<ContextType>;
  Task?: TaskResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  SearchResult?: SearchResultResolvers<ContextType>;
  SearchEdge?: SearchEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  SearchConnection?: SearchConnectionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = SearchContext> = {
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
