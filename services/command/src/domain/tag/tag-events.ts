/**
 * The first use of a tag by a user (on an entry or a thought), past tense. `data` is the published
 * payload (`@mindflow/events`, aggregate `tag`), with the user as `ownerId`.
 */
export interface TagCreated {
  readonly type: 'TagCreated';
  readonly data: { readonly tagId: string; readonly ownerId: string; readonly tag: string; readonly createdAt: string };
}
