// The object storage port: what the media service (uploads, attachments) and the export need from a bucket.
// Two adapters hold to it (object-store.contract.int.spec.ts): S3 (distributed mode) and the local disk (embedded),
// both with signed URLs, so the bytes of an upload or a download never pass through the gateway.

export interface ObjectStore {
  /** Stores the object whole (a reader never sees half of it); replaces an existing one. */
  put(
    key: string,
    body: Buffer | NodeJS.ReadableStream,
    options: { contentType: string; contentLength?: number },
  ): Promise<void>;
  /** The object's bytes, or null when absent. */
  get(key: string): Promise<NodeJS.ReadableStream | null>;
  /** Size and type of the object, or null when absent. */
  head(key: string): Promise<ObjectHead | null>;
  /** Deletes the objects; absent keys are not an error. */
  delete(keys: string | readonly string[]): Promise<void>;
  /** Every object whose key starts with `prefix`, in key order. */
  list(prefix: string): AsyncIterable<ObjectListing>;
  /**
   * A URL the client sends the bytes to with `PUT` and exactly these headers. The content type is part of the
   * signature, and so is the size: a body larger than `maxBytes` is refused by the server (S3: the signed
   * Content-Length must equal `maxBytes`, so send exactly the declared size; disk: 413 past it). The object must
   * still be checked with `head()` before it is used.
   */
  signedPutUrl(key: string, options: SignedPutOptions): Promise<SignedPut>;
  /** A URL that reads the object with `GET` until it expires; `downloadName` makes browsers save it under that name. */
  signedGetUrl(key: string, options: SignedGetOptions): Promise<string>;
}

export interface ObjectHead {
  size: number;
  contentType: string;
}

export interface ObjectListing {
  key: string;
  size: number;
  /** When the object was last written (the sweepers age orphans and expiring objects by it). */
  modifiedAt: Date;
}

export interface SignedPutOptions {
  contentType: string;
  maxBytes: number;
  expiresInSeconds: number;
}

export interface SignedPut {
  url: string;
  headers: Record<string, string>;
}

export interface SignedGetOptions {
  expiresInSeconds: number;
  downloadName?: string;
}
