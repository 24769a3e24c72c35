import type { ErasureRecord } from './ports/erasure-store.js';

/**
 * The operators' erasure report (README "Erasure"): per erasure, when it was asked, the attempts, when the key
 * went, and per service when it acknowledged and what it erased where (counts by store). Ids, dates and counts
 * only: nothing of the person is left to print.
 */
export function erasureReport(erasures: readonly ErasureRecord[]): string {
  const lines: string[] = [];
  for (const erasure of erasures) {
    const state = erasure.completedAt ? `complete ${erasure.completedAt.toISOString()}` : 'OPEN';
    lines.push(
      `user ${erasure.userId}  requested ${erasure.requestedAt.toISOString()}  attempt ${erasure.attempt}  ` +
        `key ${erasure.keyDestroyedAt ? `destroyed ${erasure.keyDestroyedAt.toISOString()}` : 'NOT DESTROYED'}  ${state}`,
    );
    for (const receipt of erasure.receipts) {
      if (!receipt.acknowledgedAt) {
        lines.push(`  ${receipt.service.padEnd(14)} waiting (asked ${erasure.lastAttemptAt.toISOString()})`);
        continue;
      }
      const erased = Object.entries(receipt.erased ?? {}).map(([store, count]) => `${store}=${count}`).join(' ');
      lines.push(`  ${receipt.service.padEnd(14)} erased ${receipt.acknowledgedAt.toISOString()} (attempt ${receipt.attempt ?? '?'})  ${erased}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') : 'no erasures';
}
