/**
 * A site served below a path (`https://<owner>.github.io/<repo>/`, GitHub's
 * project pages) needs that path in front of every address that starts at the
 * site's root. Templates and data write site-relative addresses (`/tags/`,
 * an article's permalink), which are also where Eleventy writes the pages;
 * the prefix is put in last, on each finished page, as Eleventy's
 * HtmlBasePlugin does for the addresses in elements' attributes. Here it is
 * part of the templates' own rendering instead of a transform, so the pages
 * rendered ahead of Eleventy for the output ledger (pages-to-write.ts) are
 * the bytes Eleventy writes, and no page is parsed a second time: the HTML is
 * the templates' own, whose values are escaped (a `"` in a value is `&quot;`),
 * and the sanitized article bodies, whose text escapes `<`, so a start tag
 * and its double-quoted attributes can be found without a parser. At the root
 * of a host the page is returned as it is.
 */

/** A start tag, its quoted attribute values allowed to hold `>`. */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>/g;
/** Attributes that hold one address; Pagefind's `bundle-path` and `base-url` on `<pagefind-config>` included. */
const ADDRESS_ATTRIBUTE = /(\s(?:href|src|action|poster|data|bundle-path|base-url)=")\/(?![/\\])/g;
const SRCSET_ATTRIBUTE = /(\ssrcset=")([^"]*)"/g;
/** `<meta http-equiv="refresh" content="0; url=/…">`. */
const REFRESH_TARGET = /(\scontent="\d+;\s*url=)\/(?![/\\])/gi;

/** Most tags hold no root-relative address: only these are looked at closely. */
const MAY_HOLD_ADDRESS = /="\/|url=\/|\ssrcset="/i;

function prefixTag(tag: string, prefix: string): string {
  return tag
    .replace(ADDRESS_ATTRIBUTE, `$1${prefix}`)
    .replace(REFRESH_TARGET, `$1${prefix}`)
    .replace(SRCSET_ATTRIBUTE, (_, start: string, candidates: string) => `${start}${candidates.replace(/(^|,\s*)\/(?![/\\])/g, `$1${prefix}`)}"`);
}

/**
 * `page` with `prefix` (`/archive/`) in front of every root-relative address
 * in its elements' attributes; `//host/…` and every other address are left as
 * they are, and so is text.
 */
export function prefixRootRelativeUrls(page: string, prefix: string): string {
  if (prefix === "/") return page;
  return page.replace(START_TAG, (tag) => (MAY_HOLD_ADDRESS.test(tag) ? prefixTag(tag, prefix) : tag));
}
