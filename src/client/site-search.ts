/**
 * `<site-search>`: the header search. The header box, `/` and Ctrl/⌘+K open a modal
 * dialog with a combobox; results form a listbox driven by the arrow keys, Enter opens
 * the active result, Escape closes. Also highlights searched terms on the page it lands on.
 */
import { appendExcerpt, HIGHLIGHT_PARAM, loadPagefind, type PagefindResultData } from './pagefind.ts';

const MAX_RESULTS = 8;

class SiteSearch extends HTMLElement {
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #list!: HTMLElement;
  #status!: HTMLElement;
  #all!: HTMLAnchorElement;
  #active = -1;
  #query = '';

  connectedCallback(): void {
    const headerInput = this.querySelector<HTMLInputElement>('form input')!;
    this.#dialog = this.querySelector('dialog')!;
    this.#input = this.#dialog.querySelector('input')!;
    this.#list = this.#dialog.querySelector('[role="listbox"]')!;
    this.#status = this.#dialog.querySelector('[data-status]')!;
    this.#all = this.#dialog.querySelector('[data-all]')!;

    const openFromHeader = (event: Event) => {
      event.preventDefault();
      this.open(headerInput.value);
    };
    headerInput.addEventListener('focus', openFromHeader);
    headerInput.addEventListener('click', openFromHeader);
    this.querySelector('form')!.addEventListener('submit', openFromHeader);
    this.#dialog.querySelector('[data-close]')!.addEventListener('click', () => this.#dialog.close());
    this.#dialog.addEventListener('click', (event) => {
      if (event.target === this.#dialog) this.#dialog.close(); // a click on the backdrop
    });
    this.#input.addEventListener('input', () => void this.#search());
    this.#input.addEventListener('keydown', (event) => this.#onKey(event));
    this.#list.addEventListener('click', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (option) this.#go(option, event as MouseEvent);
    });
    document.addEventListener('keydown', (event) => {
      const typing = event.target instanceof HTMLElement && (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
      if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.open();
      } else if (event.key === '/' && !typing && !this.#dialog.open) {
        event.preventDefault();
        this.open();
      }
    });
    void highlightTerms(this.dataset.bundle!);
  }

  open(value = ''): void {
    if (this.#dialog.open) return;
    this.#dialog.showModal();
    if (value) this.#input.value = value;
    this.#input.focus();
    this.#input.select();
    void loadPagefind(this.dataset.bundle!, this.dataset.base!);
    if (this.#input.value.trim()) void this.#search();
  }

  async #search(): Promise<void> {
    const query = this.#input.value.trim();
    this.#query = query;
    this.#all.href = `${this.dataset.base}search/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
    if (!query) {
      this.#render([], 0);
      return;
    }
    const pagefind = await loadPagefind(this.dataset.bundle!, this.dataset.base!);
    const search = await pagefind.debouncedSearch(query, {}, 120);
    if (!search || query !== this.#query) return; // a newer query has started
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (query !== this.#query) return;
    this.#render(results, search.results.length);
  }

  #render(results: PagefindResultData[], total: number): void {
    this.#list.replaceChildren(
      ...results.map((result, i) => {
        const option = document.createElement('li');
        option.setAttribute('role', 'option');
        option.id = `site-search-option-${i}`;
        option.dataset.href = result.url;
        option.setAttribute('aria-selected', 'false');
        const title = document.createElement('span');
        title.className = 'result-title';
        title.textContent = result.meta.title ?? result.url;
        const meta = document.createElement('span');
        meta.className = 'result-meta';
        meta.textContent = [result.meta.collection, result.meta.date].filter(Boolean).join(' · ');
        const excerpt = document.createElement('span');
        excerpt.className = 'result-excerpt';
        appendExcerpt(excerpt, result.excerpt);
        option.append(title, meta, excerpt);
        return option;
      }),
    );
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    this.#input.setAttribute('aria-expanded', String(results.length > 0));
    this.#status.textContent = this.#query
      ? total === 0
        ? `No results for “${this.#query}”.`
        : `${total} ${total === 1 ? 'result' : 'results'}${total > results.length ? `, showing the first ${results.length}` : ''}.`
      : '';
  }

  #options(): HTMLElement[] {
    return [...this.#list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  #setActive(index: number): void {
    const options = this.#options();
    this.#active = index;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
    const option = options[index];
    if (option) {
      this.#input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
  }

  #onKey(event: KeyboardEvent): void {
    const count = this.#options().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#setActive(this.#active < 0 && step < 0 ? count - 1 : (this.#active + step + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = this.#options()[this.#active < 0 ? 0 : this.#active];
      if (option) this.#go(option, event);
      else if (this.#query) location.href = this.#all.href;
    }
    // Escape closes the modal dialog natively.
  }

  #go(option: HTMLElement, event: MouseEvent | KeyboardEvent): void {
    const href = option.dataset.href!;
    if (event.ctrlKey || event.metaKey) window.open(href, '_blank', 'noopener');
    else location.href = href;
  }
}

/** On a page reached from a search, marks the searched terms (Pagefind's highlight script, loaded only then). */
async function highlightTerms(bundle: string): Promise<void> {
  if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
  const { default: PagefindHighlight } = (await import(/* @vite-ignore */ `${bundle}pagefind-highlight.js`)) as {
    default: new (options: Record<string, unknown>) => unknown;
  };
  new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false, markContext: '[data-pagefind-body]' });
}

export function defineSiteSearch(): void {
  if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
}
