/**
 * `date-order.json`, beside each Pagefind bundle: the bundle's pages in
 * ascending date order, which the search page fetches only when the reader
 * sorts by date (public/search.js). Pagefind would keep a sort key as a list
 * of every page inside the metadata that every search loads first (25 KB
 * gzipped at 10,000 articles), so the records carry no sort key and the page
 * sorts the results itself by their places here.
 *
 * A search result names its page by Pagefind's id (`en_3f9a0c1`, the name of
 * its fragment), so the list is of ids, shortened: after the prefix every id
 * shares (`en_`), only the first `width` characters, the fewest that leave at
 * most one page in fifty sharing its shortened id with another; those pages'
 * places are given by full id in `full`. At 10,000 pages that is 5 of the 7
 * hex characters, about 28 KB gzipped rather than 38 KB for whole ids.
 */
export interface DateOrder {
  /** What every id begins with, left out of `order`. */
  prefix: string;
  /** Characters of each shortened id in `order`. */
  width: number;
  /** The shortened ids, `width` characters each, in ascending date order: a page's place is its index here. */
  order: string;
  /** Places of the pages whose shortened id is not theirs alone, by full id. */
  full: Record<string, number>;
}

/** A page of a bundle and its sort key (undated pages have `0000-00-00`, before every date: search-record.ts). */
export interface DatedPage {
  /** Pagefind's id of the page. */
  id: string;
  /** Its sort key, `YYYY-MM-DD` or the undated key; compared as strings, as Pagefind compared them. */
  date: string;
}

/** What every id begins with, short of the whole of any id: each keeps at least one character to tell it by. */
function commonPrefix(ids: readonly string[]): string {
  if (!ids.length) return "";
  let prefix = ids[0]!;
  for (const id of ids) while (!id.startsWith(prefix) || prefix.length >= id.length) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Each shortened id's count. */
function countShort(rests: readonly string[], width: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rest of rests) counts.set(rest.slice(0, width), (counts.get(rest.slice(0, width)) ?? 0) + 1);
  return counts;
}

/**
 * The date order of `pages`, given in the order they were fed to Pagefind:
 * ascending by date, pages of one date in that order (a stable sort, as
 * Pagefind's own). Ids must be distinct.
 */
export function dateOrderOf(pages: readonly DatedPage[]): DateOrder {
  const sorted = pages
    .map((page, index) => ({ page, index }))
    .sort((a, b) => (a.page.date < b.page.date ? -1 : a.page.date > b.page.date ? 1 : a.index - b.index))
    .map(({ page }) => page.id);
  if (new Set(sorted).size !== sorted.length) throw new Error("Cannot `order` a search bundle's pages by date: two pages have one id");
  const prefix = commonPrefix(sorted);
  const rests = sorted.map((id) => id.slice(prefix.length));
  const longest = Math.max(0, ...rests.map((rest) => rest.length));
  // Ids shorter than the width cannot be shortened to it: they go in `full`.
  const shared = (counts: Map<string, number>, width: number) =>
    rests.filter((rest) => rest.length < width || counts.get(rest.slice(0, width))! > 1).length;
  let width = Math.min(1, longest);
  while (width < longest && shared(countShort(rests, width), width) * 50 > rests.length) width++;
  const counts = countShort(rests, width);
  const full: Record<string, number> = {};
  rests.forEach((rest, place) => {
    if (rest.length < width || counts.get(rest.slice(0, width))! > 1) full[prefix + rest] = place;
  });
  return { prefix, width, order: rests.map((rest) => rest.slice(0, width).padEnd(width, "-")).join(""), full };
}

/** The file's name in each bundle's folder. */
export const DATE_ORDER_FILE = "date-order.json";
