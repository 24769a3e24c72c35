import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { SessionStore } from '../../core/session-store';
import type { ApiError } from '../../core/graphql-errors';
import { AuthPage } from './auth-page';

class FakeSession {
  calls: unknown[][] = [];
  failWith: ApiError | null = null;
  async login(...args: unknown[]) { this.calls.push(['login', ...args]); if (this.failWith) throw this.failWith; }
  async register(...args: unknown[]) { this.calls.push(['register', ...args]); if (this.failWith) throw this.failWith; }
}

async function render(mode: 'login' | 'register', returnUrl?: string) {
  const session = new FakeSession();
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: SessionStore, useValue: session }] });
  const fixture = TestBed.createComponent(AuthPage);
  fixture.componentRef.setInput('mode', mode);
  if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const type = (selector: string, value: string) => {
    const input = el.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const navigated: string[] = [];
  const router = TestBed.inject(Router);
  router.navigateByUrl = async (url) => { navigated.push(String(url)); return true; };
  return { fixture, el, session, type, navigated };
}

describe('AuthPage', () => {
  it('registers with name, email and password, then goes home', async () => {
    const { fixture, el, session, type, navigated } = await render('register');
    expect(el.querySelector('h1')?.textContent).toContain('Create your account');
    type('#name', 'Ada');
    type('#email', ' ada@example.com ');
    type('#password', 'a long passphrase');
    await fixture.whenStable();
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(session.calls).toEqual([['register', 'ada@example.com', 'a long passphrase', 'Ada']]);
    expect(navigated).toEqual(['/']);
  });

  it('signs in and returns to the page asked for, but never to another site', async () => {
    const first = await render('login', '/planner');
    first.type('#email', 'ada@example.com');
    first.type('#password', 'a long passphrase');
    first.el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await first.fixture.whenStable();
    expect(first.navigated).toEqual(['/planner']);
    TestBed.resetTestingModule();

    const second = await render('login', '//evil.example');
    second.type('#email', 'ada@example.com');
    second.type('#password', 'a long passphrase');
    second.el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await second.fixture.whenStable();
    expect(second.navigated).toEqual(['/']);
  });

  it('shows the server message when sign-in fails and stays', async () => {
    const { fixture, el, session, type, navigated } = await render('login');
    session.failWith = { code: 'UNAUTHENTICATED', message: 'invalid email or password' };
    type('#email', 'ada@example.com');
    type('#password', 'wrong password!');
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent?.trim()).toBe('Invalid email or password.');
    expect(navigated).toEqual([]);
    // typing again takes the old message away
    type('#password', 'another try!');
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')).toBeNull();
  });

  it('says why the button cannot be pressed yet, and shows the password on request', async () => {
    const { fixture, el, type } = await render('login');
    const button = el.querySelector<HTMLButtonElement>('button[type=submit]')!;
    const hint = () => el.querySelector('#submit-hint')?.textContent?.trim();
    expect(button.disabled).toBe(true);
    expect(hint()).toBe('Type your email address to continue.');
    expect(button.getAttribute('aria-describedby')).toBe('submit-hint');
    type('#email', 'ada@example.com');
    type('#password', 'short');
    await fixture.whenStable();
    expect(hint()).toBe('The password needs at least 10 characters (5 more).');
    type('#password', 'a long passphrase');
    await fixture.whenStable();
    expect(button.disabled).toBe(false);
    expect(hint()).toBeUndefined();
    const password = el.querySelector<HTMLInputElement>('#password')!;
    expect(password.type).toBe('password');
    const show = el.querySelector<HTMLButtonElement>('button[aria-controls=password]')!;
    expect([show.textContent?.trim(), show.getAttribute('aria-pressed')]).toEqual(['Show', 'false']);
    show.click();
    await fixture.whenStable();
    expect(password.type).toBe('text');
    expect(show.getAttribute('aria-pressed')).toBe('true');
    expect(password.value).toBe('a long passphrase');
  });
});
