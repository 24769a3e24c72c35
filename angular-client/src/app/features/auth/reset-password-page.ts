import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import { describeError, type ApiError } from '../../core/graphql-errors';
import { SessionStore } from '../../core/session-store';
import { ResetPasswordDocument } from '../../graphql/generated';

/**
 * The page a reset link opens (`/reset-password?token=…`): a new password, typed twice. Done, every session of the
 * account has ended (this tab's too), and sign-in comes next with a note saying so. A link that cannot be used says
 * what to do (ask for a new one); a password the policy refuses is said at the field, the link still usable.
 */
@Component({
  selector: 'mf-reset-password-page',
  imports: [FormsModule, RouterLink],
  template: `
    <main class="page">
      <section class="auth card">
        <p class="brand">MindFlow</p>
        <h1>Choose a new password</h1>
        @if (!token()) {
          <p class="alert" role="alert">This page needs the link from the reset mail. <a routerLink="/forgot-password">Ask for a new link</a>.</p>
        } @else {
          <form (ngSubmit)="submit()" #form="ngForm">
            <div class="field">
              <label for="new-password">New password</label>
              <input id="new-password" name="newPassword" [type]="shown() ? 'text' : 'password'" autocomplete="new-password" required minlength="10"
                     [(ngModel)]="password" aria-describedby="new-password-hint" [attr.aria-invalid]="error()?.field === 'newPassword' || null" />
              <p id="new-password-hint" class="muted">At least 10 characters; a passphrase is best. Every device signs in again with it.</p>
            </div>
            <div class="field">
              <label for="repeat-password">Type it again</label>
              <input id="repeat-password" name="repeat" [type]="shown() ? 'text' : 'password'" autocomplete="new-password" required [(ngModel)]="repeat"
                     [attr.aria-invalid]="mismatch() || null" />
            </div>
            <label class="row"><input type="checkbox" name="show" [checked]="shown()" (change)="shown.set(!shown())" /> Show the password</label>
            @if (mismatch()) { <p class="alert" role="alert">The two passwords differ.</p> }
            @if (error(); as e) {
              <p class="alert" role="alert">{{ message(e) }}
                @if (e.field === 'token') { <a routerLink="/forgot-password">Ask for a new link</a>. }
              </p>
            }
            <button type="submit" [disabled]="busy() || form.invalid">{{ busy() ? 'Please wait…' : 'Set the new password' }}</button>
          </form>
        }
      </section>
    </main>`,
  styles: `.auth { max-width: 420px; margin: 8vh auto; } .brand { color: var(--accent); font-weight: 800; font-size: 1.5rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPage {
  private readonly gql = inject(Gql);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  /** From the link's query string. */
  readonly token = input<string | undefined>(undefined);
  protected password = '';
  protected repeat = '';
  protected readonly shown = signal(false);
  protected readonly busy = signal(false);
  protected readonly mismatch = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  protected message(error: ApiError): string {
    return error.code === 'BAD_USER_INPUT' ? error.message : describeError(error);
  }

  protected async submit(): Promise<void> {
    const token = this.token();
    this.mismatch.set(this.password !== this.repeat);
    if (!token || this.mismatch()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.gql.mutate(ResetPasswordDocument, { token, newPassword: this.password });
      this.session.forget(); // every session ended, this tab's too
      await this.router.navigateByUrl('/login?reset=done');
    } catch (e) {
      this.error.set(e as ApiError);
    } finally {
      this.busy.set(false);
    }
  }
}
