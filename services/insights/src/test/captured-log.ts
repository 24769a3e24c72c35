import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** A debug-level logger whose every line is kept, to assert what logs contain (privacy tests). */
export function capturedLog(): { log: Logger; text: () => string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink), text: () => lines.join('') };
}
