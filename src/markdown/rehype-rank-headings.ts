/**
 * An article body sits under its page's `h1`, so its headings are renumbered:
 * the levels the body uses, in order, become `h2`, `h3`, ... A body that starts
 * at `h3` (print pages often do) or has its own `h1` then skips no level.
 */
import type { Element, Root } from "hast";
import { forEachElement } from "./tree-walk.ts";

const HEADING = /^h([1-6])$/;
const TOP = 2;

function levelOf(node: Element): number | undefined {
  const match = HEADING.exec(node.tagName);
  return match ? Number(match[1]) : undefined;
}

export default function rehypeRankHeadings() {
  return (tree: Root) => {
    const headings: Array<{ node: Element; level: number }> = [];
    forEachElement(tree, (node: Element) => {
      const level = levelOf(node);
      if (level !== undefined) headings.push({ node, level });
    });
    const used = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b);
    const rank = new Map(used.map((level, index) => [level, Math.min(6, TOP + index)]));
    for (const { node, level } of headings) node.tagName = `h${rank.get(level)}`;
  };
}
