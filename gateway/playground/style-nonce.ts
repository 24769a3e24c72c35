// The page's CSP allows <style> elements only with its nonce. Monaco (and Radix's scroll lock) add their
// own <style> elements at run time; this gives every <style> the page's own scripts create that nonce, as
// webpack's __webpack_nonce__ would. Injected markup still gets none: it never passes through here.

export function nonceNewStyleElements(): void {
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  if (!nonce) return;
  // Seen through its one (string) overload: the tag-name overloads are only narrower types of the same call,
  // and one of them (the deprecated tag names) would mark every mention of the method itself as deprecated.
  const page: { createElement: (tagName: string, options?: ElementCreationOptions) => HTMLElement } = document;
  const create = page.createElement.bind(document);
  page.createElement = (tagName, options) => {
    const element = create(tagName, options);
    if (tagName.toLowerCase() === 'style') element.setAttribute('nonce', nonce);
    return element;
  };
}
