import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { describeError, type ApiError } from '../../core/graphql-errors';
import { SessionStore } from '../../core/session-store';

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

  protected message(error: ApiError): string {
    return error.code === 'UNAUTHENTICATED' ? error.message : describeError(error);
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
