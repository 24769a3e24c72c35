import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { describeError, type ApiError } from '../../core/graphql-errors';
import { SessionStore } from '../../core/session-store';

/** The server's password policy's minimum (identity: NIST SP 800-63B length rule), checked as one types. */
const passwordMinLength = 10;

/** A message as a sentence: a capital first letter, a full stop at the end. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** Sign in and create an account: one form, two modes (route data `mode`). */
@Component({
  selector: 'mf-auth-page',
  imports: [FormsModule, RouterLink],
  templateUrl: './auth-page.html',
  styles: `.auth { max-width: 420px; margin: 8vh auto; } .brand { color: var(--accent); font-weight: 800; font-size: 1.5rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  readonly mode = input<'login' | 'register'>('login');
  readonly returnUrl = input<string | undefined>(undefined);
  /** `done` after a password reset (query string): the page says so. */
  readonly reset = input<string | undefined>(undefined);
  protected readonly registering = computed(() => this.mode() === 'register');
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected email = '';
  protected password = '';
  protected name = '';

  protected readonly showPassword = signal(false);

  /** The server's words as a sentence ("invalid email or password" → "Invalid email or password."). */
  protected message(error: ApiError): string {
    return sentence(error.code === 'UNAUTHENTICATED' || error.code === 'BAD_USER_INPUT' ? error.message : describeError(error));
  }

  /** What is missing before the form can be sent (shown under its disabled button). */
  protected missing(): string {
    if (!this.email.trim()) return 'Type your email address to continue.';
    if (!/^[^@\s]+@[^@\s]+$/.test(this.email.trim())) return 'Type a whole email address, like name@example.com.';
    const short = passwordMinLength - [...this.password].length;
    if (!this.password) return 'Type your password to continue.';
    if (short > 0) return `The password needs at least ${passwordMinLength} characters (${short} more).`;
    return 'Fill in the form to continue.';
  }

  protected async submit(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      if (this.registering()) await this.session.register(this.email.trim(), this.password, this.name.trim() || null);
      else await this.session.login(this.email.trim(), this.password);
      const target = this.returnUrl();
      await this.router.navigateByUrl(target && target.startsWith('/') && !target.startsWith('//') ? target : '/');
    } catch (e) {
      this.error.set(e as ApiError);
    } finally {
      this.busy.set(false);
    }
  }
}
