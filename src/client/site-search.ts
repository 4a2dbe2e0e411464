/**
 * `<site-search>`: the header search, kept tiny because every page loads it. Clicking or
 * typing in the header box, `/` and Ctrl/⌘+K open the search dialog, whose code (and
 * Pagefind) load only then.
 * On a page reached from a search, it marks the searched terms.
 */
import { getHighlightTerms, HIGHLIGHT_PARAM } from './highlight-param.ts';

class SiteSearch extends HTMLElement {
  #controller: Promise<{ search(): Promise<void> }> | undefined;

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('form input')!;
    const dialog = this.querySelector('dialog')!;
    const dialogInput = dialog.querySelector('input')!;
    const open = (event?: Event, value = '', typing = false) => {
      event?.preventDefault();
      // The dialog opens at once, so no keystroke is lost while its code loads.
      if (!dialog.open) {
        dialog.showModal();
        if (value) dialogInput.value = value;
        dialogInput.focus();
        // Typing goes on where it began; otherwise the old query is selected, ready to replace.
        if (typing) dialogInput.setSelectionRange(value.length, value.length);
        else dialogInput.select();
      }
      this.#controller ??= import('./search-dialog.ts').then(({ SearchDialog }) => new SearchDialog(this));
      void this.#controller.then((controller) => controller.search());
    };
    // Not on focus: closing the dialog gives focus back to the box, which must not reopen it.
    input.addEventListener('input', (event) => open(event, input.value, true));
    input.addEventListener('click', (event) => open(event, input.value));
    // One Escape closes, rather than first clearing the box as search fields do.
    dialogInput.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        dialog.close();
      }
    });
    dialog.addEventListener('close', () => {
      input.value = dialogInput.value;
    });
    this.querySelector('form')!.addEventListener('submit', (event) => open(event, input.value));
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      // Focus may linger on the box of a just-closed dialog until the next frame.
      const typing = (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) && !(dialog.contains(target) && !dialog.open);
      if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) open(event);
      else if (event.key === '/' && !typing && !dialog.open) open(event);
    });
    const terms = getHighlightTerms(location.search);
    if (terms.length > 0) void this.#highlight(terms);
  }

  /** Marks the searched terms in the page's main content (Pagefind's highlight script). */
  async #highlight(terms: string[]): Promise<void> {
    // Pagefind's script reads the terms from the address: leave it only the capped ones.
    const url = new URL(location.href);
    if (url.searchParams.getAll(HIGHLIGHT_PARAM).join('\n') !== terms.join('\n')) {
      url.searchParams.delete(HIGHLIGHT_PARAM);
      for (const term of terms) url.searchParams.append(HIGHLIGHT_PARAM, term);
      history.replaceState(history.state, '', url);
    }
    try {
      const { default: PagefindHighlight } = (await import(/* @vite-ignore */ `${this.dataset.bundle}pagefind-highlight.js`)) as {
        default: new (options: Record<string, unknown>) => unknown;
      };
      new PagefindHighlight({
        highlightParam: HIGHLIGHT_PARAM,
        addStyles: false,
        markContext: '[data-pagefind-body]',
        // Only visible text: not the hidden search metadata, not what Pagefind does not index.
        markOptions: { className: 'pagefind-highlight', exclude: ['[hidden]', '[hidden] *', '[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
      });
    } catch {
      // Marking the terms is a courtesy: a page whose highlighting fails still reads as it is.
    }
  }
}

export function defineSiteSearch(): void {
  if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
}
