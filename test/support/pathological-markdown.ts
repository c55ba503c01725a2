/**
 * Bodies built from CommonMark's list of pathological inputs (the cases
 * cmark and commonmark.js test for quadratic or deep behaviour), and from the
 * GFM extensions the archive reads (tables, footnotes, strikethrough), each
 * repeated to about a given size. Used by the bounded-work test and by the
 * sweep (`sweep-pathological.ts`) that runs them through `check` and the build.
 */

/** Repeats `unit` until the text is about `bytes` long, between `before` and `after`. */
function fill(bytes: number, unit: string | ((i: number) => string), before = "", after = ""): string {
  const parts: string[] = [before];
  let size = before.length + after.length;
  for (let i = 0; size < bytes; i++) {
    const part = typeof unit === "string" ? unit : unit(i);
    parts.push(part);
    size += part.length;
  }
  parts.push(after);
  return parts.join("");
}

/** Repeats `open` and `close` as many times each, around `middle`, to about `bytes`. */
function nest(bytes: number, open: string, middle: string, close: string): string {
  const times = Math.max(1, Math.floor((bytes - middle.length) / (open.length + close.length)));
  return open.repeat(times) + middle + close.repeat(times);
}

/** The name of each case and a body of about `bytes` bytes. */
export function pathologicalBodies(bytes: number): Record<string, string> {
  return {
    "nested-emphasis-and-strong": nest(bytes, "*a **a ", "b", " a** a*"),
    "emphasis-closers-without-openers": fill(bytes, "a_ "),
    "emphasis-openers-without-closers": fill(bytes, "_a "),
    "mismatched-emphasis": fill(bytes, "*a_ "),
    "emphasis-closers-multiple-of-3": fill(bytes, "c* ", "a**b"),
    "link-closers-without-openers": fill(bytes, "a]"),
    "link-openers-without-closers": fill(bytes, "[a"),
    "link-openers-and-emphasis-closers": fill(bytes, "[ a_"),
    "mismatched-link-destinations": fill(bytes, "[ (]("),
    "nested-brackets": nest(bytes, "[", "a", "]"),
    "nested-block-quotes": fill(bytes, "> ", "", "a\n"),
    "deeply-nested-lists": fill(bytes, (i) => `${"  ".repeat(i)}* a\n`),
    "nul-characters": fill(bytes, "abc\u0000de\u0000"),
    backticks: fill(bytes, (i) => `e${"`".repeat((i % 200) + 1)}`),
    "unclosed-inline-links-angle": fill(bytes, "[a](<b"),
    "unclosed-inline-links": fill(bytes, "[a](b"),
    "unclosed-html-comments": fill(bytes, "<!--", "</"),
    "many-references": fill(bytes, (i) => `[r${i}]: https://example.org/${i}\n`, "", "\n[r0] [r1] [r2]\n"),
    "many-uses-of-a-reference": fill(bytes, "[a] ", "[a]: https://example.org/\n\n"),
    "many-footnotes": fill(bytes, (i) => `[^n${i}]: Note ${i}.\n\n`, "See[^n0].\n\n"),
    "footnote-flood": fill(bytes, "[^a] ", "", "\n\n[^a]: The note.\n"),
    "huge-table-rows": fill(bytes, "| b | c |\n", "| a | b |\n|---|---|\n"),
    "huge-table-columns": `${fill(bytes / 2, "| a ")}|\n${fill(bytes / 2, "|---")}|\n| x |\n`,
    "table-of-pipes": fill(bytes, "|", "a|b\n-|-\n"),
    "long-line": fill(bytes, "word "),
    "long-word": "a".repeat(bytes),
    "many-html-blocks": fill(bytes, "<div>\n\n"),
    "nested-html-elements": fill(bytes, "<span>"),
    "entity-flood": fill(bytes, "&amp;&#x41;&#65;&copy; "),
    "unknown-entities": fill(bytes, "&notanentityname;"),
    "strikethrough-runs": fill(bytes, "~a ~~b "),
    "autolink-literals": fill(bytes, "www.a.b_ "),
  };
}
