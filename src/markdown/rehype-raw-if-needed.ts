/**
 * Parses raw HTML inside Markdown only when there is some: hast-util-raw
 * re-parses the whole tree with parse5, which would otherwise cost every
 * article time for nothing.
 */
import type { Nodes, Root } from "hast";
import { raw } from "hast-util-raw";
import { someNode } from "./tree-walk.ts";

export default function rehypeRawIfNeeded() {
  return (tree: Root) => {
    return someNode<Nodes>(tree, (node) => node.type === "raw") ? (raw(tree) as Root) : tree;
  };
}
