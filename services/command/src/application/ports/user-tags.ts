/** The tags each user has used so far (on an entry or a thought): what decides their `TagCreated`. */
export interface UserTags {
  /** Which of `tags` the user has used before. */
  known(userId: string, tags: readonly string[]): Promise<ReadonlySet<string>>;
  /**
   * Remembers these first uses; answers the tags it remembered, leaving out any a concurrent command of the
   * same user remembered first (that one's `TagCreated` is the first use).
   */
  remember(userId: string, tags: readonly { readonly tag: string; readonly tagId: string; readonly createdAt: string }[]): Promise<ReadonlySet<string>>;
}
