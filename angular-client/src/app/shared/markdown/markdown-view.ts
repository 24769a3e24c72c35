import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';
import { renderMarkdown } from './render-markdown';

/** Markdown text shown rendered: the one place its sanitised HTML (renderMarkdown) is trusted into the page. */
@Component({
  selector: 'mf-markdown-view',
  template: `<div class="markdown" dir="auto" [innerHTML]="html()"></div>`,
  styles: `
    .markdown { overflow-wrap: anywhere; line-height: 1.55; }
    .markdown :is(h1, h2, h3) { margin: .8em 0 .4em; line-height: 1.25; } .markdown h1 { font-size: 1.5rem; }
    .markdown :first-child { margin-top: 0; }
    .markdown blockquote { margin: .5em 0; padding-left: .8em; border-left: 3px solid var(--border); color: var(--muted); }
    .markdown pre { white-space: pre-wrap; background: var(--bg); padding: .5rem; border-radius: 8px; }
    .markdown code { font-family: ui-monospace, monospace; font-size: .92em; }
    .markdown img { max-width: 100%; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MarkdownView {
  private readonly sanitizer = inject(DomSanitizer);
  readonly text = input.required<string>();
  // renderMarkdown has cleaned it (DOMPurify): Angular's second pass would only warn about what it already removed
  protected readonly html = computed(() => this.sanitizer.bypassSecurityTrustHtml(renderMarkdown(this.text())));
}
