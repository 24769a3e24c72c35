import {
  ChangeDetectionStrategy, Component, ElementRef, type OnDestroy, type OnInit, effect, inject, input, output,
} from '@angular/core';
import { markdown } from '@codemirror/lang-markdown';
import { Annotation, Compartment, EditorState, Transaction } from '@codemirror/state';
import { EditorView, placeholder } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import { lineDirection } from './line-direction';
import { markdownEditorTheme, markdownHighlighting } from './markdown-theme';

/**
 * A Markdown text box (CodeMirror 6) that works like a bound input: `value` in, `valueChange` out on each edit by
 * the user. A new `value` from outside (the entry loaded, their version chosen, a draft restored) replaces the text
 * without echoing back as an edit. It grows with the text (no inner scroll), Tab leaves it as from any field
 * (no indent-with-Tab: a keyboard user is never trapped), it is named by `labelledBy`, and each line takes the
 * direction of its own text (right-to-left lines read right to left).
 */
@Component({
  selector: 'mf-markdown-editor',
  template: '',
  styles: `
    :host { display: block; } :host([hidden]) { display: none; }
    :host([data-invalid=true]) ::ng-deep .cm-editor { border-color: var(--danger); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-invalid]': 'invalid()' },
})
export class MarkdownEditor implements OnInit, OnDestroy {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly value = input.required<string>();
  readonly valueChange = output<string>();
  /** the id given to the editable element (a `<label for>` and tests find it by it) */
  readonly inputId = input.required<string>();
  /** the id of the element naming the box (its label) */
  readonly labelledBy = input.required<string>();
  readonly describedBy = input<string | null>(null);
  readonly invalid = input(false);
  readonly placeholder = input('');
  private view: EditorView | undefined;
  private readonly attributes = new Compartment();

  constructor() {
    effect(() => {
      const value = this.value();
      const view = this.view;
      if (view && view.state.doc.toString() !== value) {
        view.dispatch({
          changes: { from: 0, to: view.state.doc.length, insert: value },
          annotations: [fromOutside.of(true), Transaction.addToHistory.of(false)], // undo never brings the old text back
        });
      }
    });
    effect(() => {
      const attributes = this.attributes.reconfigure(EditorView.contentAttributes.of(this.contentAttributes()));
      this.view?.dispatch({ effects: attributes });
    });
  }

  ngOnInit(): void {
    // at once, not after the first render: the text is there as soon as the form is
    this.view = new EditorView({ parent: this.host.nativeElement, state: this.stateFor(this.value()) });
  }

  ngOnDestroy(): void {
    this.view?.destroy();
  }

  /** Focus into the text (for a label or a "Write" tab that brings the box back). */
  focus(): void {
    this.view?.focus();
  }

  private contentAttributes(): Record<string, string> {
    const describedBy = this.describedBy();
    return {
      id: this.inputId(), 'aria-labelledby': this.labelledBy(), 'aria-multiline': 'true', dir: 'auto',
      ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(this.invalid() ? { 'aria-invalid': 'true' } : {}),
    };
  }

  private stateFor(doc: string): EditorState {
    return EditorState.create({
      doc,
      extensions: [
        minimalSetup,
        markdown(),
        markdownHighlighting, // (replaces minimalSetup's default style, which only stands in when there is none)
        markdownEditorTheme,
        EditorView.lineWrapping,
        lineDirection,
        this.attributes.of(EditorView.contentAttributes.of(this.contentAttributes())),
        placeholder(this.placeholder()),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !update.transactions.some((t) => t.annotation(fromOutside))) {
            this.valueChange.emit(update.state.doc.toString());
          }
        }),
      ],
    });
  }
}

/** Marks the replacement made for a new `value`: not an edit to report back. */
const fromOutside = Annotation.define<boolean>();
