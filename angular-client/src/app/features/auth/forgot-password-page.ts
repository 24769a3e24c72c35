import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import { describeError, type ApiError } from '../../core/graphql-errors';
import { RequestPasswordResetDocument } from '../../graphql/generated';

/**
 * "Forgot your password?": asks for a reset link. The page says the same whether an account has the address or not
 * (the server does too), and where to look next.
 */
@Component({
  selector: 'mf-forgot-password-page',
  imports: [FormsModule, RouterLink],
  template: `
    <main class="page">
      <section class="auth card">
        <p class="brand">MindFlow</p>
        <h1>Forgot your password?</h1>
        @if (sentTo(); as address) {
          <p role="status">If an account uses <strong dir="auto">{{ address }}</strong>, a link to set a new password is on its way.
            It works once, for 30 minutes. Nothing there? Check the spam folder, or ask again in a few minutes.</p>
          <p><a routerLink="/login">Back to sign in</a></p>
        } @else {
          <p class="muted">Type the address you signed up with; we send it a link to choose a new password.</p>
          <form (ngSubmit)="submit()" #form="ngForm">
            <div class="field">
              <label for="email">Email</label>
              <input id="email" name="email" type="email" autocomplete="email" required [(ngModel)]="email"
                     [attr.aria-invalid]="error()?.field === 'email' || null" [attr.aria-describedby]="error() ? 'reset-problem' : null" />
            </div>
            @if (error(); as e) { <p id="reset-problem" class="alert" role="alert">{{ message(e) }}</p> }
            <button type="submit" [disabled]="busy() || form.invalid">{{ busy() ? 'Please wait…' : 'Send me a link' }}</button>
          </form>
          <p class="muted"><a routerLink="/login">Back to sign in</a></p>
        }
      </section>
    </main>`,
  styles: `.auth { max-width: 420px; margin: 8vh auto; } .brand { color: var(--accent); font-weight: 800; font-size: 1.5rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage {
  private readonly gql = inject(Gql);
  protected email = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly sentTo = signal<string | null>(null);

  protected message(error: ApiError): string {
    if (error.code === 'RATE_LIMITED') return 'Too many requests from here. Wait a while, then ask again.';
    if (error.code === 'BAD_USER_INPUT') return 'Type an address like name@example.com.';
    return describeError(error);
  }

  protected async submit(): Promise<void> {
    const email = this.email.trim();
    if (!email) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.gql.mutate(RequestPasswordResetDocument, { email });
      this.sentTo.set(email);
    } catch (e) {
      this.error.set(e as ApiError);
    } finally {
      this.busy.set(false);
    }
  }
}
