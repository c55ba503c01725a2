/**
 * Takes GFM's e-mail autolink literal out of the parser, for bodies that hold
 * no `@`: there it can never match, yet micromark tries it at the start of
 * every word (it is registered on every letter and digit), which costs about
 * a sixth of the parse. The tree is the same as with the construct in place;
 * `render-markdown.ts` uses this only for bodies without an `@`.
 */
import type { Processor } from "unified";
import type { Construct, Extension } from "micromark-util-types";

/** The construct's name in micromark-extension-gfm-autolink-literal, the same name micromark's `disable` option takes. */
export const EMAIL_LITERAL = "emailAutolink";

function withoutEmailLiteral(extension: Extension): Extension {
  if (!extension.text) return extension;
  const text: Record<string, Construct[]> = {};
  for (const [code, constructs] of Object.entries(extension.text)) {
    const kept = ([] as Construct[]).concat(constructs ?? []).filter((construct) => construct.name !== EMAIL_LITERAL);
    if (kept.length) text[code] = kept;
  }
  return { ...extension, text };
}

/** Use after remark-gfm. */
export default function remarkDropEmailLiterals(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map(withoutEmailLiteral);
}
