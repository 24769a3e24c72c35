/**
 * The facts about a thought, past tense. `data` is the published payload (`@mindflow/events`), plus the
 * owner on capture, which travels as the envelope's `userId`.
 */
export type ThoughtEvent = ThoughtCaptured | ThoughtUpdated | ThoughtDeleted;

export interface ThoughtCaptured {
  readonly type: 'ThoughtCaptured';
  readonly data: {
    readonly thoughtId: string;
    readonly ownerId: string;
    readonly text: string;
    readonly tags: readonly string[];
    readonly capturedAt: string;
  };
}

export type ThoughtField = 'text' | 'tags';

/** The whole new state and which fields changed (never empty: an edit that changes nothing is no fact). */
export interface ThoughtUpdated {
  readonly type: 'ThoughtUpdated';
  readonly data: {
    readonly thoughtId: string;
    readonly text: string;
    readonly tags: readonly string[];
    readonly changedFields: readonly ThoughtField[];
    readonly updatedAt: string;
  };
}

export interface ThoughtDeleted {
  readonly type: 'ThoughtDeleted';
  readonly data: { readonly thoughtId: string; readonly deletedAt: string };
}
