/**
 * Parses raw HTML inside Markdown only when there is some: hast-util-raw
 * re-parses the whole tree with parse5, which would otherwise cost every
 * article time for nothing.
 */
import type { Root } from "hast";
import { raw } from "hast-util-raw";
import { hasNodeOfType } from "./hast-walk.ts";

export default function rehypeRawIfNeeded() {
  return (tree: Root) => {
    return hasNodeOfType(tree, "raw") ? (raw(tree) as Root) : tree;
  };
}
