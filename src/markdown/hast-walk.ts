/**
 * Plain depth-first walks over a hast tree, for the project's own rehype
 * plugins. unist-util-visit builds an ancestor list at every node and tests
 * each one through a converted predicate; the plugins need neither, and with
 * it their three walks cost about a sixth of the whole pipeline. These loops
 * visit the same nodes in the same (document) order.
 */
import type { Element, Nodes, Root } from "hast";

/** Calls `visit` on every element below `tree`, parents before their children. */
export function forEachElement(tree: Root | Element, visit: (element: Element) => void): void {
  for (const child of tree.children) {
    if (child.type !== "element") continue;
    visit(child);
    forEachElement(child, visit);
  }
}

/** Whether some node below `tree` has the type. */
export function hasNodeOfType(tree: Nodes, type: string): boolean {
  if (!("children" in tree)) return false;
  for (const child of tree.children) if (child.type === type || hasNodeOfType(child, type)) return true;
  return false;
}
