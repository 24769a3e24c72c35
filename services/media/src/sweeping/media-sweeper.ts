import type { Logger } from '@mindflow/platform';
import type { MediaObjects } from '../application/ports/media-objects.js';
import { sweepMedia, type SweepAges, type SweepReport, type SweepStore } from '../application/sweep-media.js';

export interface MediaSweeper {
  start(): void;
  stop(): Promise<void>;
  /** One sweep now (tests, and the timer's). */
  runOnce(): Promise<SweepReport>;
}

/**
 * Runs `sweepMedia` every `intervalMs`, one sweep at a time, beside the media projector (whose deletions queue
 * objects); a failed sweep is logged and the next one tries again.
 */
export function mediaSweeper(options: {
  store: SweepStore;
  objects: MediaObjects;
  intervalMs: number;
  ages: SweepAges;
  now: () => Date;
  log: Logger;
}): MediaSweeper {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const runOnce = () => {
    const sweep = running.then(() => sweepMedia(options.store, options.objects, options.now(), options.ages));
    running = sweep.catch(() => undefined);
    return sweep;
  };
  const tick = () => {
    if (stopped) return;
    runOnce()
      .then((report) => {
        if (report.expiredUploads || report.deletedObjects || report.orphanedUploads || report.expiredExports) options.log.info(report, 'media swept');
      })
      .catch((error: unknown) => options.log.warn({ err: error }, 'media sweep failed; the next one tries again'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      });
  };
  return {
    start() {
      stopped = false;
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    runOnce,
  };
}
