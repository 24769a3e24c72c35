import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { DatePipe } from '@angular/common';
import type { AttachmentFieldsFragment } from '../../graphql/generated';
import { kindOf, readableSize } from './media-types';

/**
 * An entry's or a thought's files: images as thumbnails that open full size (a new tab), voice notes and audio
 * playable in place, PDFs as links. Each can be removed (the parent asks first).
 */
@Component({
  selector: 'mf-attachment-gallery',
  imports: [DatePipe],
  template: `
    @if (attachments().length > 0) {
      <ul class="gallery" [attr.aria-label]="label()">
        @for (a of attachments(); track a.id) {
          <li class="item" [attr.data-kind]="kind(a)">
            @switch (kind(a)) {
              @case ('image') {
                <a [href]="a.url" target="_blank" rel="noopener" class="thumb" [title]="'Open ' + a.fileName + ' full size'">
                  <img [src]="a.thumbnailUrl ?? a.url" [alt]="a.fileName" loading="lazy" />
                </a>
              }
              @case ('audio') {
                <audio controls preload="metadata" [src]="a.url" [attr.aria-label]="a.fileName"></audio>
              }
              @default {
                <a [href]="a.url" target="_blank" rel="noopener" class="file"><span aria-hidden="true">📄</span> Open</a>
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
    }`,
  styles: `
    .gallery { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); }
    .item { display: flex; flex-direction: column; gap: .35rem; border: 1px solid var(--border); border-radius: 8px; padding: .5rem; min-width: 0; }
    .item[data-kind=audio] { grid-column: span 2; }
    .thumb { display: block; }
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
  protected duration(seconds: number): string {
    const whole = Math.round(seconds);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  }
}
