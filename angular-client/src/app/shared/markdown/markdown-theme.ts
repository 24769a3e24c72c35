import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/**
 * How Markdown looks while it is written, in the page's theme colours (light and dark: CodeMirror's default style
 * has fixed colours for light pages, unreadable on the dark theme): the marks (`#`, `**`, `>`, `-`) muted, headings
 * larger, emphasis as it will read, links and code as the preview shows them.
 */
export const markdownHighlighting = syntaxHighlighting(HighlightStyle.define([
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator, tags.labelName, tags.comment], color: 'var(--muted)' },
  { tag: tags.heading1, fontWeight: '700', fontSize: '1.3em' },
  { tag: tags.heading2, fontWeight: '700', fontSize: '1.15em' },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: '700' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: tags.quote, color: 'var(--muted)' },
  { tag: [tags.link, tags.url], color: 'var(--accent)' },
  { tag: tags.link, textDecoration: 'underline' },
  { tag: tags.monospace, fontFamily: 'ui-monospace, monospace', fontSize: '.92em' },
  { tag: tags.invalid, color: 'var(--danger)' },
]));

/** The box as the page's other fields (styles.css: input, textarea), in the theme's colours, light or dark. */
export const markdownEditorTheme = EditorView.theme({
  '&': { border: '1px solid var(--field-border)', borderRadius: '8px', background: 'var(--surface)', color: 'var(--text)' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-content': { font: 'inherit', lineHeight: '1.5', padding: '.5rem .6rem', minHeight: '14rem', caretColor: 'var(--text)' },
  '.cm-content:focus-visible': { outline: 'none' }, // the box shows the focus, not the text inside it
  '.cm-line': { padding: '0' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': { background: 'var(--accent-soft)' },
});
