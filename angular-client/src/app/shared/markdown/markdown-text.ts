import { Lexer, type Token } from 'marked';

/** Blocks of text (paragraphs, headings, list items…) are read as one line, a space between them. */
const lexerOptions = { gfm: true, breaks: true } as const;

/**
 * Markdown as the plain text a reader sees (`**bold** and # heading` → `bold and heading`), for one-line excerpts
 * and search snippets. marked's lexer (the parser the preview renders with) reads the syntax, so what counts as
 * emphasis, a link or code is exactly what the preview shows; only the text is kept: link and image targets go,
 * an image leaves its alt text, raw HTML stays literal text (it is shown as text in the preview too).
 */
export function markdownToText(markdown: string): string {
  const parts: string[] = [];
  collect(Lexer.lex(markdown, lexerOptions), parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function collect(tokens: readonly Token[], into: string[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'space': case 'hr': case 'br':
        into.push(' ');
        break;
      case 'code': case 'codespan': case 'html':
        into.push(token.text as string, token.type === 'code' || ('block' in token && token.block === true) ? ' ' : '');
        break;
      case 'list':
        for (const item of token.items as Token[]) collect([item], into);
        break;
      case 'table': {
        const cells = [...(token.header as { tokens: Token[] }[]), ...(token.rows as { tokens: Token[] }[][]).flat()];
        for (const cell of cells) {
          collect(cell.tokens, into);
          into.push(' ');
        }
        break;
      }
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) collect(token.tokens as Token[], into);
        else if ('text' in token && typeof token.text === 'string') into.push(token.text);
        else into.push(token.raw);
        if (isBlock(token.type)) into.push(' ');
    }
  }
}

const blocks = new Set(['paragraph', 'heading', 'blockquote', 'list_item', 'text_block']);
const isBlock = (type: string) => blocks.has(type);
