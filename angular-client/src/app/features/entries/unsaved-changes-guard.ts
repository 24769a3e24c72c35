import type { CanDeactivateFn } from '@angular/router';

/** A page holding changes the server does not have yet: it decides (and asks the user) whether leaving is fine. */
export interface LeavesSafely {
  canLeave(): boolean | Promise<boolean>;
}

/** In-app navigation away from such a page asks first; closing the tab is the page's own `beforeunload`. */
export const unsavedChangesGuard: CanDeactivateFn<LeavesSafely> = (page) => page?.canLeave() ?? true;
