/* eslint-disable */
// Generated from ../schema.graphql by the project's codegen.ts (@mindflow/subgraph/codegen). Do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AttachmentRow } from '../../application/ports/media-store.js';
import type { EntityKey, MediaContext } from '../context.js';
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

/** Owned by the query subgraph; this subgraph adds its attachments. */
export type Entry = {
  readonly __typename?: 'Entry';
  readonly id: Scalars['ID']['output'];
  /** The caller's files on this entry, oldest first; empty for another user's entry. */
  readonly attachments: ReadonlyArray<Attachment>;
};

/** Owned by the query subgraph; this subgraph adds its attachments. */
export type Thought = {
  readonly __typename?: 'Thought';
  readonly id: Scalars['ID']['output'];
  /** The caller's files on this thought, oldest first; empty for another user's thought. */
  readonly attachments: ReadonlyArray<Attachment>;
};

/** A file on an entry or a thought: an image (metadata stripped, oriented, with a thumbnail), a PDF or audio. */
export type Attachment = {
  readonly __typename?: 'Attachment';
  readonly id: Scalars['ID']['output'];
  readonly fileName: Scalars['String']['output'];
  /** The type read from the stored bytes (image/jpeg, image/png, image/webp, application/pdf, audio/mp4 …). */
  readonly contentType: Scalars['String']['output'];
  /** Bytes of the stored file. */
  readonly size: Scalars['Int']['output'];
  readonly createdAt: Scalars['DateTime']['output'];
  /** A short-lived signed GET URL of the file (MEDIA_DOWNLOAD_URL_SECONDS, 5 minutes by default). */
  readonly url: Scalars['String']['output'];
  /** Images only: a signed GET URL of a WebP at most 320 pixels on its longer side. */
  readonly thumbnailUrl?: Maybe<Scalars['String']['output']>;
  /** Images only, after orientation. */
  readonly width?: Maybe<Scalars['Int']['output']>;
  /** Images only, after orientation. */
  readonly height?: Maybe<Scalars['Int']['output']>;
  /** Audio only: seconds, when the file says. */
  readonly durationSeconds?: Maybe<Scalars['Float']['output']>;
};

export type UploadRequest = {
  /** Shown to the user and offered as the download name; never a path. */
  readonly fileName: Scalars['String']['input'];
  /** The type the client will send (signed into the URL); the accepted type is read from the bytes at attachFile. */
  readonly contentType: Scalars['String']['input'];
  /** Bytes the client will send: at most MEDIA_MAX_UPLOAD_BYTES (20 MiB by default), counted against the quota. */
  readonly size: Scalars['Int']['input'];
};

/** Where to send one file's bytes: `method` to `url` with exactly `headers`, before `expiresAt`. */
export type UploadTicket = {
  readonly __typename?: 'UploadTicket';
  readonly uploadId: Scalars['ID']['output'];
  readonly url: Scalars['String']['output'];
  readonly method: Scalars['String']['output'];
  readonly headers: ReadonlyArray<HttpHeader>;
  readonly expiresAt: Scalars['DateTime']['output'];
};

export type HttpHeader = {
  readonly __typename?: 'HttpHeader';
  readonly name: Scalars['String']['output'];
  readonly value: Scalars['String']['output'];
};

/** Exactly one of the two. */
export type AttachTarget = {
  readonly entryId?: InputMaybe<Scalars['ID']['input']>;
  readonly thoughtId?: InputMaybe<Scalars['ID']['input']>;
};

