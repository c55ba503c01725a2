/**
 * Parses raw HTML inside Markdown only when there is some: hast-util-raw
 * re-parses the whole tree with parse5, which would otherwise cost every
 * article time for nothing.
 */
import type { Root } from "hast";
import { raw } from "hast-util-raw";
import { visit, EXIT } from "unist-util-visit";

export default function rehypeRawIfNeeded() {
  return (tree: Root) => {
    let hasRaw = false;
    visit(tree, "raw", () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? (raw(tree) as Root) : tree;
  };
}
