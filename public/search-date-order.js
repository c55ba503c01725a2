/**
 * Reads a bundle's date-order.json (src/search-index/search-date-order.ts):
 * the bundle's pages in ascending date order, each by Pagefind's id
 * shortened to `width` characters after `prefix`, and by full id in `full`
 * those whose shortened id another page shares. Loaded by the search page
 * (public/search.js) with the file, when the reader first sorts by date.
 */

const place = (value) => (Number.isSafeInteger(value) && value >= 0 ? value : undefined);

/** A page's place in its bundle's date order, by its id; undefined for an id the file does not list. */
export function placesIn(file) {
  const prefix = typeof file?.prefix === "string" ? file.prefix : "";
  const width = place(file?.width) || 0;
  const order = typeof file?.order === "string" ? file.order : "";
  const full = file?.full && typeof file.full === "object" ? file.full : {};
  const places = new Map();
  if (width) for (let at = 0; at * width < order.length; at++) places.set(order.slice(at * width, (at + 1) * width), at);
  return (id) => {
    if (Object.hasOwn(full, id)) return place(full[id]);
    if (!width || !id.startsWith(prefix) || id.length < prefix.length + width) return undefined;
    return places.get(id.slice(prefix.length, prefix.length + width));
  };
}
