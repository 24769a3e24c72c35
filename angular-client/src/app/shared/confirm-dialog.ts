import { ChangeDetectionStrategy, Component, type ElementRef, afterNextRender, computed, input, output, viewChild } from '@angular/core';

/**
 * "Are you sure?" as an accessible modal: focus starts on Cancel, Escape cancels. Text the user wrote (a journal's
 * name, an event's title) goes in `subject`, shown where `text` says `{subject}`, isolated in a <bdi>: right-to-left
 * words neither take the sentence around them along nor get reordered by it.
 */
@Component({
  selector: 'mf-confirm-dialog',
  template: `
    <div class="backdrop"></div>
    <section class="dialog card" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title"
             aria-describedby="confirm-text" (keydown.escape)="answered.emit(false)">
      <h2 id="confirm-title">{{ title() }}</h2>
      <p id="confirm-text">@if (parts(); as p) {{{ p.before }}<bdi>{{ subject() }}</bdi>{{ p.after }}} @else {{{ text() }}}</p>
      <div class="row">
        <button type="button" class="danger" (click)="answered.emit(true)">{{ confirmLabel() }}</button>
        <button #cancel type="button" class="secondary" (click)="answered.emit(false)">Cancel</button>
      </div>
    </section>`,
  styles: `
    .backdrop { position: fixed; inset: 0; background: rgb(0 0 0 / .35); z-index: 20; }
    .dialog { position: fixed; z-index: 21; top: 20vh; left: 50%; transform: translateX(-50%); width: min(460px, 94vw); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  readonly title = input.required<string>();
  readonly text = input.required<string>();
  readonly confirmLabel = input('Delete');
  /** The user's own text that `text` names as `{subject}`. */
  readonly subject = input<string | null>(null);
  protected readonly parts = computed(() => {
    const text = this.text(), at = text.indexOf('{subject}');
    return this.subject() === null || at < 0 ? null : { before: text.slice(0, at), after: text.slice(at + '{subject}'.length) };
  });
  readonly answered = output<boolean>();
  private readonly cancel = viewChild.required<ElementRef<HTMLButtonElement>>('cancel');

  constructor() {
    afterNextRender(() => this.cancel().nativeElement.focus());
  }
}