export type AttachmentPayload = {
  readonly __typename?: 'AttachmentPayload';
  readonly attachment: Attachment;
  readonly consistencyToken: Scalars['String']['output'];
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

export type ExportFormat =
  /** A zip: one Markdown file per entry (YAML front matter with every field), its attachments in a folder beside it. */
  | 'MARKDOWN'
  /** A readable book: a title page, then the entries by date with mood, tags and images. */
  | 'PDF'
  /** Every field of the journal and its entries, machine-readable (format mindflow.journal-export, version 1). */
  | 'JSON';

/** An exported file in object storage: download it from `url` (signed, short-lived) before `expiresAt`. */
export type ExportFile = {
  readonly __typename?: 'ExportFile';
  /** The download name, e.g. summer-notebook-2026-12-07.pdf. */
  readonly fileName: Scalars['String']['output'];
  readonly contentType: Scalars['String']['output'];
  readonly url: Scalars['String']['output'];
  readonly expiresAt: Scalars['DateTime']['output'];
};

export type Query = {
  readonly __typename?: 'Query';
  /**
   * One of the caller's journals as a file, oldest entry first, with the entries whose UTC day lies in [from, to] (either
   * bound may be left out; from 2000-01-01 on): streamed into object storage, however long the journal. Another user's
   * journal, a deleted one and an unknown id are NOT_FOUND alike. Send x-consistent-with to include what was just written.
   */
  readonly exportJournal: ExportFile;
  /**
   * Everything the caller has in MindFlow, as a zip (mindflow-account-YYYY-MM-DD.zip): manifest.json (what each file
   * is, how many records it holds, when it was exported), one JSON document per kind of record (profile, journals,
   * entries, insights, thoughts, tasks with their completed occurrences, calendar events, notifications, notification
   * preferences, webhooks without their secrets, weekly reflections, attachments) and every attachment's bytes under
   * attachments/. Only the caller's own records; streamed into object storage, however much there is; the URL is
   * signed and short-lived. Send x-consistent-with to include what was just written.
   */
  readonly exportAccount: ExportFile;
};


export type QueryExportJournalArgs = {
  id: Scalars['ID']['input'];
  format: ExportFormat;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type Mutation = {
  readonly __typename?: 'Mutation';
  /** A signed URL to send one file to; FORBIDDEN when the caller's storage quota (by plan) would be exceeded. */
  readonly requestUpload: UploadTicket;
  /** Checks the uploaded file (type from its bytes, size, owners), processes it and attaches it to the target. */
  readonly attachFile: AttachmentPayload;
  /** Removes one of the caller's attachments; its stored objects are deleted. */
  readonly removeAttachment: DeletePayload;
};


export type MutationRequestUploadArgs = {
  input: UploadRequest;
};


export type MutationAttachFileArgs = {
  uploadId: Scalars['ID']['input'];
  to: AttachTarget;
};


export type MutationRemoveAttachmentArgs = {
  id: Scalars['ID']['input'];
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
  Thought: Thought;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Entry:
    ( { __typename: 'Entry' }
    & GraphQLRecursivePick<FederationTypes['Entry'], {"id":true}> );
  Thought:
    ( { __typename: 'Thought' }
    & GraphQLRecursivePick<FederationTypes['Thought'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Entry: ResolverTypeWrapper<EntityKey>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Thought: ResolverTypeWrapper<EntityKey>;
  Attachment: ResolverTypeWrapper<AttachmentRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  UploadRequest: UploadRequest;
  UploadTicket: ResolverTypeWrapper<UploadTicket>;
  HttpHeader: ResolverTypeWrapper<HttpHeader>;
  AttachTarget: AttachTarget;
  AttachmentPayload: ResolverTypeWrapper<Omit<AttachmentPayload, 'attachment'> & { attachment: ResolversTypes['Attachment'] }>;
  DeletePayload: ResolverTypeWrapper<DeletePayload>;
  ExportFormat: ExportFormat;
  ExportFile: ResolverTypeWrapper<ExportFile>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  Date: Scalars['Date']['output'];
  Entry: EntityKey;
  ID: Scalars['ID']['output'];
  Thought: EntityKey;
  Attachment: AttachmentRow;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  UploadRequest: UploadRequest;
  UploadTicket: UploadTicket;
  HttpHeader: HttpHeader;
  AttachTarget: AttachTarget;
  AttachmentPayload: Omit<AttachmentPayload, 'attachment'> & { attachment: ResolversParentTypes['Attachment'] };
  DeletePayload: DeletePayload;
  ExportFile: ExportFile;
  Query: Record<PropertyKey, never>;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
};

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = MediaContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type EntryResolvers<ContextType = MediaContext, ParentType extends ResolversParentTypes['Entry'] = ResolversParentTypes['Entry'], FederationReferenceType extends FederationReferenceTypes['Entry'] = FederationReferenceTypes['Entry']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Entry']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  attachments?: Resolver<ReadonlyArray<ResolversTypes['Attachment']>, ParentType, ContextType>;
};

export type ThoughtResolvers<ContextType = MediaContext, ParentType extends ResolversParentTypes['Thought'] = ResolversParentTypes['Thought'], FederationReferenceType extends FederationReferenceTypes['Thought'] = FederationReferenceTypes['Thought']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Thought']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  attachments?: Resolver<ReadonlyArray<ResolversTypes['Attachment']>, ParentType, ContextType>;
};

export type AttachmentResolvers<ContextType = MediaContext, ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  thumbnailUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  width?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  height?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type UploadTicketResolvers<ContextType = MediaContext, ParentType extends ResolversParentTypes['UploadTicket'] = ResolversParentTypes['UploadTicket']> = {
  uploadId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  headers?: Resolver<ReadonlyArray<ResolversTypes['HttpHeader']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type HttpHeaderResolvers<ContextType = MediaContext, ParentType extends ResolversParentTypes['HttpHeader'] = ResolversParentTypes['HttpHeader']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AttachmentPayloadResolvers<ContextType = MediaContext, ParentType extends ResolversParentTypes['AttachmentPayload'] = ResolversParentTypes['AttachmentPayload']> = {
  attachment?: Resolver<ResolversTypes['Attachment'], ParentType, ContextType>;
  consistencyToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DeletePayloadResolvers<ContextType = MediaContext, ParentType extends ResolversParentTypes['DeletePayload'] = ResolversParentTypes['DeletePayload']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deletedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  consistencyToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ExportFileResolvers<ContextType = MediaContext, ParentType extends ResolversParentTypes['ExportFile'] = ResolversParentTypes['ExportFile']> = {
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = MediaContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  exportJournal?: Resolver<ResolversTypes['ExportFile'], ParentType, ContextType, RequireFields<QueryExportJournalArgs, 'id' | 'format'>>;
  exportAccount?: Resolver<ResolversTypes['ExportFile'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = MediaContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  requestUpload?: Resolver<ResolversTypes['UploadTicket'], ParentType, ContextType, RequireFields<MutationRequestUploadArgs, 'input'>>;
  attachFile?: Resolver<ResolversTypes['AttachmentPayload'], ParentType, ContextType, RequireFields<MutationAttachFileArgs, 'uploadId' | 'to'>>;
  removeAttachment?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationRemoveAttachmentArgs, 'id'>>;
};

export type Resolvers<ContextType = MediaContext> = {
  DateTime?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  Entry?: EntryResolvers<ContextType>;
  Thought?: ThoughtResolvers<ContextType>;
  Attachment?: AttachmentResolvers<ContextType>;
  UploadTicket?: UploadTicketResolvers<ContextType>;
  HttpHeader?: HttpHeaderResolvers<ContextType>;
  AttachmentPayload?: AttachmentPayloadResolvers<ContextType>;
  DeletePayload?: DeletePayloadResolvers<ContextType>;
  ExportFile?: ExportFileResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = MediaContext> = {
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
