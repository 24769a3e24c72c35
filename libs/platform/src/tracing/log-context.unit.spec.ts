import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { withLogContext } from './log-context.js';
import { currentTraceparent, inSpan } from './spans.js';

/** A logger as services get it, writing to memory. */
function capture() {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger('test', 'info', sink);
  return { raw, log, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('log context (tracing off)', () => {
  it('puts the correlation id of the flow at hand on every line, across awaits', async () => {
    const { log, lines } = capture();
    log.info('outside');
    await withLogContext({ correlationId: 'corr-1' }, async () => {
      log.info('before');
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.info({ extra: 1 }, 'after');
    });
    expect(lines().map((l) => [l['msg'], l['correlationId']])).toEqual([['outside', undefined], ['before', 'corr-1'], ['after', 'corr-1']]);
    expect(lines().some((l) => 'traceId' in l)).toBe(false);
  });

  it('writes the id once when a child logger is bound to it or the line names it', () => {
    const { log, raw } = capture();
    withLogContext({ correlationId: 'corr-2' }, () => {
      log.child({ correlationId: 'corr-2' }).info('bound');
      log.info({ correlationId: 'corr-2' }, 'named');
    });
    expect(raw).toHaveLength(2);
    for (const line of raw) expect(line.split('"correlationId"')).toHaveLength(2);
  });

  it('runs spans as plain calls and sends no trace context', async () => {
    const seen = await inSpan('work', {}, (span) => Promise.resolve({ span, traceparent: currentTraceparent() }));
    expect(seen).toEqual({ span: undefined, traceparent: undefined });
  });
});
