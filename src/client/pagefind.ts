/**
 * Pagefind, loaded on first use, and the rendering of its results. Nothing from a page or
 * a query is ever parsed as HTML: excerpts are split on Pagefind's <mark> tags, and the
 * rest is inserted as text.
 */
import { getQueryNameKeys, getSpellingMatches } from '../lib/search-name.ts';
import { rankResults, RANK_FILTER, type SearchTier } from '../lib/search-rank.ts';
import { capTerms, HIGHLIGHT_PARAM } from './highlight-param.ts';

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: { id: string; score: number; data(): Promise<PagefindResultData> }[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
  unfilteredResultCount: number;
}

export interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindSearch>;
  debouncedSearch(term: string | null, options?: Record<string, unknown>, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}

let loading: Promise<PagefindApi> | undefined;

/** Imports `<bundle>pagefind.js` once; `base` prefixes result URLs under a sub-path. */
export function loadPagefind(bundle: string, base: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
    // On the main thread: the index is small, and starting a worker costs more than it saves.
    await api.options({ baseUrl: base, excerptLength: 24, highlightParam: HIGHLIGHT_PARAM, ranking: RANKING, noWorker: true });
    await api.init();
    // Warm what every ranked query needs (the tiers, and the name filter's chunk), so the first one waits only for its own words.
    tiers ??= loadTiers(api);
    await Promise.all([tiers, api.search(null, { filters: { name: '' } })]);
    return api;
  })();
  return loading;
}

/** Ranking: matches in short pages count only a little more than in long ones. */
const RANKING = { pageLength: 0.1, termSaturation: 1.0 };

/** A query that finds fewer results than this, and names nothing, is tried as a misspelt name. */
const SPELLING_FALLBACK_BELOW = 3;

/** Every name key of the site (the values of the `name` filter), read once when first needed. */
let names: Promise<string[]> | undefined;

let tiers: Promise<(id: string) => SearchTier> | undefined;

/** Which pages are events and sources does not depend on the query: asked once, as Pagefind loads, then remembered. */
async function loadTiers(pagefind: PagefindApi): Promise<(id: string) => SearchTier> {
  const [events, sources] = await Promise.all(
    [RANK_FILTER.event, RANK_FILTER.source].map((value) =>
      pagefind.search(null, { filters: { rank: value } }).then((r) => new Set(r.results.map((x) => x.id))),
    ),
  );
  return (id) => (sources!.has(id) ? 'source' : events!.has(id) ? 'event' : 'page');
}

/**
 * A Pagefind search ranked for this site (src/lib/search-rank.ts): entries named by the
 * whole query first, then the others by relevance, lifted when their name stands in the
 * query, events and sources weighed down. The names are looked up as name keys in the
 * `name` filter, so other spellings that fold alike match. A date sort is left as
 * Pagefind returns it.
 */
export async function searchSite(pagefind: PagefindApi, query: string | null, options: Record<string, unknown> = {}): Promise<PagefindSearch> {
  const filters = (options.filters as Record<string, unknown> | undefined) ?? {};
  const ranked = Boolean(query) && !options.sort;
  if (!query || !ranked) return pagefind.search(query, options);
  const [whole, ...parts] = getQueryNameKeys(query);
  tiers ??= loadTiers(pagefind);
  const byName = (keys: string[]) => (keys.length ? pagefind.search(null, { ...options, filters: { ...filters, name: { any: keys } } }) : undefined);
  const [main, exact, found, tierOf] = await Promise.all([pagefind.search(query, options), byName(whole ? [whole] : []), byName(parts), tiers]);
  let named = found?.results ?? [];
  // Nothing named and next to nothing found: perhaps a name with a letter dropped, doubled or mistyped.
  if (!exact?.results.length && !named.length && main.results.length < SPELLING_FALLBACK_BELOW) {
    names ??= pagefind.filters().then((all) => Object.keys(all.name ?? {}));
    const near = getSpellingMatches(query, await names);
    named = (await byName(near))?.results ?? [];
  }
  return { ...main, results: rankResults({ matches: main.results, exact: exact?.results ?? [], named, tierOf }) };
}

/**
 * The result URL with the query's words for the landing page to mark (exact-name results come without): at most
 * `MAX_HIGHLIGHT_TERMS` distinct words, each capped, so the link stays short whatever the query.
 */
export function withHighlight(url: string, query: string): string {
  const target = new URL(url, 'http://site');
  // Pagefind's own terms when it gave some (it leaves an empty one on filter-only results), else the query's words.
  const given = target.searchParams.getAll(HIGHLIGHT_PARAM).filter(Boolean);
  if (!query && given.length === 0) return url;
  target.searchParams.delete(HIGHLIGHT_PARAM);
  for (const word of capTerms(given.length > 0 ? given : query.replace(/"/g, '').split(/\s+/))) target.searchParams.append(HIGHLIGHT_PARAM, word);
  return target.pathname + target.search + target.hash;
}

function decode(text: string): string {
  // A DOMParser document never runs scripts or loads resources: a safe entity decoder.
  return new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html').body.textContent ?? '';
}

/** Appends an excerpt to `parent`, with Pagefind's marks as <mark> elements and all else as text. */
export function appendExcerpt(parent: HTMLElement, excerpt: string): void {
  for (const part of excerpt.split(/(<mark>[\s\S]*?<\/mark>)/g)) {
    if (!part) continue;
    const m = part.match(/^<mark>([\s\S]*)<\/mark>$/);
    const text = decode((m ? m[1]! : part).replace(/<[^>]*>/g, ''));
    if (m) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      parent.append(mark);
    } else {
      parent.append(document.createTextNode(text));
    }
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One result: title link, collection and date, excerpt, and links to matching headings. */
export function renderResult(result: PagefindResultData, query: string, options: { id?: string; role?: string } = {}): HTMLElement {
  const item = el('li', 'result');
  if (options.role) item.setAttribute('role', options.role);
  if (options.id) item.id = options.id;
  const link = el('a', 'result-title', result.meta.title ?? result.url);
  link.href = withHighlight(result.url, query);
  const meta = el('span', 'result-meta', [result.meta.collection, result.meta.date].filter(Boolean).join(' · '));
  const excerpt = el('p', 'result-excerpt');
  appendExcerpt(excerpt, result.excerpt);
  item.append(link, meta, excerpt);
  // Sub-results link to the matching headings; the footnotes' own heading is no place to land.
  const subs = result.sub_results.filter((s) => s.url !== result.url && s.url.includes('#') && !s.url.includes('#footnote-label')).slice(0, 3);
  if (subs.length > 0) {
    const list = el('ul', 'result-subs');
    for (const sub of subs) {
      const li = document.createElement('li');
      const a = el('a', '', sub.title);
      a.href = sub.url;
      li.append(a);
      list.append(li);
    }
    item.append(list);
  }
  return item;
}
