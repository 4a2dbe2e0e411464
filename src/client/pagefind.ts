/**
 * Loads Pagefind on first use and turns its results into DOM nodes without ever parsing
 * page or query text as HTML: excerpts are split on Pagefind's <mark> tags and the rest
 * is inserted as text.
 */

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

export interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string | null, options?: Record<string, unknown>, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[]; filters?: Record<string, Record<string, number>>; totalFilters?: Record<string, Record<string, number>>; unfilteredResultCount: number } | null>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: { data(): Promise<PagefindResultData> }[]; filters: Record<string, Record<string, number>>; totalFilters: Record<string, Record<string, number>>; unfilteredResultCount: number }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<PagefindApi> | undefined;

/** Imports `<bundle>pagefind.js` once; `base` prefixes result URLs under a sub-path. */
export function loadPagefind(bundle: string, base: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
    await api.options({ baseUrl: base, excerptLength: 24 });
    await api.init();
    return api;
  })();
  return loading;
}

function decode(text: string): string {
  // DOMParser documents never run scripts or load resources: a safe entity decoder.
  return new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html').body.textContent ?? '';
}

/** Appends an excerpt to `parent`, with Pagefind's marks as <mark> elements and all else as text. */
export function appendExcerpt(parent: HTMLElement, excerpt: string): void {
  const parts = excerpt.split(/(<mark>[\s\S]*?<\/mark>)/g);
  for (const part of parts) {
    if (!part) continue;
    const m = part.match(/^<mark>([\s\S]*)<\/mark>$/);
    if (m) {
      const mark = document.createElement('mark');
      mark.textContent = decode(m[1]!.replace(/<[^>]*>/g, ''));
      parent.append(mark);
    } else {
      parent.append(document.createTextNode(decode(part.replace(/<[^>]*>/g, ''))));
    }
  }
}
