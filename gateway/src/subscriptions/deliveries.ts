import type { Notification } from '@mindflow/notifications';
import type { ExecutionResult } from 'graphql';
import type { NotificationStream } from './notification-stream.js';

/**
 * Maps the stream to results as a hand-written iterator rather than an async generator: a generator
 * suspended in `await stream.next()` could not be returned until the next notification arrived, so a
 * subscriber who leaves would keep listening; here `return()` closes the stream at once.
 */
export function deliveries(
  stream: NotificationStream,
  deliver: (n: Notification) => Promise<ExecutionResult>,
  onClose: () => void,
): AsyncIterableIterator<ExecutionResult> {
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    onClose();
    await stream.close();
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      const next = await stream.next();
      if (next.done) {
        await close();
        return { done: true, value: undefined };
      }
      return { done: false, value: await deliver(next.value) };
    },
    async return() {
      await close();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await close();
      throw error;
    },
  };
  return iterator;
}
