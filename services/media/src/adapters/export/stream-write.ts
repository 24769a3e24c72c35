import { once } from 'node:events';

/** Writes and, when the stream's buffer is full, waits until it drains: the writer never runs ahead of the reader. */
export async function writeWithBackpressure(output: NodeJS.WritableStream, chunk: string | Buffer): Promise<void> {
  if (!output.write(chunk)) await once(output as unknown as NodeJS.EventEmitter, 'drain');
}
