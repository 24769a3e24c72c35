import { renderMarkdown } from './render-markdown';

/** The rendered HTML as a document fragment, to ask what is in it rather than match strings. */
const rendered = (text: string) => {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(text);
  return template.content;
};

describe('renderMarkdown', () => {
  it('renders headings, emphasis, lists, quotes and line breaks', () => {
    const html = rendered('# Harbour\n\n**Gulls** and *wind*\nthen rain\n\n- ferry\n- pier\n\n> calm');
    expect(html.querySelector('h1')?.textContent).toBe('Harbour');
    expect(html.querySelector('strong')?.textContent).toBe('Gulls');
    expect(html.querySelector('em')?.textContent).toBe('wind');
    expect(html.querySelector('p br')).not.toBeNull(); // a line typed is a line read
    expect([...html.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['ferry', 'pier']);
    expect(html.querySelector('blockquote')?.textContent?.trim()).toBe('calm');
  });

  it('lets each paragraph, heading and list item take the direction of its own text', () => {
    const html = rendered('# Harbour\n\nשקט בנמל\n\n- مشي');
    expect([...html.querySelectorAll('h1, p, li')].map((block) => block.getAttribute('dir'))).toEqual(['auto', 'auto', 'auto']);
  });

  it('shows raw HTML as text: an <img onerror> is never an element', () => {
    const html = rendered('Before <img src=x onerror=alert(1)> after\n\n<script>alert(2)</script>');
    expect(html.querySelector('img, script, [onerror]')).toBeNull();
    expect(html.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(html.textContent).toContain('<script>alert(2)</script>');
  });

  it('drops javascript: links and keeps ordinary ones, opening outside the editor', () => {
    const html = rendered('[click](javascript:alert(1)) [also](JAVASCRIPT:alert(1)) [ok](https://example.com/a)');
    const links = [...html.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([null, null, 'https://example.com/a']);
    expect(links[2]?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(links[2]?.getAttribute('target')).toBe('_blank');
    expect(renderMarkdown('![x](javascript:alert(1))')).not.toContain('javascript:');
  });
});
