import { ChangeDetectionStrategy, Component, type ElementRef, afterNextRender, inject, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Gql } from '../core/gql';
import { describeError, type ApiError } from '../core/graphql-errors';
import { CaptureThoughtDocument } from '../graphql/generated';
import { splitThought } from '../features/thoughts/thought-text';

/** A modal to capture a thought from any page; `#tags` in the text become its tags. */
@Component({
  selector: 'mf-quick-capture',
  imports: [FormsModule],
  template: `
    <!-- a visual layer only (hidden from assistive technology): clicking outside closes, as Escape and Cancel do -->
    <div class="backdrop" aria-hidden="true" (click)="closed.emit()"></div>
    <section class="dialog card" role="dialog" aria-modal="true" aria-labelledby="qc-title" (keydown.escape)="closed.emit()">
      <h2 id="qc-title">Capture a thought</h2>
      <form (ngSubmit)="save()">
        <label for="qc-text">Thought <span class="muted">(use #tags)</span></label>
        <textarea #text id="qc-text" name="text" rows="4" dir="auto" [(ngModel)]="draft" required></textarea>
        @if (error(); as e) { <p class="alert" role="alert">{{ e }}</p> }
        <div class="row actions">
          <button type="submit" [disabled]="saving() || !draft.trim()">{{ saving() ? 'Saving…' : 'Save thought' }}</button>
          <button type="button" class="secondary" (click)="closed.emit()">Cancel</button>
        </div>
      </form>
    </section>`,
  styles: `
    .backdrop { position: fixed; inset: 0; background: rgb(0 0 0 / .35); z-index: 20; }
    .dialog { position: fixed; z-index: 21; top: 15vh; left: 50%; transform: translateX(-50%); width: min(520px, 94vw); }
    textarea { min-height: 6rem; }
    .actions { margin-top: .75rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuickCapture {
  private readonly gql = inject(Gql);
  readonly closed = output<void>();
  protected draft = '';
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly text = viewChild.required<ElementRef<HTMLTextAreaElement>>('text');

  constructor() {
    afterNextRender(() => this.text().nativeElement.focus());
  }

  protected async save(): Promise<void> {
    const { text, tags } = splitThought(this.draft);
    if (!text) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      await this.gql.mutate(CaptureThoughtDocument, { text, tags, idempotencyKey: crypto.randomUUID() });
      await this.gql.refetchActive();
      this.closed.emit();
    } catch (e) {
      this.error.set(describeError(e as ApiError));
    } finally {
      this.saving.set(false);
    }
  }
}
