/**
 * Markdown body -> sanitized HTML and plain text. One processor, built once:
 * remark-parse, remark-gfm, remark-rehype, raw HTML parsed (only when present),
 * rehype-sanitize with the explicit schema, then project-made heading ids and
 * heading levels ranked under the page title. Each body is parsed without the
 * GFM constructs it cannot use (remark-drop-gfm-constructs.ts): the same tree,
 * in less time; the processor for each such set is built once.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { toText } from "hast-util-to-text";
import type { Root as HastRoot } from "hast";
import remarkDropGfmConstructs, { unusedGfmConstructs, type OptionalGfmConstruct } from "./remark-drop-gfm-constructs.ts";
import remarkGuardLinkLiterals from "./remark-guard-link-literals.ts";
import rehypeRawIfNeeded from "./rehype-raw-if-needed.ts";
import rehypeHeadingIds from "./rehype-heading-ids.ts";
import rehypeRankHeadings from "./rehype-rank-headings.ts";
import { sanitizeSchema } from "./sanitize-schema.ts";

/** Bump when the output of this pipeline changes, so cached records are rebuilt. */
export const MARKDOWN_PIPELINE_VERSION = 3;

const markdownToHast = (unused: readonly OptionalGfmConstruct[]) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkGuardLinkLiterals)
    .use(remarkDropGfmConstructs, unused)
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "user-content-fn-" })
    .use(rehypeRawIfNeeded)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHeadingIds)
    .use(rehypeRankHeadings)
    .freeze();

type ToHast = ReturnType<typeof markdownToHast>;

/** At most one for each subset of the optional constructs; in practice a handful. */
const toHastLeavingOut = new Map<string, ToHast>();

function toHastFor(markdown: string): ToHast {
  const unused = unusedGfmConstructs(markdown);
  const key = unused.join(" ");
  let processor = toHastLeavingOut.get(key);
  if (!processor) toHastLeavingOut.set(key, (processor = markdownToHast(unused)));
  return processor;
}

const toHtml = unified().use(rehypeStringify).freeze();

export interface RenderedBody {
  html: string;
  text: string;
}

export function renderMarkdown(markdown: string): RenderedBody {
  const processor = toHastFor(markdown);
  const tree = processor.runSync(processor.parse(markdown)) as HastRoot;
  const html = toHtml.stringify(tree);
  const text = toText(tree)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { html, text };
}
