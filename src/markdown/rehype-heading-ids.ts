/**
 * Runs after sanitizing, so it only adds values the project makes itself:
 * headings get prefixed ids from their text, and in-page links written as
 * `#heading` are pointed at the prefixed id, so anchors work although every
 * id is prefixed against DOM clobbering.
 */
import type { Root, Element } from "hast";
import { toText } from "hast-util-to-text";
import { forEachElement } from "./tree-walk.ts";
import { textToSlug } from "../lib/slug.ts";
import { CLOBBER_PREFIX } from "./sanitize-schema.ts";

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const seen = new Map<string, number>();
    const ids = new Set<string>();
    forEachElement(tree, (node: Element) => {
      if (typeof node.properties.id === "string") ids.add(node.properties.id);
      if (!HEADINGS.has(node.tagName) || node.properties.id) return;
      const base = textToSlug(toText(node)) || "section";
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      const id = `${CLOBBER_PREFIX}${count ? `${base}-${count}` : base}`;
      node.properties.id = id;
      ids.add(id);
    });
    forEachElement(tree, (node: Element) => {
      const href = node.properties.href;
      if (node.tagName !== "a" || typeof href !== "string" || !href.startsWith("#")) return;
      const target = decodeURIComponent(href.slice(1));
      // Footnote links already carry remark-rehype's prefix; sanitizing prefixed their targets once more.
      if (!ids.has(target) && ids.has(CLOBBER_PREFIX + target)) node.properties.href = `#${CLOBBER_PREFIX}${target}`;
    });
  };
}
