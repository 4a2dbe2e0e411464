/**
 * The search dialog, loaded by `<site-search>` the first time search is used: a modal
 * dialog with a combobox; results form a listbox driven by the arrow keys, Enter opens
 * the active result, Escape closes.
 */
import { capQuery, MAX_QUERY_LENGTH } from './highlight-param.ts';
import { appendExcerpt, loadPagefind, searchSite, withHighlight, type PagefindResultData } from './pagefind.ts';

const MAX_RESULTS = 8;
/** How many results are shown before the rest have loaded. */
const FIRST_RESULTS = 3;

export class SearchDialog {
  #host: HTMLElement;
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #list!: HTMLElement;
  #status!: HTMLElement;
  #all!: HTMLAnchorElement;
  #active = -1;
  #query = '';
  #run = 0;

  constructor(host: HTMLElement) {
    this.#host = host;
    this.#dialog = host.querySelector('dialog')!;
    this.#input = this.#dialog.querySelector('input')!;
    this.#input.maxLength = MAX_QUERY_LENGTH;
    this.#list = this.#dialog.querySelector('[role="listbox"]')!;
    this.#status = this.#dialog.querySelector('[data-status]')!;
    this.#all = this.#dialog.querySelector('[data-all]')!;
    void loadPagefind(host.dataset.bundle!, host.dataset.base!);

    this.#dialog.querySelector('[data-close]')!.addEventListener('click', () => this.#dialog.close());
    this.#dialog.addEventListener('click', (event) => {
      if (event.target === this.#dialog) this.#dialog.close(); // a click on the backdrop
    });
    this.#input.addEventListener('input', () => void this.search());
    this.#input.addEventListener('keydown', (event) => this.#onKey(event));
    this.#list.addEventListener('click', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (option) this.#go(option, event as MouseEvent);
    });
  }

  /** Runs the query in the box (also the one typed before this code had loaded). */
  async search(): Promise<void> {
    // Capped: a pasted page of text would make a link to the search page that servers refuse.
    const query = capQuery(this.#input.value);
    this.#query = query;
    // Each run is numbered: only the newest may draw, even when an older one asked the same.
    const run = ++this.#run;
    this.#all.href = `${this.#host.dataset.base}search/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
    if (!query) {
      this.#render([], 0);
      return;
    }
    const pagefind = await loadPagefind(this.#host.dataset.bundle!, this.#host.dataset.base!);
    if (run !== this.#run) return; // a newer search has started
    const search = await searchSite(pagefind, query);
    if (run !== this.#run) return;
    // The first few show as soon as their data is in; the rest are asked for only then, so
    // their fragments do not compete with the first ones for the network and the main thread.
    const shown = Math.min(MAX_RESULTS, search.results.length);
    const first = await Promise.all(search.results.slice(0, FIRST_RESULTS).map((r) => r.data()));
    if (run !== this.#run) return;
    this.#render(first, search.results.length, shown);
    if (shown <= first.length) return;
    const rest = await Promise.all(search.results.slice(FIRST_RESULTS, shown).map((r) => r.data()));
    if (run !== this.#run) return;
    this.#list.append(...rest.map((result, i) => this.#option(result, FIRST_RESULTS + i)));
  }

  /** Lists the results; the status already counts the `shown` that will be listed once all have loaded. */
  #render(results: PagefindResultData[], total: number, shown = results.length): void {
    this.#list.replaceChildren(...results.map((result, i) => this.#option(result, i)));
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    this.#input.setAttribute('aria-expanded', String(results.length > 0));
    this.#status.textContent = this.#query
      ? total === 0
        ? `No results for “${this.#query}”.`
        : `${total} ${total === 1 ? 'result' : 'results'} for “${this.#query}”${total > shown ? `, showing the first ${shown}` : ''}.`
      : '';
  }

  #option(result: PagefindResultData, i: number): HTMLElement {
    const option = document.createElement('li');
    option.setAttribute('role', 'option');
    option.id = `site-search-option-${i}`;
    option.dataset.href = withHighlight(result.url, this.#query);
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
    // Escape: `<site-search>` closes the dialog.
  }

  #go(option: HTMLElement, event: MouseEvent | KeyboardEvent): void {
    const href = option.dataset.href!;
    if (event.ctrlKey || event.metaKey) window.open(href, '_blank', 'noopener');
    else location.href = href;
  }
}
