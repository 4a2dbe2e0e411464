/** `<search-page>`: runs the query of `?q=` and lists every result with its excerpt. */
import { appendExcerpt, loadPagefind } from './pagefind.ts';

class SearchPage extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
    const input = this.querySelector('input')!;
    input.value = query;
    if (!query) return;
    const summary = this.querySelector<HTMLElement>('[data-summary]')!;
    const list = this.querySelector<HTMLElement>('[data-results]')!;
    const pagefind = await loadPagefind(this.dataset.bundle!, this.dataset.base!);
    const search = await pagefind.search(query);
    const results = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
    summary.textContent = `${search.results.length} ${search.results.length === 1 ? 'result' : 'results'} for “${query}”`;
    list.replaceChildren(
      ...results.map((result) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = result.url;
        link.textContent = result.meta.title ?? result.url;
        const kind = document.createElement('span');
        kind.className = 'entry-kind';
        kind.textContent = result.filters.collection?.[0] ?? '';
        const excerpt = document.createElement('p');
        appendExcerpt(excerpt, result.excerpt);
        item.append(link, kind, excerpt);
        return item;
      }),
    );
  }
}

export function defineSearchPage(): void {
  if (!customElements.get('search-page')) customElements.define('search-page', SearchPage);
}
