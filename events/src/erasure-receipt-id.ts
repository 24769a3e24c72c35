import { createHash } from 'node:crypto';

// A service's acknowledgement of a user's erasure (`UserDataErased`) is an aggregate of its own: one per user,
// service and attempt, version 1, so services acknowledging from different outboxes never race for a version
// of the user aggregate (whose id they do not own), and an acknowledgement written twice (a redelivered
// request) is the same (aggregate id, version): the outbox's UNIQUE refuses it, a projection skips it.
// A name-based UUID (RFC 9562 v5), derivable by anyone from the three names.

/** Fixed namespace. Never change it: every acknowledgement's aggregate id depends on it. */
const erasureNamespace = '6f1d2c3b-8a4e-4c5d-9e6f-7a8b9c0d1e2f';

function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The aggregateId of one service's acknowledgement of one erasure attempt (`UserDataErased`). */
export function erasureReceiptId(userId: string, service: string, attempt: number): string {
  return uuidV5(erasureNamespace, `${userId.toLowerCase()}/${service}/${attempt}`);
}
