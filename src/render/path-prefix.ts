/**
 * A site served below a path (`https://<owner>.github.io/<repo>/`, GitHub's
 * project pages) needs that path in front of every address that starts at the
 * site's root. Templates and data write site-relative addresses (`/tags/`,
 * an article's permalink), which are also where Eleventy writes the pages;
 * the prefix is put in last, on each finished page, as Eleventy's
 * HtmlBasePlugin does for the addresses in elements' attributes. Here it is
 * part of the templates' own rendering instead of a transform, so the pages
 * rendered ahead of Eleventy for the output ledger (pages-to-write.ts) are
 * the bytes Eleventy writes, and no page is parsed a second time
 * (html-addresses.ts). At the root of a host the page is returned as it is.
 */
import { escapeHtml } from "./html.ts";
import { isRootRelative, rewriteAddresses } from "./html-addresses.ts";

/** Most tags hold no root-relative address: only these are looked at closely. */
const MAY_HOLD_ROOT_RELATIVE = /="\/|url=\/|\ssrcset="/i;

/**
 * `page` with `prefix` (`/archive/`) in front of every root-relative address
 * in its elements' attributes; `//host/…` and every other address are left as
 * they are, and so is text.
 */
export function prefixRootRelativeUrls(page: string, prefix: string): string {
  if (prefix === "/") return page;
  const escaped = escapeHtml(prefix);
  return rewriteAddresses(page, (address) => (isRootRelative(address) ? `${escaped}${address.slice(1)}` : address), MAY_HOLD_ROOT_RELATIVE);
}
