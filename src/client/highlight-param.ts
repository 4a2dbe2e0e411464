/**
 * What the site's pages accept from their address, and the limits on it: an address can be
 * written by anyone, so its terms and query are capped before they reach Pagefind, a
 * regular expression or a link (a 10,000-character query makes a link servers refuse with
 * 431; 800 terms make Pagefind's highlighter build a regular expression that throws).
 */

/** The query parameter that carries searched terms to the result page for highlighting. */
export const HIGHLIGHT_PARAM = 'highlight';
/** At most this many terms are highlighted, */
export const MAX_HIGHLIGHT_TERMS = 10;
/** each of at most this many characters (also the longest facet value read from an address). */
export const MAX_TERM_LENGTH = 100;
/** The longest query the search page and dialog run and put in a link. */
export const MAX_QUERY_LENGTH = 200;

/** The first `max` characters of `text` (whole characters: an emoji is never cut in half). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : Array.from(text).slice(0, max).join('');
}

/** A query as the search runs it: trimmed and capped to `MAX_QUERY_LENGTH`. */
export function capQuery(query: string): string {
  return truncate(query.trim(), MAX_QUERY_LENGTH).trim();
}

/** Up to `MAX_HIGHLIGHT_TERMS` distinct, non-empty terms of up to `MAX_TERM_LENGTH` characters, in order. */
export function capTerms(terms: Iterable<string>): string[] {
  const kept: string[] = [];
  for (const raw of terms) {
    const term = truncate(raw.trim(), MAX_TERM_LENGTH);
    if (term && !kept.includes(term)) kept.push(term);
    if (kept.length === MAX_HIGHLIGHT_TERMS) break;
  }
  return kept;
}

/** The terms a page reached from a search should mark, from its address's query string. */
export function getHighlightTerms(search: string): string[] {
  return capTerms(new URLSearchParams(search).getAll(HIGHLIGHT_PARAM));
}
