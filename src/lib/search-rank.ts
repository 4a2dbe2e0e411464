/**
 * How the site orders search results, on top of Pagefind's BM25 score: pure, shared by the
 * browser (src/client/pagefind.ts) and the unit tests.
 *
 * 1. Entries named exactly by the query (title or alias, compared as name keys) come first.
 * 2. Then every other match by score, where
 *    - an entry named by a run of words inside the query ("Roscosmos chief") counts more,
 *    - events and sources count less: they are short and repeat the names of the topic and
 *      entity pages they belong to, so BM25 alone lists them above those pages.
 * Within the exact names, topic and entity pages come before events, events before sources.
 */

/** Where a page stands when its match is as good as another's; the `rank` search filter holds it. */
export type SearchTier = 'page' | 'event' | 'source';

/** The values of the `rank` filter, by tier; topic and entity pages carry none. */
export const RANK_FILTER: Record<Exclude<SearchTier, 'page'>, string> = { event: 'event', source: 'source' };

/** Multipliers of the BM25 score by tier: tuned on the relevance suite (tests/e2e/relevance.spec.ts). */
export const TIER_FACTOR: Record<SearchTier, number> = { page: 1, event: 0.6, source: 0.3 };

/** Multiplier for an entry whose name stands in the query. */
export const NAMED_FACTOR = 2.5;

const TIER_ORDER: Record<SearchTier, number> = { page: 0, event: 1, source: 2 };

export interface Scored {
  id: string;
  score: number;
}

export interface RankInput<T extends Scored> {
  /** Pagefind's results for the query, in its order. */
  matches: T[];
  /** Entries whose name is the whole query (they may have no text match). */
  exact: T[];
  /** Entries whose name is a run of words in the query. */
  named: T[];
  tierOf(id: string): SearchTier;
}

/** The results in the site's order, each once. */
export function rankResults<T extends Scored>({ matches, exact, named, tierOf }: RankInput<T>): T[] {
  const scoreOf = new Map(matches.map((r) => [r.id, r.score]));
  // An entry named in the query without a text match (its name spelt another way) scores as the best match does.
  const best = matches.length ? Math.max(...matches.map((r) => r.score)) : 1;
  const namedIds = new Set(named.map((r) => r.id));
  const base = (r: T) => scoreOf.get(r.id) ?? best;
  const score = (r: T) => base(r) * TIER_FACTOR[tierOf(r.id)] * (namedIds.has(r.id) ? NAMED_FACTOR : 1);
  const first = [...exact].sort((a, b) => TIER_ORDER[tierOf(a.id)] - TIER_ORDER[tierOf(b.id)] || base(b) - base(a));
  const seen = new Set(exact.map((r) => r.id));
  const rest: T[] = [];
  for (const r of [...matches, ...named]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    rest.push(r);
  }
  return [...first, ...rest.sort((a, b) => score(b) - score(a))];
}
