/**
 * `<copy-markdown data-src="…md">`: shows its button where the clipboard can be written; the code that fetches the
 * page's Markdown and writes it (./markdown-clipboard.ts) loads on use, when the pointer or focus first reaches the
 * button. Loading it then, before the click, lets the click write at once: browsers allow a clipboard write only
 * close to the click that asked for it. (A chunk with a dynamic import is also never inlined by Astro, so the page
 * keeps to a CSP without inline scripts.)
 */
import type { MarkdownClipboard } from './markdown-clipboard.ts';

class CopyMarkdown extends HTMLElement {
  #clipboard: Promise<MarkdownClipboard> | undefined;

  connectedCallback(): void {
    const button = this.querySelector('button');
    const status = this.querySelector('[role="status"]');
    const src = this.dataset.src;
    // Without a clipboard the link beside the button is the way to the Markdown.
    if (!button || !status || !src || !navigator.clipboard?.writeText) return;
    const load = () => (this.#clipboard ??= import('./markdown-clipboard.ts').then(({ makeMarkdownClipboard }) => makeMarkdownClipboard(src)));
    // Pointer events cover touch too: a tap fires pointerenter before its click.
    for (const type of ['pointerenter', 'focus']) button.addEventListener(type, () => void load().then((c) => c.prefetch()));
    button.addEventListener('click', () => {
      status.textContent = '';
      void load().then(async (clipboard) => {
        status.textContent = (await clipboard.copy()) ? 'Copied the page as Markdown.' : 'Could not copy. Open “View as Markdown” and copy it from there.';
      });
    });
    button.hidden = false;
  }
}

export function defineCopyMarkdown(): void {
  if (!customElements.get('copy-markdown')) customElements.define('copy-markdown', CopyMarkdown);
}
