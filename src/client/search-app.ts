/**
 * `<search-page>`: full search with facets. The state lives in the address
 * (`?q=…&collection=ILRS&country=Kazakhstan&sort=date-desc`), so a search can be linked,
 * bookmarked and restored. Values of one facet are combined with OR, facets with AND;
 * filters alone, without a query, browse the whole site.
 */
import { capQuery, MAX_QUERY_LENGTH, MAX_TERM_LENGTH } from './highlight-param.ts';
import { loadPagefind, renderResult, searchSite, type FilterCounts, type PagefindApi } from './pagefind.ts';

/** Facets in display order, with their labels; the names match the pages' data-pagefind-filter. */
const FACETS: [string, string][] = [
  ['collection', 'Collection'],
  ['type', 'Type'],
  ['country', 'Country'],
  ['person', 'Person'],
  ['year', 'Year'],
];
const PAGE_SIZE = 20;
/** The orders the sort menu offers; '' is by relevance. */
const SORTS = ['', 'date-desc', 'date-asc'];

export interface State {
  q: string;
  sort: string;
  filters: Map<string, string[]>;
}

/**
 * The state an address asks for, within what the page accepts: a query of at most
 * `MAX_QUERY_LENGTH` characters, a known sort, each facet's values once, none longer than a
 * facet value can be. Whether a value is one of the facet's is known only once Pagefind has
 * loaded: see `keepKnownValues`.
 */
export function stateFromUrl(search: string): State {
  const params = new URLSearchParams(search);
  const filters = new Map<string, string[]>();
  for (const [name] of FACETS) {
    const values = [...new Set(params.getAll(name))].filter((v) => v && v.length <= MAX_TERM_LENGTH);
    if (values.length) filters.set(name, values);
  }
  const sort = params.get('sort') ?? '';
  return { q: capQuery(params.get('q') ?? ''), sort: SORTS.includes(sort) ? sort : '', filters };
}

/** The state without the facet values the site does not have: an address may name any, and the page could not show them to unselect. */
export function keepKnownValues(state: State, all: FilterCounts): State {
  const filters = new Map<string, string[]>();
  for (const [name, values] of state.filters) {
    const known = values.filter((v) => Object.hasOwn(all[name] ?? {}, v));
    if (known.length) filters.set(name, known);
  }
  return { ...state, filters };
}

