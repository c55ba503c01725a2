/**
 * `/pagefind/bundles.json`: what the search page needs to search the main
 * index and the recent one as one (public/search.js).
 *
 * Pagefind's score in a search sorted by `date` is the page's place in its
 * bundle's list of pages by ascending date (undated pages, whose key is
 * `0000-00-00`, first). The manifest turns that into a place in the whole
 * main index:
 * - `parts`: the main index, one Pagefind bundle, or a few by date range for
 *   very large archives; each with `offset`, the pages of the parts before
 *   it in ascending date order, so that a result's place in its part plus
 *   its part's offset is its place in the whole main index; and `hidden`,
 *   the ids of its pages that are out of date (the article changed or is
 *   gone), with the filter values each one counts under, for the page to
 *   drop them from results and take them off the counts.
 * - `undated`: how many main-index pages are undated: the first places, which
 *   the page moves to the end when the reader asks for the oldest first.
 * - `recent`: the bundle of articles added or changed since the main index
 *   was made, if any, with `insertAt`, for each of its pages in ascending
 *   date order, how many main-index pages sort before it, and its own
 *   `undated` count. The page places a recent result among the main results
 *   by it, without loading either's fragments.
 */
import type { SearchFilters } from "./search-index-pages.ts";

export interface SearchBundles {
  parts: Array<{ path: string; offset: number; hidden: Record<string, SearchFilters> }>;
  undated: number;
  recent?: { path: string; insertAt: number[]; undated: number };
}

export interface ManifestPart {
  /** Site address of the bundle's folder. */
  path: string;
  /** Undated parts come first in ascending date order (their key is 0000-00-00). */
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
 * pages have the `mainDates` sort keys (every page, hidden ones too: they
 * keep their places), and a recent bundle at `recentPath` whose pages have
 * `recentDates`; `undatedKey` is the key of an undated page.
 */
export function searchManifest(
  parts: readonly ManifestPart[],
  mainDates: readonly string[],
  undatedKey: string,
  recent?: { path: string; dates: readonly string[] },
): SearchBundles {
  // Ascending date order of the parts: undated parts first, then the dated ones in their order.
  const order = [...parts.keys()].sort((a, b) => (parts[a]!.dated === parts[b]!.dated ? a - b : parts[a]!.dated ? 1 : -1));
  const offsets = new Array<number>(parts.length);
  let sum = 0;
  for (const index of order) {
    offsets[index] = sum;
    sum += parts[index]!.count;
  }
  const manifest: SearchBundles = {
    parts: parts.map((part, index) => ({ path: part.path, offset: offsets[index]!, hidden: part.hidden ?? {} })),
    undated: mainDates.filter((date) => date === undatedKey).length,
  };
  if (recent && recent.dates.length) {
    const main = [...mainDates].sort();
    // Pagefind sorts a bundle's pages by key, stably: pages of equal keys keep the order they were fed in, which the ranks need not know.
    const ranked = [...recent.dates].sort();
    manifest.recent = {
      path: recent.path,
      insertAt: ranked.map((date) => lowerBound(main, date)),
      undated: ranked.filter((date) => date === undatedKey).length,
    };
  }
  return manifest;
}
