/**
 * Raw source pages (`content/sources/<publication>/<name>.md`): a YAML header
 * written by the importer, then the page verbatim. This module reads them
 * without trusting them: size cap, strict UTF-8, YAML only (the same parser
 * as articles), the header against its schema, and the sha256 of the text
 * below the header against the one the header records.
 */
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { sha256 } from "../lib/sha256.ts";
import { FrontMatterError, parseFrontMatter, type ParsedFrontMatter } from "./front-matter.ts";
import { MAX_SOURCE_BYTES, SourceHeaderSchema, type SourceHeader } from "./source-schema.ts";
import type { Problem } from "./problems.ts";
import { toPosix } from "../lib/paths.ts";
import { linkProblem, walkContentFolder, type ContentTree } from "./content-tree.ts";
import { decodeTextBytes, plainFileProblem, refusedFileProblem, type TextFileHints } from "./text-file.ts";
import { schemaIssueToProblems, type SchemaProblemWording } from "./schema-problems.ts";

export { MAX_SOURCE_BYTES };

const SOURCE_HINTS: TextFileHints = {
  notAFile: "put the source file itself here, as `npm run import` writes it",
  tooLarge: "split the page into several sources",
  notUtf8: "convert the page to UTF-8 before importing it",
};

export interface SourceFile {
  /** Path relative to the project root, with `/` separators. */
  file: string;
  /** The header as validated, or undefined when it has problems (reported separately). */
  header: SourceHeader | undefined;
  /** sha256 of the verbatim text below the header. */
  sha256: string;
  /** Lines in the whole file, header included. */
  lineCount: number;
  /** 1-based line of the file where the verbatim text starts. */
  textLine: number;
}

export interface ReadSources {
  sources: Map<string, SourceFile>;
  problems: Problem[];
}

const HEADER_WORDING: SchemaProblemWording = {
  key: "header field",
  missingHint: (field) => `add a line \`${field}: ...\` to the header`,
  hints: { unrecognized_keys: "the header fields are publication, kind, url, retrieved, original and sha256" },
};

/** The origin of the problem of a kept source whose text was edited after import (the importer tells it from the others). */
export const SOURCE_TEXT_CHANGED = "source-text-changed";

/** Every file under a folder, relative to the root, sorted, and the symbolic links there, never followed; none when the folder is absent. */
export function listFiles(root: string, dir: string): ContentTree {
  return walkContentFolder(path.join(root, dir), toPosix(path.normalize(dir)).replace(/\/+$/, ""));
}

/**
 * Splits a source into header and verbatim text on the raw characters (no
 * line-ending normalization below the header: the hash is of the text as kept).
 */
export function splitSource(text: string): { headerText: string; verbatim: string; textLine: number } | undefined {
  const opening = /^---[^\n]*\n/.exec(text);
  if (!opening) return undefined;
  const closing = /^---[ \t]*\r?$/m;
  const rest = text.slice(opening[0].length);
  const match = closing.exec(rest);
  if (!match) return undefined;
  const headerEnd = opening[0].length + match.index + match[0].length;
  const afterNewline = text[headerEnd] === "\n" ? headerEnd + 1 : headerEnd;
  const headerText = text.slice(0, afterNewline);
  return { headerText, verbatim: text.slice(afterNewline), textLine: headerText.split("\n").length };
}

/** A kept source's bytes read: size cap and strict UTF-8 first, then as `readSourceText`. */
export function readSource(file: string, bytes: Uint8Array): { source?: SourceFile; problems: Problem[] } {
  if (bytes.byteLength === 0)
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          field: "",
          severity: "error",
          message: "the source file is empty",
          hint: "a source is the importer's header and the page below it; import the page again",
        },
      ],
    };
  const { text, problem: refused } = decodeTextBytes(bytes, MAX_SOURCE_BYTES, SOURCE_HINTS);
  if (refused) return { problems: [refusedFileProblem(file, refused)] };
  return readSourceText(file, text);
}

/**
 * The one reader of the kept-source format, for `check`, the build's source
 * pages and the importer: the header (YAML only, against its schema), the
 * verbatim text below it as kept (any line ending), and its sha256 checked
 * against the header's. A `source` comes back whenever the header could be
 * split off, with `header` undefined when the header has problems.
 */
export function readSourceText(file: string, text: string): { source?: SourceFile; text?: string; problems: Problem[] } {
  const problem = (message: string, hint?: string, at: { line: number; column: number } = { line: 1, column: 1 }, field = ""): Problem => ({
    file,
    ...at,
    field,
    message,
    severity: "error",
    ...(hint ? { hint } : {}),
  });
  let parsed: ParsedFrontMatter;
  try {
    parsed = parseFrontMatter(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  } catch (error) {
    if (error instanceof FrontMatterError) {
      return {
        problems: [
          problem(
            error.message.replace(/front matter/g, "source header"),
            error.hint ?? "a source starts with the header the importer wrote; import the page again",
            { line: error.line, column: error.column },
          ),
        ],
      };
    }
    throw error;
  }
  const split = splitSource(text.replace(/^\uFEFF/, ""));
  if (!split) return { problems: [problem("the source header is never closed", "add a line `---` after the last header field")] };

  const result = SourceHeaderSchema.safeParse(parsed.data);
  const header: SourceHeader | undefined = result.success ? result.data : undefined;
  const problems = result.success
    ? []
    : result.error.issues.flatMap((issue) => schemaIssueToProblems(file, issue, parsed.data, parsed.positionOf, HEADER_WORDING));
  const actual = sha256(split.verbatim);
  if (header && actual !== header.sha256) {
    problems.push({
      ...problem(
        `the text below the header has changed since import: its sha256 is \`${actual}\`, the header records \`${header.sha256}\``,
        "never edit a source's text: restore the file as imported (`git checkout -- FILE`), or import the new page as a new source",
        parsed.positionOf(["sha256"]),
        "sha256",
      ),
      origin: SOURCE_TEXT_CHANGED,
    });
  }
  const lineCount = text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length;
  return {
    source: { file, header, sha256: actual, lineCount, textLine: split.textLine },
    text: split.verbatim,
    problems,
  };
}

export async function readSources(root: string, sourcesDir: string): Promise<ReadSources & { strays: Problem[] }> {
  const sources = new Map<string, SourceFile>();
  const problems: Problem[] = [];
  const strays: Problem[] = [];
  const tree = listFiles(root, sourcesDir);
  problems.push(...tree.links.map(linkProblem));
  for (const file of tree.files) {
    if (!file.endsWith(".md")) {
      if (path.posix.basename(file).startsWith(".")) continue;
      strays.push({
        file,
        line: 1,
        column: 1,
        field: "",
        severity: "warning",
        message: "this file is not read: sources are `.md` files written by `npm run import`",
        hint: 'import the page with `npm run import -- --publication "..." FILE`, which writes the source for you',
      });
      continue;
    }
    const refused = plainFileProblem(await lstat(path.join(root, file)), MAX_SOURCE_BYTES, SOURCE_HINTS);
    if (refused) {
      problems.push(refusedFileProblem(file, refused));
      continue;
    }
    const { source, problems: found } = readSource(file, await readFile(path.join(root, file)));
    if (source) sources.set(file, source);
    problems.push(...found);
  }
  return { sources, problems, strays };
}
