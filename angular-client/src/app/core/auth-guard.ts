import { inject } from '@angular/core';
import { Router, type CanMatchFn } from '@angular/router';
import { SessionStore } from './session-store';

/** Pages behind sign-in: waits for a silent restore (refresh cookie) before deciding, so reloads keep you in. */
export const signedInGuard: CanMatchFn = async (_route, segments) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  if (await session.restore()) return true;
  const returnUrl = '/' + segments.map((s) => s.path).join('/');
  return router.createUrlTree(['/login'], returnUrl === '/' ? {} : { queryParams: { returnUrl } });
};

/** The sign-in pages send a signed-in person home. */
export const signedOutGuard: CanMatchFn = async () => {
  const session = inject(SessionStore);
  return (await session.restore()) ? inject(Router).createUrlTree(['/']) : true;
};
