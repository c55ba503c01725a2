/**
 * YAML as every file editors write is read here (article front matter, the
 * tag vocabulary, the site settings): no custom tags, so nothing in a file
 * ever runs or builds an object; duplicate keys an error; aliases bounded
 * ("billion laughs"); and positions kept, so a problem names its line.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";

/** Bounds alias expansion. */
const MAX_ALIAS_COUNT = 50;

export interface StrictYaml {
  document: Document;
  lineCounter: LineCounter;
  /** The first syntax error, at its 1-based line and column in `text`. */
  error?: { message: string; line: number; column: number };
}

export function parseStrictYaml(text: string): StrictYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, customTags: [] });
  const [first] = document.errors;
  if (!first) return { document, lineCounter };
  const pos = lineCounter.linePos(first.pos[0]);
  return { document, lineCounter, error: { message: first.message.split("\n")[0]!, line: pos.line, column: pos.col } };
}

/** The document's value; throws when its aliases expand past the bound. */
export function strictYamlToJs(document: Document): unknown {
  return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/**
 * Position of a field path (`["tags", 2]`) in the file, falling back to its
 * nearest parent, and to the first line for the document as a whole; a
 * field's position is its key's, a list item's the item's. `lineOffset` is
 * the number of lines above the YAML in the file (1 below a `---` line).
 */
export function yamlPositionOf(
  document: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<PropertyKey>,
  lineOffset = 0,
): { line: number; column: number } {
  let node: unknown = document.contents;
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
