import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * Markdown as HTML that is safe to put in the page. Two layers, because what is rendered is whatever anyone typed
 * (or pasted, or another tab saved):
 * - raw HTML in the text is shown as text, not interpreted (a journal is prose; `<b>` typed is `<b>` read);
 * - what marked makes is then cleaned by DOMPurify (allowlist of tags and attributes, no event handlers, no
 *   `javascript:` URLs), so a `javascript:` link or a rendering quirk never reaches the DOM.
 * DOMPurify rather than Angular's own [innerHTML] sanitiser: it is the maintained, purpose-built cleaner, works on
 * the parsed DOM, and lets links get rel/target here; the result is then trusted once, in one place (markdown-view).
 */
const marked = new Marked({
  gfm: true,
  breaks: true, // a line break typed is a line break read: journal text is not wrapped prose for a terminal
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

const purify = DOMPurify();
/** Blocks that hold a paragraph of the user's text: each takes the direction of its own (right-to-left or not). */
const textBlocks = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TD', 'TH']);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (textBlocks.has(node.tagName)) node.setAttribute('dir', 'auto');
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank'); // a link in an entry never navigates the editor away
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false });
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'], // (task-list checkboxes go too)
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
