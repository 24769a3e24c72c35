import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { DatePipe } from '@angular/common';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ErrorMessage } from '../../shared/error-message';
import { ExportJournalDocument, type ExportFormat, type ExportJournalQuery } from '../../graphql/generated';
import { FileDownload } from './file-download';

export const exportFormats: readonly { readonly value: ExportFormat; readonly label: string; readonly hint: string }[] = [
  { value: 'PDF', label: 'PDF', hint: 'to read or print' },
  { value: 'MARKDOWN', label: 'Markdown', hint: 'plain text, for notes apps' },
  { value: 'JSON', label: 'JSON', hint: 'every field, for other programs' },
];

/**
 * The export menu of a journal: a format (Markdown, PDF, JSON) and an optional range of days; the server prepares
 * the file (exportJournal) while a progress bar runs, then the browser downloads it. The link stays offered until
 * it expires, in case the download was blocked or is wanted again.
 */
@Component({
  selector: 'mf-journal-export',
  imports: [FormsModule, DatePipe, ErrorMessage],
  template: `
    <button type="button" class="secondary" [attr.aria-expanded]="open()" aria-controls="journal-export" (click)="open.set(!open())">Export…</button>
    @if (open()) {
      <form id="journal-export" class="card export" aria-labelledby="journal-export-title" (ngSubmit)="prepare()">
        <h2 id="journal-export-title">Export this journal</h2>
        <fieldset>
          <legend>Format</legend>
          <div class="row formats">
            @for (f of formats; track f.value) {
              <label class="format"><input type="radio" name="format" [value]="f.value" [(ngModel)]="format" /> {{ f.label }}
                <span class="muted">({{ f.hint }})</span></label>
            }
          </div>
        </fieldset>
        <fieldset>
          <legend>Days <span class="muted">(optional: leave empty for every entry)</span></legend>
          <div class="row dates">
            <label>From <input type="date" name="from" [(ngModel)]="from" [max]="to || null" /></label>
            <label>To <input type="date" name="to" [(ngModel)]="to" [min]="from || null"
                             [attr.aria-invalid]="rangeProblem() ? true : null" [attr.aria-describedby]="rangeProblem() ? 'export-range-problem' : null" /></label>
          </div>
          @if (rangeProblem(); as p) { <p id="export-range-problem" class="field-problem">{{ p }}</p> }
        </fieldset>
        <div class="row">
          <button type="submit" [disabled]="preparing()">{{ preparing() ? 'Preparing…' : 'Export' }}</button>
          <button type="button" class="secondary" (click)="open.set(false)">Close</button>
        </div>
        @if (preparing()) {
          <div class="row preparing" role="status">
            <progress aria-label="Preparing the export"></progress> Preparing your {{ formatLabel() }} file…
          </div>
        }
        <mf-error-message [error]="error()" />
        @if (ready(); as file) {
          <p class="notice ready" role="status">
            <a [href]="file.url" rel="noopener" [attr.download]="file.fileName">Download {{ file.fileName }}</a>
            <span class="muted"> (the link works until {{ file.expiresAt | date: 'shortTime' }})</span>
          </p>
        }
      </form>
    }`,
  styles: `.export { margin-top: .75rem; display: flex; flex-direction: column; gap: .6rem; }
           .export h2 { margin: 0; font-size: 1.1rem; } fieldset { border: 0; padding: 0; margin: 0; }
           .formats, .dates { flex-wrap: wrap; gap: .75rem; } .format { display: inline-flex; gap: .3rem; align-items: center; }
           .preparing { align-items: center; gap: .6rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JournalExport {
  private readonly gql = inject(Gql);
  private readonly download = inject(FileDownload);
  readonly journalId = input.required<string>();
  protected readonly formats = exportFormats;
  protected readonly open = signal(false);
  protected format: ExportFormat = 'PDF';
  protected from = '';
  protected to = '';
  protected readonly preparing = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly rangeProblem = signal<string | null>(null);
  protected readonly ready = signal<ExportJournalQuery['exportJournal'] | null>(null);
  private readonly preparingFormat = signal<ExportFormat>('PDF');
  protected readonly formatLabel = computed(() => exportFormats.find((f) => f.value === this.preparingFormat())?.label ?? '');

  protected async prepare(): Promise<void> {
    this.error.set(null);
    this.ready.set(null);
    if (this.from && this.to && this.from > this.to) {
      this.rangeProblem.set('The last day comes before the first.');
      return;
    }
    this.rangeProblem.set(null);
    this.preparingFormat.set(this.format);
    this.preparing.set(true);
    try {
      const { exportJournal } = await this.gql.query(
        ExportJournalDocument,
        { id: this.journalId(), format: this.format, from: this.from || null, to: this.to || null },
        { fresh: true },
      );
      this.ready.set(exportJournal);
      this.download.start(exportJournal.url, exportJournal.fileName);
    } catch (e) {
      this.error.set(e as ApiError);
    } finally {
      this.preparing.set(false);
    }
  }
}
