import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { routes } from './app.routes';
import { Gql } from './core/gql';
import { LiveUpdates } from './core/live-updates';
import { NotificationCenter } from './core/notification-center';
import { SessionStore } from './core/session-store';
import { InsightsSettingDocument } from './graphql/generated';

/** The app's real routes, signed in (or not) through a stand-in session; no server behind them. */
async function app(signedIn: boolean) {
  const session = {
    restore: () => Promise.resolve(signedIn),
    signedIn: signal(signedIn),
    user: signal(signedIn ? { id: 'u1', email: 'walker@example.com', name: 'Walker', roles: [] } : null),
  };
  const gql = { query: (document: unknown) => document === InsightsSettingDocument ? Promise.resolve({ me: { id: 'u1', insightsEnabled: true } }) : Promise.reject(new Error('unexpected')) };
  const live = { start: () => undefined, stop: () => undefined, latestInsights: signal(null) };
  const notifications = { start: () => undefined, stop: () => undefined, reset: () => undefined, unread: signal(null), arrived: signal(null) };
  TestBed.configureTestingModule({
    providers: [provideRouter(routes), { provide: SessionStore, useValue: session }, { provide: Gql, useValue: gql }, { provide: LiveUpdates, useValue: live },
      { provide: NotificationCenter, useValue: notifications }],
  });
  const harness = await RouterTestingHarness.create();
  return { harness, el: harness.fixture.nativeElement as HTMLElement, router: TestBed.inject(Router) };
}

describe('the app routes', () => {
  it('show a "page not found" page inside the shell for an unknown address, with a link home', async () => {
    const { harness, el, router } = await app(true);
    await harness.navigateByUrl('/no/such/page');
    expect(router.url).toBe('/no/such/page'); // not silently sent elsewhere
    expect(el.querySelector('h1')?.textContent).toBe('Page not found');
    expect(el.querySelector('nav[aria-label=Main]')).not.toBeNull();
    const home = Array.from(el.querySelectorAll('main a')).find((a) => a.textContent === 'Go to your dashboard');
    expect(home?.getAttribute('href')).toBe('/');
    expect(document.title).toBe('Page not found · MindFlow');
  });

  it('send a signed-out visitor of an unknown address to sign in, and back to it after', async () => {
    const { harness, router } = await app(false);
    await harness.navigateByUrl('/no/such/page');
    expect(router.url).toBe('/login?returnUrl=%2Fno%2Fsuch%2Fpage');
  });

  it('open the settings page from the main navigation', async () => {
    const { harness, el, router } = await app(true);
    await harness.navigateByUrl('/somewhere'); // any page of the shell (the dashboard would ask the server for more)
    const link = Array.from(el.querySelectorAll<HTMLAnchorElement>('nav[aria-label=Main] a')).find((a) => a.textContent === 'Settings')!;
    expect(link.getAttribute('href')).toBe('/settings');
    await harness.navigateByUrl(link.getAttribute('href')!);
    expect(router.url).toBe('/settings');
    expect(el.querySelector('main h1')?.textContent).toBe('Settings');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(document.title).toBe('Settings · MindFlow');
  });
});
