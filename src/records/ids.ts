/**
 * Ids are permanent slugs and become folder names in URLs, so they must be
 * path-safe on every file system and never shadow a page the site makes itself.
 */
import { textToSlug } from "../lib/slug.ts";

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 100;
const DERIVED_ID_LENGTH = 80;

/** Names that the site or common servers use for themselves. */
export const RESERVED_IDS = new Set([
  "index",
  "page",
  "pagefind",
  "feed",
  "data",
  "cite",
  "search",
  "tags",
  "publications",
  "authors",
  "languages",
  "undated",
  "404",
]);

/**
 * Names Windows keeps for devices, in any case, with or without an extension
 * (`con`, `aux.html`, `COM1`, `lpt²`): a folder so named cannot be checked out
 * or written there.
 */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(?:\..*)?$/i;

export function isDeviceName(name: string): boolean {
  return DEVICE_NAME.test(name);
}

export function isPathSafeId(value: string): boolean {
  // All digits would read as a year, month or page number: `/2023/01/` is the month's own page.
  return (
    value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value) && !RESERVED_IDS.has(value) && !isDeviceName(value) && !/^\d+$/.test(value)
  );
}

/**
 * A readable slug for titles, tags, publications and authors (accents folded,
 * lower case). Kept by text: tags, publications and authors are slugged for
 * every article and every link to their pages, and transliteration is slow
 * (about 0.1 ms a call).
 */
export { textToSlug };

/** A derived id: the title's slug, cut at a word boundary so URLs stay short. */
export function titleToId(title: string): string {
  let slug = textToSlug(title);
  if (slug.length > DERIVED_ID_LENGTH) {
    const cut = slug.slice(0, DERIVED_ID_LENGTH + 1);
    const lastHyphen = cut.lastIndexOf("-");
    slug = cut.slice(0, lastHyphen > 20 ? lastHyphen : DERIVED_ID_LENGTH).replace(/-+$/, "");
  }
  if (slug === "") slug = "article";
  return RESERVED_IDS.has(slug) || isDeviceName(slug) || /^\d+$/.test(slug) ? `article-${slug}` : slug;
}
