import { createHmac, timingSafeEqual } from 'node:crypto';

// The disk store's signed URLs: an HMAC-SHA256 over what the URL allows (the method, the object's key, the
// expiry, and for an upload its content type and size limit), so a URL works only for its own object, its own
// method and until it expires, and changing any part of it breaks the signature.

export type SignedGrant =
  | { method: 'PUT'; key: string; expires: number; contentType: string; maxBytes: number }
  | { method: 'GET'; key: string; expires: number; downloadName?: string };

const parameter = {
  method: 'X-Method',
  expires: 'X-Expires',
  contentType: 'X-Content-Type',
  maxBytes: 'X-Max-Bytes',
  downloadName: 'X-Download-Name',
  signature: 'X-Signature',
} as const;

/** The query string of a signed URL for the grant. */
export function signGrant(grant: SignedGrant, signingKey: string): URLSearchParams {
  const query = new URLSearchParams({ [parameter.method]: grant.method, [parameter.expires]: String(grant.expires) });
  if (grant.method === 'PUT') {
    query.set(parameter.contentType, grant.contentType);
    query.set(parameter.maxBytes, String(grant.maxBytes));
  } else if (grant.downloadName !== undefined) {
    query.set(parameter.downloadName, grant.downloadName);
  }
  query.set(parameter.signature, mac(grant, signingKey));
  return query;
}

export type GrantCheck = { ok: true; grant: SignedGrant } | { ok: false; reason: string };

/** What a request's URL grants for `key`, when its signature is genuine and it has not expired. */
export function verifyGrant(key: string, query: URLSearchParams, signingKey: string, nowMs: number): GrantCheck {
  const method = query.get(parameter.method);
  const expires = Number(query.get(parameter.expires));
  const signature = query.get(parameter.signature) ?? '';
  if ((method !== 'PUT' && method !== 'GET') || !Number.isSafeInteger(expires)) return { ok: false, reason: 'not a signed URL' };
  let grant: SignedGrant;
  if (method === 'PUT') {
    const maxBytes = Number(query.get(parameter.maxBytes));
    const contentType = query.get(parameter.contentType);
    if (contentType === null || !Number.isSafeInteger(maxBytes)) return { ok: false, reason: 'not a signed URL' };
    grant = { method, key, expires, contentType, maxBytes };
  } else {
    const downloadName = query.get(parameter.downloadName);
    grant = downloadName === null ? { method, key, expires } : { method, key, expires, downloadName };
  }
  const expected = Buffer.from(mac(grant, signingKey));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature does not match' };
  if (nowMs >= expires * 1000) return { ok: false, reason: 'signed URL expired' };
  return { ok: true, grant };
}

// Fields joined with a newline, which none of them may hold unescaped: JSON strings escape it.
function mac(grant: SignedGrant, signingKey: string): string {
  const fields =
    grant.method === 'PUT'
      ? ['PUT', grant.key, grant.expires, grant.contentType, grant.maxBytes]
      : ['GET', grant.key, grant.expires, grant.downloadName ?? null];
  return createHmac('sha256', signingKey).update(fields.map((field) => JSON.stringify(field)).join('\n')).digest('base64url');
}