export function stateToQuery(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [name, values] of state.filters) for (const value of values) params.append(name, value);
  if (state.sort) params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class SearchApp {
  #host: HTMLElement;

  constructor(host: HTMLElement) {
    this.#host = host;
  }

  #pagefind!: PagefindApi;
  #all: FilterCounts = {};
  #state: State = { q: '', sort: '', filters: new Map() };
  #shown = PAGE_SIZE;
  #run = 0;

  async start(): Promise<void> {
    const form = this.#host.querySelector<HTMLFormElement>('[data-form]')!;
    const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
    const sort = form.querySelector<HTMLSelectElement>('select')!;
    input.maxLength = MAX_QUERY_LENGTH;
    this.#state = stateFromUrl(location.search);
    input.value = this.#state.q;
    sort.value = this.#state.sort;
    document.querySelector<HTMLElement>('[data-help]')!.hidden = true;

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#update({ q: capQuery(input.value) });
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.#update({ q: capQuery(input.value) }), 200);
    });
    sort.addEventListener('change', () => this.#update({ sort: sort.value }));
    window.addEventListener('popstate', () => {
      this.#state = keepKnownValues(stateFromUrl(location.search), this.#all);
      input.value = this.#state.q;
      sort.value = this.#state.sort;
      void this.#search();
    });

    this.#pagefind = await loadPagefind(this.#host.dataset.bundle!, this.#host.dataset.base!);
    this.#all = await this.#pagefind.filters();
    // The address keeps only what the page shows: values the site lacks are dropped from it too.
    this.#state = keepKnownValues(this.#state, this.#all);
    const query = stateToQuery(this.#state);
    if (query !== location.search) history.replaceState(null, '', `${location.pathname}${query}`);
    await this.#search();
  }

  #update(change: Partial<State>): void {
    this.#state = { ...this.#state, ...change };
    this.#shown = PAGE_SIZE;
    history.replaceState(null, '', `${location.pathname}${stateToQuery(this.#state)}`);
    void this.#search();
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const { q, sort, filters } = this.#state;
    const summary = this.#host.querySelector<HTMLElement>('[data-summary]')!;
    const list = this.#host.querySelector<HTMLElement>('[data-results]')!;
    if (!q && filters.size === 0) {
      this.#renderFacets(this.#all);
      summary.textContent = 'Type a query, or choose filters to browse.';
      list.replaceChildren();
      return;
    }
    const toFilters = (skip?: string) => Object.fromEntries([...filters].filter(([name]) => name !== skip).map(([name, values]) => [name, { any: values }]));
    const options: Record<string, unknown> = { filters: toFilters() };
    if (sort) options.sort = { date: sort === 'date-asc' ? 'asc' : 'desc' };
    const search = await searchSite(this.#pagefind, q || null, options);
    // A facet's own counts ignore its own selection, so they say what choosing one more value would add (OR).
    const counts: FilterCounts = { ...search.filters };
    for (const name of filters.keys()) {
      const others = await this.#pagefind.search(q || null, { filters: toFilters(name) });
      counts[name] = others.filters[name] ?? {};
    }
    const results = await Promise.all(search.results.slice(0, this.#shown).map((r) => r.data()));
    if (run !== this.#run) return; // a newer search has started
    this.#renderFacets(counts);
    const count = search.results.length;
    const described = [q && `for “${q}”`, ...[...filters].map(([name, values]) => `${name}: ${values.join(' or ')}`)].filter(Boolean).join(', ');
    summary.textContent = `${count} ${count === 1 ? 'result' : 'results'} ${described}`.trim();
    list.replaceChildren(...results.map((r) => renderResult(r, q)));
    if (count > results.length) {
      const more = document.createElement('li');
      more.className = 'result-more';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `Show ${Math.min(PAGE_SIZE, count - results.length)} more`;
      button.addEventListener('click', () => {
        this.#shown += PAGE_SIZE;
        void this.#search();
      });
      more.append(button);
      list.append(more);
    }
  }

  #renderFacets(counts: FilterCounts): void {
    const container = this.#host.querySelector<HTMLElement>('[data-facets]')!;
    container.hidden = false;
    const fieldsets = FACETS.filter(([name]) => this.#all[name]).map(([name, label]) => {
      const fieldset = document.createElement('fieldset');
      fieldset.className = 'facet';
      const legend = document.createElement('legend');
      legend.textContent = label;
      fieldset.append(legend);
      const selected = this.#state.filters.get(name) ?? [];
      // Chosen values first, so a long list never hides them; then years newest first, other values by size.
      const values = Object.keys(this.#all[name]!).sort(
        (a, b) =>
          Number(selected.includes(b)) - Number(selected.includes(a)) ||
          (name === 'year' ? b.localeCompare(a) : (this.#all[name]![b] ?? 0) - (this.#all[name]![a] ?? 0) || a.localeCompare(b)),
      );
      const list = document.createElement('div');
      list.className = 'facet-values';
      for (const value of values) {
        const id = `facet-${name}-${value}`.replace(/[^a-zA-Z0-9_-]/g, '_');
        const checkbox = document.createElement('input');
        checkbox.type = 'checkbox';
        checkbox.id = id;
        checkbox.checked = selected.includes(value);
        checkbox.addEventListener('change', () => {
          const next = new Map(this.#state.filters);
          const now = new Set(next.get(name) ?? []);
          if (checkbox.checked) now.add(value);
          else now.delete(value);
          if (now.size) next.set(name, [...now]);
          else next.delete(name);
          this.#update({ filters: next });
        });
        const labelEl = document.createElement('label');
        labelEl.htmlFor = id;
        labelEl.textContent = value;
        const count = document.createElement('span');
        count.className = 'facet-count';
        count.textContent = String(counts[name]?.[value] ?? 0);
        labelEl.append(' ', count);
        const row = document.createElement('div');
        row.className = 'facet-value';
        row.append(checkbox, labelEl);
        list.append(row);
      }
      fieldset.append(list);
      return fieldset;
    });
    // Keep keyboard focus on the same checkbox across re-renders.
    const focused = document.activeElement?.id;
    container.replaceChildren(...fieldsets);
    if (focused) document.getElementById(focused)?.focus();
  }
}
