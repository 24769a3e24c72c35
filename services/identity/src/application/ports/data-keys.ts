/**
 * The user's data key, as far as erasure is concerned: destroying it makes every personal field sealed with it
 * unreadable for good, in the event log (Kafka, outboxes) and in every copy of it. The key store is
 * @mindflow/events' `KeyStore` (crypto-shredding); identity needs only this of it. Idempotent: destroying a
 * key that is gone, or was never made, succeeds.
 */
export interface DataKeys {
  destroy(userId: string): Promise<void>;
}
