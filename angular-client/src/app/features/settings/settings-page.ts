import { ChangeDetectionStrategy, Component, type ElementRef, inject, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { Gql } from '../../core/gql';
import { apiError, type ApiError } from '../../core/graphql-errors';
import { SessionStore } from '../../core/session-store';
import { InsightsSettingDocument, SetInsightsEnabledDocument } from '../../graphql/generated';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorMessage } from '../../shared/error-message';
import { shortcutHelp } from '../../shell/shortcuts';
import { NotificationPreferencesSettings } from './notification-preferences';
import { ThemePreference, themeChoices } from './theme';
import { AccountDeletion } from './account-deletion';
import { AccountExport } from './account-export';

/** Appearance (theme), insights on or off, logging out on every device, deleting the account, and the keyboard shortcuts. */
@Component({
  selector: 'mf-settings-page',
  imports: [AccountDeletion, AccountExport, ConfirmDialog, ErrorMessage, NotificationPreferencesSettings],
  templateUrl: './settings-page.html',
  styles: `
    fieldset { border: 0; padding: 0; margin: 0; } legend { font-weight: 600; margin-bottom: .25rem; }
    .choice { display: flex; gap: .5rem; align-items: baseline; font-weight: 400; margin: .3rem 0; }
    .shortcuts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .4rem 1rem; margin: 0; }
    .shortcuts dt { white-space: nowrap; } .shortcuts dd { margin: 0; }
    kbd { font: inherit; font-size: .9rem; border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 5px;
          padding: 0 .35rem; background: var(--bg); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsPage {
  private readonly gql = inject(Gql);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly theme = inject(ThemePreference);
  protected readonly themeChoices = themeChoices;
  protected readonly shortcuts = shortcutHelp;

  /** null until the server has answered. */
  protected readonly insightsEnabled = signal<boolean | null>(null);
  protected readonly savingInsights = signal(false);
  protected readonly insightsError = signal<ApiError | null>(null);

  protected readonly confirmingLogout = signal(false);
  protected readonly loggingOut = signal(false);
  protected readonly logoutError = signal<ApiError | null>(null);
  private readonly logoutButton = viewChild.required<ElementRef<HTMLButtonElement>>('logoutButton');

  constructor() {
    void this.loadInsights();
  }

  /** The box shows what the person asked for at once; a refusal turns it back and says why. */
  protected async setInsights(box: HTMLInputElement): Promise<void> {
    const wanted = box.checked;
    this.savingInsights.set(true);
    this.insightsError.set(null);
    try {
      const { setInsightsEnabled } = await this.gql.mutate(SetInsightsEnabledDocument, { enabled: wanted });
      this.insightsEnabled.set(setInsightsEnabled);
      box.checked = setInsightsEnabled;
    } catch (error) {
      this.insightsError.set(apiError(error));
      box.checked = !wanted;
    } finally {
      this.savingInsights.set(false);
    }
  }

  protected async answeredLogout(confirmed: boolean): Promise<void> {
    this.confirmingLogout.set(false);
    if (!confirmed) {
      this.logoutButton().nativeElement.focus(); // back where the keyboard was, not at the top of the page
      return;
    }
    this.loggingOut.set(true);
    this.logoutError.set(null);
    try {
      try {
        await this.session.logout(true);
      } catch (error) {
        // an access token that ran out meanwhile (a laptop asleep): renew it once and ask again
        if (apiError(error).code !== 'UNAUTHENTICATED' || !(await this.session.refresh())) throw error;
        await this.session.logout(true);
      }
      await this.router.navigateByUrl('/login');
    } catch (error) {
      this.logoutError.set(apiError(error));
    } finally {
      this.loggingOut.set(false);
    }
  }

  private async loadInsights(): Promise<void> {
    try {
      const { me } = await this.gql.query(InsightsSettingDocument, {}, { fresh: true });
      this.insightsEnabled.set(me?.insightsEnabled ?? null);
    } catch (error) {
      this.insightsError.set(apiError(error));
    }
  }
}
