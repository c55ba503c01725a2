/**
 * `/pagefind/bundles.json`: what the search page needs to search the main
 * index and the recent one as one (public/search.js).
 *
 * - `parts`: the main index, one Pagefind bundle, or a few by date range for
 *   very large archives; each with `offsets`, for each sort key, the pages of
 *   the parts before it in that key's ascending order, so that a result's
 *   place in its part's sorted list (Pagefind's score in a sorted search) plus
 *   its part's offset is its place in the whole main index; and `hidden`, the
 *   ids of its pages that are out of date (the article changed or is gone),
 *   with the filter values each one counts under, for the page to drop them
 *   from results and take them off the counts.
 * - `recent`: the bundle of articles added or changed since the main index
 *   was made, if any, with `insertAt`: for each sort key, and for each of its
 *   pages in that key's ascending order, how many main-index pages sort
 *   before it. The page places a recent result among the main results by it,
 *   without loading either's fragments.
 */
import type { SearchFilters } from "./search-index-pages.ts";

export const SORT_KEYS = ["date", "oldest"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortValues = Record<SortKey, string>;

export interface SearchBundles {
  parts: Array<{ path: string; offsets: Record<SortKey, number>; hidden: Record<string, SearchFilters> }>;
  recent?: { path: string; insertAt: Record<SortKey, number[]> };
}

export interface ManifestPart {
  /** Site address of the bundle's folder. */
  path: string;
  /** Undated parts come first in `date`'s ascending order (their key is 0000-00-00) and last in `oldest`'s. */
  dated: boolean;
  count: number;
  hidden?: Record<string, SearchFilters>;
}

/** The first index in sorted `values` whose value is not below `value` (string order, as Pagefind's). */
function lowerBound(values: readonly string[], value: string): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The manifest for main-index `parts` (in date order, undated last) whose
 * pages have `mainSort` keys (every page, hidden ones too: they keep their
 * places), and a recent bundle at `recentPath` whose pages, in the order
 * they were fed to Pagefind, have `recentSort` keys.
 */
export function searchManifest(
  parts: readonly ManifestPart[], mainSort: readonly SortValues[],
  recent?: { path: string; sort: readonly SortValues[] },
): SearchBundles {
  const offsetsOf = (key: SortKey) => {
    // Ascending order of the parts for `key`: by date, with undated parts first for `date`, last for `oldest`.
    const order = parts.map((part, index) => ({ part, index }));
    const undatedFirst = key === "date";
    order.sort((a, b) => (a.part.dated === b.part.dated ? a.index - b.index : (a.part.dated === undatedFirst ? 1 : -1)));
    const offsets = new Array<number>(parts.length);
    let sum = 0;
    for (const { part, index } of order) {
      offsets[index] = sum;
      sum += part.count;
    }
    return offsets;
  };
  const offsets = Object.fromEntries(SORT_KEYS.map((key) => [key, offsetsOf(key)])) as Record<SortKey, number[]>;
  const manifest: SearchBundles = {
    parts: parts.map((part, index) => ({
      path: part.path,
      offsets: Object.fromEntries(SORT_KEYS.map((key) => [key, offsets[key][index]!])) as Record<SortKey, number>,
      hidden: part.hidden ?? {},
    })),
  };
  if (recent && recent.sort.length) {
    const insertAt = Object.fromEntries(SORT_KEYS.map((key) => {
      const main = mainSort.map((values) => values[key]).sort();
      // Pagefind sorts a bundle's pages by key, stably, so pages of equal keys stay in the order they were fed.
      const ranked = recent.sort.map((values, fed) => ({ value: values[key], fed })).sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.fed - b.fed));
      return [key, ranked.map(({ value }) => lowerBound(main, value))];
    })) as Record<SortKey, number[]>;
    manifest.recent = { path: recent.path, insertAt };
  }
  return manifest;
}
