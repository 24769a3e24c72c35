import { DestroyRef, inject } from '@angular/core';
import type { ReadOptions } from '../../core/gql';

/** Under the signed URLs' life (MEDIA_DOWNLOAD_URL_SECONDS, 5 minutes by default). */
export const urlRefreshMs = 4 * 60_000;

/**
 * Files on screen keep working: their list (signed URLs that expire) is read again before the URLs do, for as
 * long as the component that shows them lives. Call in an injection context; answers `list`.
 */
export function keepUrlsFresh<L extends { refetch(options?: ReadOptions): Promise<void> }>(list: L, everyMs = urlRefreshMs): L {
  const timer = setInterval(() => void list.refetch({ fresh: true }), everyMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return list;
}
