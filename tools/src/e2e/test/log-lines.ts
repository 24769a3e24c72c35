import { Writable } from 'node:stream';

/** One JSON log line of one service, as the system's output prefixes it (`[query-projector] {...}`). */
export interface ServiceLogLine {
  readonly service: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * Collects the services' structured log lines (the `output` of startSystem) to assert on them; with
 * E2E_LOGS set they are also written to stderr. Lines that are not JSON (a stack trace) are passed over.
 */
export class LogLines extends Writable {
  readonly lines: ServiceLogLine[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    const text = chunk.toString();
    if (process.env['E2E_LOGS']) process.stderr.write(text);
    for (const line of text.split('\n')) {
      const match = /^\[([\w-]+)\] (\{.*\})$/.exec(line);
      if (!match) continue;
      try {
        this.lines.push({ service: match[1]!, fields: JSON.parse(match[2]!) as Record<string, unknown> });
      } catch {
        // not a log line
      }
    }
    callback();
  }

  of(service: string): ServiceLogLine['fields'][] {
    return this.lines.filter((line) => line.service === service).map((line) => line.fields);
  }
}
