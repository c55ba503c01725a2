/**
 * The addresses in a finished piece of HTML, rewritten one by one: for a site
 * served below a path (path-prefix.ts) and for the article bodies a feed
 * carries, which a feed reader shows away from the site (feeds.ts).
 *
 * The HTML is always the templates' own, whose values are escaped (a `"` in a
 * value is `&quot;`), or a sanitized article body written by rehype-stringify,
 * whose text escapes `<` and whose attributes are double-quoted. So a start
 * tag and its double-quoted attributes can be found without a parser, and no
 * page is parsed a second time. Text is never touched.
 */

/** A start tag, its quoted attribute values allowed to hold `>`. */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>/g;
/** Attributes that hold one address; Pagefind's `bundle-path` and `base-url` on `<pagefind-config>` included. */
const ADDRESS_ATTRIBUTE = /(\s(?:href|src|action|poster|data|bundle-path|base-url)=")([^"]*)"/g;
const SRCSET_ATTRIBUTE = /(\ssrcset=")([^"]*)"/g;
/** One candidate of a `srcset`: its address, then its descriptor. */
const SRCSET_CANDIDATE = /(^|,\s*)([^\s,]+)/g;
/** `<meta http-equiv="refresh" content="0; url=/…">`. */
const REFRESH_TARGET = /(\scontent="\d+;\s*url=)([^"]*)"/gi;

/**
 * Gets an attribute's value as it stands in the HTML (escaped) and returns
 * the value to put there, escaped too.
 */
export type AddressRewrite = (address: string) => string;

function rewriteTag(tag: string, rewrite: AddressRewrite): string {
  return tag
    .replace(ADDRESS_ATTRIBUTE, (_, start: string, address: string) => `${start}${rewrite(address)}"`)
    .replace(REFRESH_TARGET, (_, start: string, address: string) => `${start}${rewrite(address)}"`)
    .replace(
      SRCSET_ATTRIBUTE,
      (_, start: string, candidates: string) =>
        `${start}${candidates.replace(SRCSET_CANDIDATE, (__, separator: string, address: string) => `${separator}${rewrite(address)}`)}"`,
    );
}

/**
 * `html` with every address in its elements' attributes passed through
 * `rewrite`. Only the start tags that `mayHold` matches are looked at
 * closely: most tags of a page hold no address the rewrite would change.
 */
export function rewriteAddresses(html: string, rewrite: AddressRewrite, mayHold: RegExp): string {
  return html.replace(START_TAG, (tag) => (mayHold.test(tag) ? rewriteTag(tag, rewrite) : tag));
}

/** An address from the site's root (`/tags/`), not one on another host (`//cdn.example.org/`). */
export function isRootRelative(address: string): boolean {
  return address.startsWith("/") && !address.startsWith("//") && !address.startsWith("/\\");
}
