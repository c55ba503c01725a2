/**
 * One article file's bytes -> an ArticleRecord, or the problems that keep it
 * from being one. Pure: no file system, so workers, the build, `check` and
 * tests all share it.
 */
import { ArticleFrontMatterSchema, type ArticleFrontMatter } from "./article-schema.ts";
import type { ArticleRecord } from "./article-record.ts";
import { parseEdtfDate } from "./edtf-date.ts";
import { decodeArticleBytes, FrontMatterError, parseFrontMatter, type ParsedFrontMatter } from "./front-matter.ts";
import { textToSlug, titleToId } from "./ids.ts";
import { articleToPermalink } from "./permalink.ts";
import type { Problem } from "./problems.ts";
import { schemaIssueToProblems, type SchemaProblemWording } from "./schema-problems.ts";
import { findBodyOverLimit } from "../markdown/body-limits.ts";
import { renderMarkdown } from "../markdown/render-markdown.ts";

export type ParseResult = { ok: true; record: ArticleRecord } | { ok: false; problems: Problem[] };

/** How the article schema's problems are worded: `check`, the build and the importer's own check of its records. */
export const ARTICLE_WORDING: SchemaProblemWording = {
  key: "field",
  missingHint: (field) => `add a line \`${field}: ...\` to the front matter`,
  hints: {
    unrecognized_keys: "check the spelling; the fields an article may have are listed in CONTRIBUTING.md",
    invalid_type: "see CONTRIBUTING.md for the form each field takes",
  },
};

/**
 * `onBody`, given, is told the body's first line when the front matter is
 * read and the body is next: the parse pool names it if the body then takes
 * too long.
 */
export function parseArticle(file: string, bytes: Uint8Array, onBody?: (line: number) => void): ParseResult {
  let parsed: ParsedFrontMatter;
  try {
    parsed = parseFrontMatter(decodeArticleBytes(bytes));
  } catch (error) {
    if (error instanceof FrontMatterError) {
      return {
        ok: false,
        problems: [
          {
            file,
            line: error.line,
            column: error.column,
            field: "",
            message: error.message,
            severity: "error",
            ...(error.hint ? { hint: error.hint } : {}),
          },
        ],
      };
    }
    throw error;
  }
  const result = ArticleFrontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.flatMap((issue) => schemaIssueToProblems(file, issue, parsed.data, parsed.positionOf, ARTICLE_WORDING)),
    };
  }
  const frontMatter: ArticleFrontMatter = result.data;
  const id = frontMatter.id ?? titleToId(frontMatter.title);
  const dateResult = frontMatter.date ? parseEdtfDate(frontMatter.date) : null;
  const parsedDate = dateResult?.ok ? dateResult.value : null;
  onBody?.(parsed.bodyLine);
  // Bodies that would overflow the stack or stall the parser are refused unparsed, naming the line, never thrown.
  const overLimit = findBodyOverLimit(parsed.body);
  if (overLimit) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: parsed.bodyLine + overLimit.line - 1,
          column: 1,
          field: "",
          severity: "error",
          message: `the body is not read: ${overLimit.message}`,
          hint: overLimit.hint,
        },
      ],
    };
  }
  let rendered: ReturnType<typeof renderMarkdown>;
  try {
    rendered = renderMarkdown(parsed.body);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      ok: false,
      problems: [
        {
          file,
          line: parsed.bodyLine,
          column: 1,
          field: "",
          severity: "error",
          message: `the body could not be read: ${error.message}`,
          hint: "no article needs this: remove the deep nesting (`> > >`, `[[[`, elements inside elements, long runs of `*`)",
        },
      ],
    };
  }
  const { html, text } = rendered;
  return {
    ok: true,
    record: {
      ...frontMatter,
      id,
      file,
      permalink: articleToPermalink(id, parsedDate),
      parsedDate,
      publicationSlug: textToSlug(frontMatter.publication) || "publication",
      html,
      text,
    },
  };
}
