// Errors the caller can act on, as values with API.md's codes; the subgraph maps them once (subgraph/errors.ts).

export type MediaErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'PAYLOAD_TOO_LARGE';

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}
