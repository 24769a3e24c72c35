// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the declaration of kafkajs's untyped internal module must reach every project that compiles this file (a .d.ts beside it is in this project's tsconfig only)
/// <reference path="./kafkajs-request-queue.d.ts" />
// kafkajs 2.2.4 (its last release) keeps a timer running on every broker connection once a request has been
// answered: with no request waiting, `RequestQueue.scheduleCheckPendingRequests` arms `setTimeout` with a negative
// delay (Node runs it after 1 ms, with a `TimeoutNegativeWarning`), which checks the empty queue and arms it again —
// a thousand wake-ups a second per connection, most of an idle Kafka role's CPU (issue 11; kafkajs issues #1556,
// #1704, #1751, open fixes #1667, #1768). The check is only ever needed while a request waits: `push` schedules it
// when it queues one, and each answer checks the queue. So with nothing waiting, nothing is scheduled.
// A static import (not `createRequire` at run time): esbuild bundles it with the rest of kafkajs, so a role's bundle
// patches the very class its Kafka clients use, and Node's module cache gives tsx runs the same one.
import RequestQueue from 'kafkajs/src/network/requestQueue/index.js';

/** The part of kafkajs's (internal, untyped) RequestQueue this touches. */
interface RequestQueueInternals {
  readonly pending: readonly unknown[];
  scheduleCheckPendingRequests: (this: RequestQueueInternals) => void;
}

const fixed = Symbol.for('mindflow.kafkajs.idle-request-queue');

/** The kafkajs RequestQueue class (tests). */
export function kafkaRequestQueue(): { prototype: RequestQueueInternals } {
  return RequestQueue;
}

/** Stops kafkajs's idle timer loop in this process (idempotent): call it before making Kafka clients. */
export function stopKafkaIdleTimers(): void {
  const prototype = kafkaRequestQueue().prototype as RequestQueueInternals & { [fixed]?: true };
  if (prototype[fixed]) return;
  const schedule = prototype.scheduleCheckPendingRequests;
  prototype.scheduleCheckPendingRequests = function scheduleWhileWaiting(this: RequestQueueInternals) {
    if (this.pending.length > 0) schedule.call(this);
  };
  prototype[fixed] = true;
}
