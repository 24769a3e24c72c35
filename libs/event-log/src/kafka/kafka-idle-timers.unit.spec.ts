import { describe, expect, it } from 'vitest';
import { kafkaRequestQueue, stopKafkaIdleTimers } from './kafka-idle-timers.js';

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  scheduleCheckPendingRequests(): void;
}

/** A RequestQueue in the state the check reads: nothing throttled (kafkajs's initial -1), no timer armed. */
function queue(pending: unknown[]): Queue {
  const made = Object.create(kafkaRequestQueue().prototype) as Queue;
  return Object.assign(made, { pending, throttledUntil: -1, throttleCheckTimeoutId: null });
}

describe('kafkajs idle timers (issue 11)', () => {
  it('arms no timer while no request waits, and still one when a request waits', () => {
    stopKafkaIdleTimers();
    stopKafkaIdleTimers(); // idempotent: wrapping twice would still work, but must not stack
    const idle = queue([]);
    idle.scheduleCheckPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull(); // kafkajs itself arms a 1 ms timer here, again and again

    const waiting = queue([{ correlationId: 1 }]);
    waiting.scheduleCheckPendingRequests();
    expect(waiting.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(waiting.throttleCheckTimeoutId!);
  });
});
