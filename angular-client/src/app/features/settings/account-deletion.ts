import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import { apiError, type ApiError } from '../../core/graphql-errors';
import { SessionStore } from '../../core/session-store';
import { DeleteAccountDocument } from '../../graphql/generated';
import { ErrorMessage } from '../../shared/error-message';

/** The word a person types to say they mean it (not their password alone: that may be saved in the browser). */
export const deletionWord = 'DELETE';

/**
 * "Delete my account": says what will happen, asks for the password and the typed word, then erases the account
 * everywhere (API.md "Your data is yours") and says so; this tab is signed out like every other device.
 */
@Component({
  selector: 'mf-account-deletion',
  imports: [ErrorMessage, RouterLink],
  template: `
    <section class="card" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">Delete my account</h2>
      @if (deleted()) {
        <p role="status">Your account and everything in it were deleted, and you were signed out on every device.
          The address can be used again for a new, empty account.</p>
        <a routerLink="/login">Back to the sign-in page</a>
      } @else {
        <p>This deletes your account and everything you keep in MindFlow — journals, entries, thoughts, tasks, calendar
          events, insights, notifications, webhooks and their history — from every part of the service, and signs you
          out on every device, this one too. It cannot be undone.</p>
        <form (submit)="$event.preventDefault(); remove()">
          <div class="field">
            <label for="delete-password">Your password</label>
            <input id="delete-password" type="password" autocomplete="current-password" required
                   [value]="password()" (input)="password.set(field($event)); error.set(null)" />
          </div>
          <div class="field">
            <label for="delete-confirm">Type {{ word }} to confirm</label>
            <input id="delete-confirm" autocomplete="off" autocapitalize="characters" spellcheck="false" required
                   [value]="typed()" (input)="typed.set(field($event))" />
          </div>
          <button type="submit" class="danger" [disabled]="!ready() || deleting()">
            {{ deleting() ? 'Deleting…' : 'Delete my account' }}
          </button>
        </form>
        <mf-error-message [error]="error()" />
      }
    </section>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountDeletion {
  private readonly gql = inject(Gql);
  private readonly session = inject(SessionStore);
  protected readonly word = deletionWord;
  protected readonly password = signal('');
  protected readonly typed = signal('');
  protected readonly deleting = signal(false);
  protected readonly deleted = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly ready = computed(() => this.password().length > 0 && this.typed().trim() === deletionWord);

  protected field(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected async remove(): Promise<void> {
    if (!this.ready()) return;
    this.deleting.set(true);
    this.error.set(null);
    try {
      await this.gql.mutate(DeleteAccountDocument, { password: this.password() });
      this.password.set('');
      this.deleted.set(true);
      // The server ended every session already; this ends the tab's (the logout call it sends is refused, and ignored).
      await this.session.logout();
    } catch (error) {
      this.error.set(apiError(error));
    } finally {
      this.deleting.set(false);
    }
  }
}
