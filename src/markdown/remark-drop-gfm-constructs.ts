/**
 * Takes out of the parser the GFM constructs a body cannot use. micromark
 * tries a construct wherever its first character could start one: the e-mail
 * literal at every letter and digit, the table at the start of every block,
 * the footnote call at every bracket. None can match without its marker in
 * the body (an `@`, a `|` or a colon against a dash, `[^`, …), so a body
 * without the marker parses to the same tree without the construct, and a
 * body without any of them, which is most articles, in about a quarter less
 * time than with all of GFM. `render-markdown.ts` keeps one parser for each
 * set of constructs left out.
 */
import type { Processor } from "unified";
import type { Construct, Extension } from "micromark-util-types";

/**
 * The constructs by their names in the micromark-extension-gfm-* packages,
 * each with a pattern every match of it contains. A construct that is not
 * here (a new one in a later GFM) is always kept.
 */
export const OPTIONAL_GFM_CONSTRUCTS = {
  email: { names: ["emailAutolink"], marker: /@/ },
  www: { names: ["wwwAutolink"], marker: /www\./i },
  protocol: { names: ["protocolAutolink"], marker: /https?:\/\//i },
  // A table needs a `|`, or a delimiter row that aligns one column: `a` over `:-`.
  table: { names: ["table"], marker: /\||:-|-:/ },
  strikethrough: { names: ["strikethrough"], marker: /~/ },
  // `[ ]`, `[x]`, `[X]`, or any one whitespace between the brackets, a CR LF line ending included.
  taskList: { names: ["tasklistCheck"], marker: /\[(?:\r\n|[\sxX])\]/ },
  footnote: { names: ["gfmFootnoteCall", "gfmPotentialFootnoteCall", "gfmFootnoteDefinition"], marker: /\[\^/ },
} as const satisfies Record<string, { names: readonly string[]; marker: RegExp }>;

export type OptionalGfmConstruct = keyof typeof OPTIONAL_GFM_CONSTRUCTS;

const OPTIONAL = Object.keys(OPTIONAL_GFM_CONSTRUCTS) as OptionalGfmConstruct[];

/** The optional constructs `body` cannot use, in a fixed order (a key for a parser). */
export function unusedGfmConstructs(body: string): OptionalGfmConstruct[] {
  return OPTIONAL.filter((construct) => !OPTIONAL_GFM_CONSTRUCTS[construct].marker.test(body));
}

function withoutConstructs(extension: Extension, names: ReadonlySet<string>): Extension {
  const result: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(extension)) {
    // Every field but these two maps character codes to constructs.
    if (field === "attentionMarkers" || field === "disable" || !value) {
      result[field] = value;
      continue;
    }
    const byCode: Record<string, Construct[]> = {};
    for (const [code, constructs] of Object.entries(value as Record<string, Construct | Construct[] | undefined>)) {
      const kept = ([] as Construct[]).concat(constructs ?? []).filter((construct) => !names.has(construct.name ?? ""));
      if (kept.length) byCode[code] = kept;
    }
    result[field] = byCode;
  }
  return result as Extension;
}

/** Use after remark-gfm, with the constructs to leave out (see `unusedGfmConstructs`). */
export default function remarkDropGfmConstructs(this: Processor, unused: readonly OptionalGfmConstruct[] = []): void {
  if (unused.length === 0) return;
  const names = new Set(unused.flatMap((construct) => OPTIONAL_GFM_CONSTRUCTS[construct].names));
  const data = this.data();
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) => withoutConstructs(extension, names));
}
