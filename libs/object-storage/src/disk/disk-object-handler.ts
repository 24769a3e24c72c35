import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { attachmentDisposition } from '../content-disposition.js';
import { objectKeyProblem } from '../object-key.js';
import { type DiskObjectStore, ObjectTooLargeError } from './disk-object-store.js';
import { verifyGrant } from './disk-url-signature.js';

/**
 * The HTTP face of the disk store's signed URLs (embedded mode's stand-in for S3): a service mounts it on its
 * node:http server; it serves `PUT` and `GET` under the path of OBJECT_STORE_PUBLIC_URL and answers like S3
 * would: 403 for a missing, tampered, expired or other object's signature, 413 past the signed size limit,
 * 404 for an absent object. It resolves to false, having answered nothing, for a path that is not its own.
 */
export function diskObjectHandler(store: DiskObjectStore): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const base = `${new URL(store.publicUrl).pathname.replace(/\/+$/, '')}/`;
  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://object-store.invalid');
    if (!url.pathname.startsWith(base)) return false;
    // Signed URLs are capabilities: any origin holding one may use it (the app uploads from the browser).
    response.setHeader('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-methods': 'GET, PUT',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      });
      response.end();
      return true;
    }
    try {
      await serve(store, base, url, request, response);
    } catch (error) {
      if (!response.headersSent) answer(response, 500, 'internal error');
      else response.destroy(error instanceof Error ? error : undefined);
    }
    return true;
  };
}

async function serve(store: DiskObjectStore, base: string, url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const key = keyOf(url.pathname.slice(base.length));
  if (key === undefined) return answer(response, 400, 'invalid object key');
  if (request.method !== 'GET' && request.method !== 'PUT' && request.method !== 'HEAD') {
    return answer(response, 405, 'method not allowed', { allow: 'GET, HEAD, PUT' });
  }
  const check = verifyGrant(key, url.searchParams, store.signingKey, store.nowMs());
  // A GET URL also answers HEAD (as S3's does); a PUT URL only PUT.
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  if (!check.ok) return answer(response, 403, check.reason);
  if (check.grant.method !== method) return answer(response, 403, `this URL is signed for ${check.grant.method}`);
  const grant = check.grant;

  if (grant.method === 'PUT') {
    if (request.headers['content-type'] !== grant.contentType) return answer(response, 403, 'content-type is not the signed one');
    // As S3 does, a PUT says its length up front (HTTP framing then holds the body to it): an upload past the
    // signed limit is refused before a byte of it is read.
    const declared = Number(request.headers['content-length'] ?? Number.NaN);
    if (!Number.isSafeInteger(declared) || declared < 0) return answer(response, 411, 'content-length required', { connection: 'close' });
    if (declared > grant.maxBytes) return answer(response, 413, `larger than ${grant.maxBytes} bytes`, { connection: 'close' });
    try {
      await store.putLimited(grant.key, request, grant.contentType, grant.maxBytes);
    } catch (error) {
      if (error instanceof ObjectTooLargeError) return answer(response, 413, error.message, { connection: 'close' });
      throw error;
    }
    return answer(response, 200, '');
  }

  const head = await store.head(grant.key);
  const body = head && request.method === 'GET' ? await store.get(grant.key) : null;
  if (!head || (request.method === 'GET' && !body)) return answer(response, 404, 'no such object');
  response.writeHead(200, {
    'content-type': head.contentType,
    'content-length': String(head.size),
    'cache-control': 'private, max-age=60',
    'x-content-type-options': 'nosniff',
    // What is served from here is user content: never a page that runs scripts with this origin.
    'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    ...(grant.downloadName === undefined ? {} : { 'content-disposition': attachmentDisposition(grant.downloadName) }),
  });
  if (!body) {
    response.end();
    return;
  }
  await pipeline(body, response);
}

function keyOf(encoded: string): string | undefined {
  let key: string;
  try {
    key = encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
  return objectKeyProblem(key) ? undefined : key;
}

function answer(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(message);
}
