/**
 * Plain depth-first walks over a syntax tree (mdast or hast), for the
 * project's own unified plugins. unist-util-visit builds an ancestor list at
 * every node and tests each one through a converted predicate; the plugins
 * need neither, and with it their walks cost about a sixth of the whole
 * pipeline. These loops visit the same nodes in the same (document) order.
 */
import type { Element, Root } from "hast";

/** What the walks need of a node: mdast and hast nodes both have it. */
interface TreeNode {
  type: string;
  children?: readonly TreeNode[];
}

/** Calls `visit` on every element below `tree`, parents before their children. */
export function forEachElement(tree: Root | Element, visit: (element: Element) => void): void {
  for (const child of tree.children) {
    if (child.type !== "element") continue;
    visit(child);
    forEachElement(child, visit);
  }
}

/**
 * Whether some node below `tree` passes `test`; stops at the first. `T` is
 * the tree's node union (mdast's or hast's `Nodes`), which holds every child.
 */
export function someNode<T extends TreeNode>(tree: T, test: (node: T) => boolean): boolean {
  for (const child of (tree.children ?? []) as readonly T[]) if (test(child) || someNode(child, test)) return true;
  return false;
}
