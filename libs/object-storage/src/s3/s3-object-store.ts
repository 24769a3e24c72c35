import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type ServiceInputTypes,
  type ServiceOutputTypes,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
// The SDK's own type package (a dependency of every @aws-sdk client): the middleware's signature.
import type { BuildMiddleware } from '@smithy/types';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectHead, ObjectListing, ObjectStore, SignedGetOptions, SignedPut, SignedPutOptions } from '../object-store.js';
import type { ObjectStoreConfig } from '../object-store-config.js';
import { attachmentDisposition } from '../content-disposition.js';
import { assertObjectKey } from '../object-key.js';

export type S3ObjectStoreConfig = Extract<ObjectStoreConfig, { kind: 's3' }>;

// S3's DeleteObjects takes at most 1000 keys per request.
const deleteBatch = 1000;
// A stream of unknown length goes up as a multipart upload; memory is bounded by partSize × queueSize.
const partSize = 8 * 1024 * 1024;
const queueSize = 2;

/** Object storage on the S3 API (AWS S3 or any S3-compatible server: S3Proxy in tests, MinIO, Ceph RGW …). */
export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3ObjectStoreConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials:
        config.accessKeyId && config.secretAccessKey
          ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
          : undefined, // the SDK's default chain (instance role, web identity, env)
      // Checksums only where S3 requires them: S3-compatible servers do not all read the newer checksum headers,
      // and a presigned PUT carrying a checksum of an empty body would refuse every real upload.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    useContentMd5ForDeleteObjects(this.client);
  }

  async put(key: string, body: Buffer | NodeJS.ReadableStream, options: { contentType: string; contentLength?: number }): Promise<void> {
    assertObjectKey(key);
    if (Buffer.isBuffer(body)) {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType, ContentLength: body.length }),
      );
      return;
    }
    const stream = body instanceof Readable ? body : Readable.from(body as AsyncIterable<Uint8Array>);
    if (options.contentLength !== undefined && options.contentLength <= partSize) {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: stream,
          ContentType: options.contentType,
          ContentLength: options.contentLength,
        }),
      );
      return;
    }
    await new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: stream, ContentType: options.contentType },
      partSize,
      queueSize,
      leavePartsOnError: false,
    }).done();
  }

  async get(key: string): Promise<NodeJS.ReadableStream | null> {
    assertObjectKey(key);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(answer.Body instanceof Readable)) throw new Error('the S3 client answered a body that is not a Node stream');
      return answer.Body;
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
  }

  async head(key: string): Promise<ObjectHead | null> {
    assertObjectKey(key);
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: answer.ContentLength ?? 0, contentType: answer.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
  }

  async delete(keys: string | readonly string[]): Promise<void> {
    const all = typeof keys === 'string' ? [keys] : [...keys];
    all.forEach(assertObjectKey);
    for (let start = 0; start < all.length; start += deleteBatch) {
      const batch = all.slice(start, start + deleteBatch);
      const answer = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
      // S3 reports per key; an absent key is a success there, so anything listed here really failed.
      const failed = (answer.Errors ?? []).filter((error) => error.Code !== 'NoSuchKey');
      if (failed.length > 0) {
        throw new Error(`S3 could not delete ${failed.length} object(s): ${failed.map((error) => `${error.Key}: ${error.Code}`).join(', ')}`);
      }
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectListing> {
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: prefix })) {
      for (const object of page.Contents ?? []) {
        if (object.Key !== undefined) yield { key: object.Key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
      }
    }
  }

  async signedPutUrl(key: string, options: SignedPutOptions): Promise<SignedPut> {
    assertObjectKey(key);
    // Content type and length are signed headers: a PUT with another type, or a body of another length than
    // maxBytes, does not match the signature and S3 refuses it (403) before storing a byte. A presigned PUT cannot
    // bound the size by a maximum (only POST policies can), so here the declared size is the exact size; the caller
    // still checks it with head() before use.
    const url = await getSignedUrl(
      this.client,
      new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: options.contentType, ContentLength: options.maxBytes }),
      { expiresIn: options.expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) },
    );
    return { url, headers: { 'content-type': options.contentType, 'content-length': String(options.maxBytes) } };
  }

  async signedGetUrl(key: string, options: SignedGetOptions): Promise<string> {
    assertObjectKey(key);
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentDisposition: options.downloadName === undefined ? undefined : attachmentDisposition(options.downloadName),
      }),
      { expiresIn: options.expiresInSeconds },
    );
  }

  /** Creates the bucket when it does not exist (tests, and a first start against an empty S3-compatible server). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      if (!isAbsent(error)) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  /** Removes the (empty) bucket: tests clean up after themselves. */
  async deleteBucket(): Promise<void> {
    await this.client.send(new DeleteBucketCommand({ Bucket: this.bucket }));
  }

  close(): void {
    this.client.destroy();
  }
}

function isAbsent(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.name === 'NoSuchBucket' || error.$metadata.httpStatusCode === 404)
  );
}

/**
 * DeleteObjects must carry a checksum of its body. The SDK sends a CRC32 (x-amz-checksum-crc32), which S3 reads
 * but S3-compatible servers that predate it do not (S3Proxy answers NotImplemented); Content-MD5, the checksum S3
 * has always accepted there, works with both. The body is a small XML list of at most 1000 keys.
 */
function useContentMd5ForDeleteObjects(client: S3Client): void {
  const middleware: BuildMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next, context) => (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown } | undefined;
      if (context.commandName === 'DeleteObjectsCommand' && request?.headers && typeof request.body === 'string') {
        for (const name of Object.keys(request.headers)) {
          if (/^x-amz-(checksum-|sdk-checksum-algorithm)/i.test(name)) delete request.headers[name];
        }
        request.headers['content-md5'] = createHash('md5').update(request.body).digest('base64');
      }
      return next(args);
  };
  // Low priority in the build step: inside the SDK's checksum middleware (same step), so after it set its headers.
  client.middlewareStack.add(middleware, { step: 'build', priority: 'low', name: 'deleteObjectsContentMd5' });
}
