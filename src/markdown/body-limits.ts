/**
 * Limits on how a body may nest, checked before it is parsed. The Markdown and
 * HTML tools recurse once per level and some take time that grows faster than
 * the text: four kilobytes of `>` overflow the stack, and a few hundred
 * kilobytes of nested `[` take hours. No article nests anywhere near these
 * limits, so a body that does is refused with a message instead.
 */

/** Blockquotes inside blockquotes, brackets inside brackets, HTML elements inside elements. */
export const MAX_NESTING = 100;
/** Columns of indentation: lists nested about a hundred deep. */
export const MAX_INDENT = 400;
/** The longest run of one Markdown marker character (`` ` ``, `*`, `_`, `~`). */
export const MAX_MARKER_RUN = 100;

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** What nests too deep in a body, in words, or undefined when it is within the limits. */
export function findExcessiveNesting(markdown: string): string | undefined {
  let quotes = 0;
  let indent = 0;
  let brackets = 0;
  let run = 0;
  let tags = 0;
  let depth = 0;
  for (const line of markdown.split("\n")) {
    if (line.trim() === "") {
      depth = 0; // a link cannot cross a blank line
      continue;
    }
    quotes = Math.max(quotes, (/^(?:[ \t]*>)+/.exec(line)?.[0].match(/>/g) ?? []).length);
    indent = Math.max(indent, (/^[ \t]*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length);
    let previous = "";
    let current = 0;
    for (let i = 0; i < line.length; i += 1) {
      const char = line[i]!;
      if (char === "\\") {
        i += 1;
        previous = "";
        continue;
      }
      if (char === "[") brackets = Math.max(brackets, (depth += 1));
      else if (char === "]") depth = Math.max(0, depth - 1);
      current = char === previous ? current + 1 : 1;
      previous = char;
      if ("`*_~".includes(char)) run = Math.max(run, current);
    }
  }
  let open = 0;
  for (const match of markdown.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (VOID_ELEMENTS.has(name!.toLowerCase()) || selfClosing) continue;
    open = closing ? Math.max(0, open - 1) : open + 1;
    tags = Math.max(tags, open);
  }
  if (quotes > MAX_NESTING) return `blockquotes are nested ${quotes} deep (at most ${MAX_NESTING})`;
  if (brackets > MAX_NESTING) return `brackets \`[\` are nested ${brackets} deep (at most ${MAX_NESTING})`;
  if (tags > MAX_NESTING * 2) return `HTML elements are nested ${tags} deep (at most ${MAX_NESTING * 2})`;
  if (indent > MAX_INDENT) return `a line is indented ${indent} columns (at most ${MAX_INDENT})`;
  if (run > MAX_MARKER_RUN) return `${run} marker characters (\`*\`, \`_\`, \`~\` or \`\`\`) in a row (at most ${MAX_MARKER_RUN})`;
  return undefined;
}
