/** Where a field of a parsed YAML document is written, for problems that name its line. */
import { isMap, isSeq, type Document, type LineCounter, type Node } from "yaml";

/**
 * Position of a field path (`["tags", 2]`) in the file, falling back to its
 * nearest parent, and to the first line for the document as a whole; a
 * field's position is its key's, a list item's the item's. `lineOffset` is
 * the number of lines above the YAML in the file (1 below a `---` line).
 */
export function yamlPositionOf(
  document: Document | undefined, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>, lineOffset = 0,
): { line: number; column: number } {
  let node: unknown = document?.contents;
  let best: Node | undefined = node as Node | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      best = (pair.key as Node) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      if (!node) break;
      best = node as Node;
    } else break;
  }
  const offset = best?.range?.[0];
  if (offset === undefined || path.length === 0) return { line: 1, column: 1 };
  const pos = lineCounter.linePos(offset);
  return { line: pos.line + lineOffset, column: pos.col };
}
