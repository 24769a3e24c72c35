import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { ImageViewer } from './image-viewer';
import type { AttachmentFieldsFragment } from '../../graphql/generated';
import { kindOf, readableSize } from './media-types';

/**
 * An entry's or a thought's files: images as thumbnails that open full size over the page (image-viewer.ts), voice
 * notes and audio playable in place, PDFs as download links. Each can be removed (the parent asks first).
 */
@Component({
  selector: 'mf-attachment-gallery',
  imports: [DatePipe, ImageViewer],
  template: `
    @if (attachments().length > 0) {
      <ul class="gallery" [attr.aria-label]="label()">
        @for (a of attachments(); track a.id) {
          <li class="item" [attr.data-kind]="kind(a)">
            @switch (kind(a)) {
              @case ('image') {
                <button type="button" class="thumb" (click)="view(a, $any($event.currentTarget))" [attr.aria-label]="'Open ' + a.fileName + ' full size'">
                  <img [src]="a.thumbnailUrl ?? a.url" alt="" loading="lazy" />
                </button>
              }
              @case ('audio') {
                <audio controls preload="metadata" [src]="audioSrc(a)" [attr.aria-label]="a.fileName"
                       (loadedmetadata)="pin(a, $any($event.target).currentSrc)" (error)="unpin(a)"></audio>
              }
              @default {
                <a [href]="a.url" class="file" [attr.download]="a.fileName"><span aria-hidden="true">📄</span> Download</a>
              }
            }
            <div class="meta">
              <span class="name" dir="auto" [title]="a.fileName">{{ a.fileName }}</span>
              <span class="muted">{{ size(a.size) }}@if (a.durationSeconds) { · {{ duration(a.durationSeconds) }} } · {{ a.createdAt | date: 'mediumDate' }}</span>
            </div>
            <button type="button" class="secondary remove" (click)="remove.emit(a)" [attr.aria-label]="'Remove ' + a.fileName">Remove</button>
          </li>
        }
      </ul>
    }
    @if (viewing(); as image) { <mf-image-viewer [image]="image" (closed)="closeViewer()" /> }`,
  styles: `
    .gallery { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); }
    .item { display: flex; flex-direction: column; gap: .35rem; border: 1px solid var(--border); border-radius: 8px; padding: .5rem; min-width: 0; }
    .item[data-kind=audio] { grid-column: span 2; }
    .thumb { display: block; padding: 0; border: 0; background: none; min-height: auto; cursor: zoom-in; }
    .thumb img { display: block; width: 100%; height: 8rem; object-fit: cover; border-radius: 4px; background: var(--accent-soft); }
    audio { width: 100%; }
    .meta { display: flex; flex-direction: column; min-width: 0; font-size: .85rem; }
    .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .remove { align-self: flex-start; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttachmentGallery {
  readonly attachments = input<readonly AttachmentFieldsFragment[]>([]);
  readonly label = input('Attachments');
  readonly remove = output<AttachmentFieldsFragment>();
  protected readonly kind = (a: AttachmentFieldsFragment) => kindOf(a.contentType);
  protected readonly size = readableSize;
  /** The image open at full size (the newest of its list: its URL is renewed with it). */
  private readonly viewingId = signal<string | null>(null);
  protected readonly viewing = () => this.attachments().find((a) => a.id === this.viewingId()) ?? null;
  /** The thumbnail that opened the viewer: the focus goes back to it. */
  private opener: HTMLElement | null = null;
  protected view(a: AttachmentFieldsFragment, opener: HTMLElement): void {
    this.opener = opener;
    this.viewingId.set(a.id);
  }
  protected closeViewer(): void {
    this.viewingId.set(null);
    this.opener?.focus();
    this.opener = null;
  }
  /** The URL each player loaded from, by attachment id. */
  private readonly pinned = signal<ReadonlyMap<string, string>>(new Map());
  protected audioSrc(a: AttachmentFieldsFragment): string {
    return this.pinned().get(a.id) ?? a.url;
  }
  protected pin(a: AttachmentFieldsFragment, src: string): void {
    if (src && this.pinned().get(a.id) !== src) this.pinned.update((m) => new Map(m).set(a.id, src));
  }
  protected unpin(a: AttachmentFieldsFragment): void {
    if (!this.pinned().has(a.id)) return;
    this.pinned.update((m) => {
      const next = new Map(m);
      next.delete(a.id);
      return next;
    });
  }
  protected duration(seconds: number): string {
    const whole = Math.round(seconds);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  }
}
