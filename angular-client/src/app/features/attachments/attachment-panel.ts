import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { Gql } from '../../core/gql';
import { describeError, type ApiError } from '../../core/graphql-errors';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { RemoveAttachmentDocument, type AttachmentFieldsFragment } from '../../graphql/generated';
import { AttachmentGallery } from './attachment-gallery';
import { acceptAttribute, acceptedDescription } from './media-types';
import { UploadRefused, Uploads, uploadProblem, type UploadTarget } from './uploads';
import { VoiceRecorder } from './voice-recorder';

/** A file on its way: waiting for its entry to be saved, being sent (bytes so far), or being attached (read). */
interface Sending {
  readonly key: number;
  readonly name: string;
  readonly total: number;
  readonly sent: number;
  readonly state: 'waiting' | 'sending' | 'attaching';
}

let panels = 0;

/**
 * Attachments of one entry or thought: its gallery, and the ways to add a file: drop, paste (the parent forwards
 * its paste and drop events: `pasted`, `dropped`), pick, or record a voice note. Each upload shows its progress;
 * a refused one says why (type, size, quota) and nothing else on the page is touched. Files added before there is
 * anything to attach them to (a new entry not saved yet) wait and go once there is.
 */
@Component({
  selector: 'mf-attachment-panel',
  imports: [AttachmentGallery, ConfirmDialog, VoiceRecorder],
  template: `
    <section class="attachments" [class.card]="!compact()" [attr.aria-labelledby]="compact() ? null : id + '-title'" [attr.aria-label]="compact() ? heading() : null"
             (dragover)="draggedOver($event)" (dragleave)="dragging.set(false)" (drop)="dropped($event)" [class.dragging]="dragging()">
      @if (!compact()) { <h2 [id]="id + '-title'">{{ heading() }}</h2> }
      <mf-attachment-gallery [attachments]="attachments()" [label]="heading()" (remove)="removing.set($event)" />
      <div class="row add">
        <button type="button" class="secondary" (click)="picker.click()">{{ compact() ? 'Attach a file' : 'Choose files' }}</button>
        <input #picker type="file" multiple hidden [accept]="accept" (change)="picked(picker)" [attr.data-testid]="id + '-files'" />
        @if (!compact()) {
          <mf-voice-recorder (recorded)="addFiles([$event])" />
        }
      </div>
      @if (!compact()) {
        <p class="muted hint">Drop files here or paste an image: {{ accepted }}.</p>
      }
      @if (waitingReason() && sending().length > 0 && !target()) { <p class="notice" role="status">{{ waitingReason() }}</p> }
      @if (sending().length > 0) {
        <ul class="uploads" aria-label="Uploads">
          @for (s of sending(); track s.key) {
            <li>
              <label [for]="id + '-progress-' + s.key" dir="auto">{{ s.name }}</label>
              <progress [id]="id + '-progress-' + s.key" [max]="s.total || 1" [value]="s.state === 'waiting' ? 0 : s.sent"></progress>
              <span class="muted" aria-live="polite">{{ s.state === 'waiting' ? 'Waiting for the entry to be saved' : s.state === 'attaching' ? 'Processing…' : percent(s) + '%' }}</span>
            </li>
          }
        </ul>
      }
      @if (problems().length > 0) {
        <div class="alert problems" role="alert">
          <ul>@for (p of problems(); track $index) { <li>{{ p }}</li> }</ul>
          <button type="button" class="link" (click)="problems.set([])">Dismiss</button>
        </div>
      }
    </section>
    @if (removing(); as r) {
      <mf-confirm-dialog title="Remove attachment?" text="“{subject}” will be removed from here and deleted." [subject]="r.fileName" confirmLabel="Remove"
                         (answered)="confirmRemove($event)" />
    }`,
  styles: `
    .attachments { display: flex; flex-direction: column; gap: .6rem; }
    .attachments.dragging { outline: 2px dashed var(--accent); outline-offset: 4px; }
    h2 { margin: 0; }
    .hint { margin: 0; font-size: .85rem; }
    .add { flex-wrap: wrap; align-items: center; }
    .uploads { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .3rem; }
    .uploads li { display: grid; grid-template-columns: minmax(0, 1fr) 8rem auto; gap: .5rem; align-items: center; }
    .uploads label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .problems ul { margin: 0; padding-left: 1.2rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttachmentPanel {
  private readonly uploads = inject(Uploads);
  private readonly gql = inject(Gql);
  /** What files attach to; null while there is nothing yet (they wait). */
  readonly target = input<UploadTarget | null>(null);
  readonly attachments = input<readonly AttachmentFieldsFragment[]>([]);
  readonly heading = input('Attachments');
  /** A small variant (a thought in a list): no heading (`heading` names the region), a picker, no drop hint, no recorder. */
  readonly compact = input(false);
  /** Shown while files wait for a target. */
  readonly waitingReason = input<string | null>(null);
  /** An attachment was added or removed: the parent reads the list again. */
  readonly changed = output<void>();

  protected readonly id = `attachments-${++panels}`;
  protected readonly accept = acceptAttribute;
  protected readonly accepted = acceptedDescription;
  protected readonly sending = signal<readonly Sending[]>([]);
  protected readonly problems = signal<readonly string[]>([]);
  protected readonly removing = signal<AttachmentFieldsFragment | null>(null);
  protected readonly dragging = signal(false);
  private queued: { key: number; file: File }[] = [];
  private nextKey = 0;

  constructor() {
    effect(() => {
      const target = this.target();
      if (!target) return;
      untracked(() => {
        const waiting = this.queued;
        this.queued = [];
        for (const { key, file } of waiting) void this.send(key, file, target);
      });
    });
  }

  /** Files to attach (picked, dropped, pasted or recorded). */
  addFiles(files: Iterable<File>): void {
    const target = this.target();
    for (const file of files) {
      const key = ++this.nextKey;
      this.sending.update((list) => [...list, { key, name: file.name, total: file.size, sent: 0, state: target ? 'sending' : 'waiting' }]);
      if (target) void this.send(key, file, target);
      else this.queued.push({ key, file });
    }
  }

  /** A paste holding files attaches them; a paste of text is left alone (it is the editor's). */
  pasted(event: ClipboardEvent): void {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    this.addFiles(files.map(pastedName));
  }

  /** Only a drag carrying files is taken: text dragged within the editor stays the editor's. */
  draggedOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  dropped(event: DragEvent): void {
    this.dragging.set(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    this.addFiles(files);
  }

  protected picked(picker: HTMLInputElement): void {
    this.addFiles([...(picker.files ?? [])]);
    picker.value = ''; // the same file can be picked again
  }

  protected percent(s: Sending): number {
    return s.total ? Math.min(100, Math.round((s.sent / s.total) * 100)) : 0;
  }

  protected async confirmRemove(confirmed: boolean): Promise<void> {
    const attachment = this.removing();
    this.removing.set(null);
    if (!confirmed || !attachment) return;
    try {
      await this.gql.mutate(RemoveAttachmentDocument, { id: attachment.id });
      this.changed.emit();
    } catch (e) {
      this.problems.update((list) => [...list, `“${attachment.fileName}” could not be removed: ${describeError(e as ApiError)}`]);
    }
  }

  private async send(key: number, file: File, target: UploadTarget): Promise<void> {
    const set = (patch: Partial<Sending>) => this.sending.update((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));
    set({ state: 'sending' });
    try {
      await this.uploads.attach(file, target, (sent) => set({ sent, state: sent >= file.size ? 'attaching' : 'sending' }));
      this.changed.emit();
    } catch (e) {
      const problem = e instanceof UploadRefused ? e.message : uploadProblem(file.name, e as ApiError);
      this.problems.update((list) => [...list, problem]);
    } finally {
      this.sending.update((list) => list.filter((s) => s.key !== key));
    }
  }
}

/** A pasted screenshot comes as "image.png": named after the moment, so several can be told apart. */
function pastedName(file: File): File {
  if (!/^image\.(png|jpe?g|webp)$/i.test(file.name)) return file;
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return new File([file], `pasted-${stamp}.${file.name.split('.').pop()}`, { type: file.type });
}
