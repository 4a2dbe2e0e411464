/** `<search-page>`: loads the search application (src/client/search-app.ts) and starts it. */
class SearchPage extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const { SearchApp } = await import('./search-app.ts');
    await new SearchApp(this).start();
  }
}

export function defineSearchPage(): void {
  if (!customElements.get('search-page')) customElements.define('search-page', SearchPage);
}
