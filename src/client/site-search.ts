/**
 * `<site-search>`: the header search box. Results appear under it as a listbox that
 * works with the keyboard alone (arrows, Enter, Escape).
 */
import { appendExcerpt, loadPagefind } from './pagefind.ts';

class SiteSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #popup!: HTMLElement;
  #status!: HTMLElement;
  #active = -1;

  connectedCallback(): void {
    this.#input = this.querySelector('input')!;
    this.#popup = this.querySelector('[role="listbox"]')!;
    this.#status = this.querySelector('[data-status]')!;
    this.#input.addEventListener('input', () => void this.#search());
    this.#input.addEventListener('keydown', (event) => this.#onKey(event));
    this.#input.addEventListener('focus', () => void this.#load(), { once: true });
    this.addEventListener('focusout', (event) => {
      if (!this.contains(event.relatedTarget as Node | null)) this.#close();
    });
  }

  #load() {
    return loadPagefind(this.dataset.bundle!, this.dataset.base!);
  }

  async #search(): Promise<void> {
    const query = this.#input.value.trim();
    if (!query) return this.#close();
    const pagefind = await this.#load();
    const search = await pagefind.debouncedSearch(query, {}, 150);
    if (!search || query !== this.#input.value.trim()) return;
    const results = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
    this.#popup.replaceChildren();
    this.#active = -1;
    results.forEach((result, i) => {
      const link = document.createElement('a');
      link.href = result.url;
      link.id = `site-search-option-${i}`;
      link.setAttribute('role', 'option');
      link.className = 'search-option';
      const title = document.createElement('span');
      title.className = 'search-option-title';
      title.textContent = result.meta.title ?? result.url;
      const kind = document.createElement('span');
      kind.className = 'search-option-kind';
      kind.textContent = result.filters.collection?.[0] ?? '';
      const excerpt = document.createElement('span');
      excerpt.className = 'search-option-excerpt';
      appendExcerpt(excerpt, result.excerpt);
      link.append(title, kind, excerpt);
      this.#popup.append(link);
    });
    const all = document.createElement('a');
    all.href = `${this.dataset.base}search/?q=${encodeURIComponent(query)}`;
    all.className = 'search-all';
    all.textContent = results.length ? `All results for “${query}”` : `No results for “${query}”: open the search page`;
    this.#popup.append(all);
    this.#status.textContent = `${search.results.length} results`;
    this.#popup.hidden = false;
    this.#input.setAttribute('aria-expanded', 'true');
  }

  #options(): HTMLElement[] {
    return [...this.#popup.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  #onKey(event: KeyboardEvent): void {
    const options = this.#options();
    if (event.key === 'Escape') {
      this.#close();
      return;
    }
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && options.length) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#active = (this.#active + step + options.length) % options.length;
      options.forEach((o, i) => o.setAttribute('aria-selected', String(i === this.#active)));
      this.#input.setAttribute('aria-activedescendant', options[this.#active]!.id);
    } else if (event.key === 'Enter' && this.#active >= 0 && options[this.#active]) {
      event.preventDefault();
      options[this.#active]!.click();
    }
  }

  #close(): void {
    this.#popup.hidden = true;
    this.#active = -1;
    this.#input.setAttribute('aria-expanded', 'false');
    this.#input.removeAttribute('aria-activedescendant');
  }
}

export function defineSiteSearch(): void {
  if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
}
