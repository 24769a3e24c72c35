import { createHash } from 'node:crypto';

// Insights about an entry form their own aggregate with their own version sequence. Its id must differ
// from the entry id: the outbox (`UNIQUE (aggregate_id, aggregate_version)`) and `projection_versions`
// key on the aggregate id alone, so sharing the entry's id would collide with the entry's own versions.
// A name-based UUID (RFC 9562 v5) lets anyone derive it from the entry id without a lookup.

/** Fixed namespace for MindFlow name-based ids. Never change it: every insights aggregate id depends on it. */
const insightsNamespace = 'a3b1e5d2-6c0f-4f8e-9b7a-1d2c3e4f5a60';

function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The aggregateId of the insights of an entry (AIInsightsGenerated / AIInsightsFailed). */
export function insightsAggregateId(entryId: string): string {
  return uuidV5(insightsNamespace, entryId.toLowerCase());
}

/**
 * The aggregateId of a user's insights setting (InsightsSettingChanged): not the user id, which the user aggregate
 * (identity's outbox; one outbox with insights' in embedded mode) already counts its versions under. The name
 * `settings:<userId>` cannot be an entry id (a UUID), so it never meets an entry's insights aggregate.
 */
export function insightsSettingsAggregateId(userId: string): string {
  return uuidV5(insightsNamespace, `settings:${userId.toLowerCase()}`);
}
