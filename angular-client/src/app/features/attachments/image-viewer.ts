import { ChangeDetectionStrategy, Component, type ElementRef, afterNextRender, input, output, viewChild } from '@angular/core';
import type { AttachmentFieldsFragment } from '../../graphql/generated';

/**
 * An image at full size, over the page (a modal: focus on Close, Escape or the backdrop closes it). Shown here, not
 * in a new tab: the file's signed URL answers as a download (Content-Disposition: attachment), which the link
 * under it offers.
 */
@Component({
  selector: 'mf-image-viewer',
  template: `
    <div class="backdrop" (click)="closed.emit()" aria-hidden="true"></div>
    <section class="viewer card" role="dialog" aria-modal="true" aria-labelledby="image-viewer-title" (keydown.escape)="closed.emit()">
      <div class="spread head">
        <h2 id="image-viewer-title" dir="auto">{{ image().fileName }}</h2>
        <button #close type="button" class="secondary" (click)="closed.emit()">Close</button>
      </div>
      <img [src]="image().url" [alt]="image().fileName" [attr.width]="image().width" [attr.height]="image().height" />
      <p><a [href]="image().url" [attr.download]="image().fileName">Download {{ image().fileName }}</a></p>
    </section>`,
  styles: `
    .backdrop { position: fixed; inset: 0; background: rgb(0 0 0 / .6); z-index: 20; }
    .viewer { position: fixed; z-index: 21; top: 50%; left: 50%; transform: translate(-50%, -50%); width: min(960px, 96vw);
              max-height: 94vh; display: flex; flex-direction: column; gap: .5rem; overflow: auto; }
    .head h2 { margin: 0; font-size: 1rem; overflow-wrap: anywhere; }
    img { display: block; max-width: 100%; max-height: 75vh; width: auto; height: auto; margin: 0 auto; object-fit: contain; }
    p { margin: 0; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImageViewer {
  readonly image = input.required<AttachmentFieldsFragment>();
  readonly closed = output<void>();
  private readonly close = viewChild.required<ElementRef<HTMLButtonElement>>('close');

  constructor() {
    afterNextRender(() => this.close().nativeElement.focus());
  }
}
