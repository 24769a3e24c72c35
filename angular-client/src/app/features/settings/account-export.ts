import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Gql } from '../../core/gql';
import { apiError, type ApiError } from '../../core/graphql-errors';
import { ExportAccountDocument } from '../../graphql/generated';
import { ErrorMessage } from '../../shared/error-message';

/** A prepared export: the file's name, its signed URL and until when that URL works. */
interface ReadyExport {
  readonly fileName: string;
  readonly url: string;
  readonly expiresAt: Date;
}

/**
 * "Download my data" (API.md "Your data is yours"): asks the server for a zip of everything the account holds, then
 * offers it as a link. The link is a short-lived signed URL answered with `Content-Disposition: attachment`, so
 * following it downloads the file and leaves the page where it is; past its time, preparing again makes a new one.
 */
@Component({
  selector: 'mf-account-export',
  imports: [ErrorMessage],
  template: `
    <section class="card" aria-labelledby="export-account-title">
      <h2 id="export-account-title">Download my data</h2>
      <p>A zip of everything you keep in MindFlow — your profile, journals and entries, insights, thoughts, tasks,
        calendar events, notifications and settings, webhooks (without their secrets), weekly reflections — as JSON,
        with every attached file.</p>
      <button type="button" [disabled]="preparing()" (click)="prepare()">
        {{ preparing() ? 'Preparing your data…' : 'Download my data' }}
      </button>
      @if (ready(); as file) {
        <p role="status">
          <a [href]="file.url" [attr.download]="file.fileName" rel="noopener">Download {{ file.fileName }}</a>
          — the link works until {{ time(file.expiresAt) }}.
        </p>
      }
      <mf-error-message [error]="error()" />
    </section>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountExport {
  private readonly gql = inject(Gql);
  protected readonly preparing = signal(false);
  protected readonly ready = signal<ReadyExport | null>(null);
  protected readonly error = signal<ApiError | null>(null);

  protected time(at: Date): string {
    return at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  protected async prepare(): Promise<void> {
    this.preparing.set(true);
    this.ready.set(null);
    this.error.set(null);
    try {
      // Never from the cache: each export is a new file, and an older answer's URL may have expired.
      const { exportAccount } = await this.gql.query(ExportAccountDocument, {}, { fresh: true });
      this.ready.set({ fileName: exportAccount.fileName, url: exportAccount.url, expiresAt: new Date(exportAccount.expiresAt) });
    } catch (error) {
      this.error.set(apiError(error));
    } finally {
      this.preparing.set(false);
    }
  }
}
