import { createHmac, timingSafeEqual } from 'node:crypto';

// The one-click unsubscribe link (RFC 8058): `<base>?user=<userId>&sig=<base64url HMAC-SHA256>`. The MAC covers a
// purpose label and the user id, so the link unsubscribes that user and nothing else, and no other MAC made with
// the same secret passes for it. It does not expire: an old mail's link must still work.

const purpose = 'mindflow-unsubscribe-v1';

function mac(secret: string, userId: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}:${userId}`).digest();
}

/** The signed link for `userId` under `baseUrl` (where `unsubscribeHandler` is served). */
export function unsubscribeUrl(baseUrl: string, secret: string, userId: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('user', userId);
  url.searchParams.set('sig', mac(secret, userId).toString('base64url'));
  return url.toString();
}

/** The user a link's query names, when its signature is right; else undefined. */
export function verifiedUnsubscribeUser(secret: string, query: URLSearchParams): string | undefined {
  const userId = query.get('user');
  const signature = query.get('sig');
  if (!userId || !signature || !/^[0-9a-f-]{36}$/i.test(userId)) return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, userId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : undefined;
}
