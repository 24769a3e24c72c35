/** What a caller may ask of thoughts, imperative. */
export type ThoughtCommand = CaptureThought | UpdateThought | DeleteThought;

export interface CaptureThought {
  readonly type: 'CaptureThought';
  readonly data: { readonly ownerId: string; readonly text: string; readonly tags?: readonly string[] };
}

/** Absent fields stay as they are; `tags`, when given, replaces the whole list. */
export interface UpdateThought {
  readonly type: 'UpdateThought';
  readonly data: {
    readonly thoughtId: string;
    readonly callerId: string;
    readonly expectedVersion: number;
    readonly text?: string;
    readonly tags?: readonly string[];
  };
}

export interface DeleteThought {
  readonly type: 'DeleteThought';
  readonly data: { readonly thoughtId: string; readonly callerId: string };
}
