// The page's CSP allows <style> elements only with its nonce. Monaco (and Radix's scroll lock) add their
// own <style> elements at run time; this gives every <style> the page's own scripts create that nonce, as
// webpack's __webpack_nonce__ would. Injected markup still gets none: it never passes through here.

export function nonceNewStyleElements(): void {
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  if (!nonce) return;
  const create = document.createElement.bind(document);
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = create(tagName, options);
    if (tagName.toLowerCase() === 'style') element.setAttribute('nonce', nonce);
    return element;
  }) as typeof document.createElement;
}
