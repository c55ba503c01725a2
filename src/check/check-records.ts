/**
 * Rules `check` adds on top of `src/records/` (which already checks each file
 * against the schema and the rules across files): provenance that points at a
 * real, unchanged source; no `npm run new` placeholder left in a body; a
 * word on an article with neither text nor source; and the importer's
 * `review` notes, listed for editors. (Aliases are the records'
 * rules, validate-archive.ts, which the build runs too.)
 */
import path from "node:path";
import type { ArticleRecord } from "../records/article-record.ts";
import { problemReporter, type Locate } from "../records/problems.ts";
import type { CheckProblem } from "./check-problem.ts";
import type { SourceFile } from "../records/read-sources.ts";
import { toPosix } from "../lib/paths.ts";
import { BODY_PLACEHOLDER } from "../records/article-file.ts";

/** `source.file` names a source under the sources folder, whose text still has the recorded sha256. */
export function checkSourceRefs(
  records: readonly ArticleRecord[],
  sources: ReadonlyMap<string, SourceFile>,
  sourcesDir: string,
  locate: Locate,
): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const at = problemReporter<CheckProblem["severity"]>(problems, locate, "source-ref");
  const folder = `${toPosix(sourcesDir).replace(/\/+$/, "")}/`;
  for (const record of records) {
    const ref = record.source;
    if (!ref) continue;
    const normalized = path.posix.normalize(ref.file);
    if (path.posix.isAbsolute(ref.file) || normalized !== ref.file || !ref.file.startsWith(folder)) {
      at(
        record,
        ["source", "file"],
        `\`${ref.file}\` is not a path inside \`${folder}\``,
        `write the path from the project folder, e.g. \`${folder}fight-back-news/page.md\``,
      );
      continue;
    }
    const source = sources.get(ref.file);
    if (!source) {
      at(
        record,
        ["source", "file"],
        `there is no source file \`${ref.file}\``,
        "correct the path, or import the page first so that its source exists",
      );
      continue;
    }
    // Against the header when it is valid: a source edited after import is reported once, on the source.
    const recorded = source.header?.sha256 ?? source.sha256;
    if (ref.sha256 !== recorded) {
      at(
        record,
        ["source", "sha256"],
        `does not match \`${ref.file}\`, whose sha256 is \`${recorded}\``,
        "the article was imported from another version of the page; import it again (`npm run import`) or copy the source's `sha256` here if the text is the same",
      );
    }
    const [first, last] = ref.lines;
    if (last > source.lineCount) {
      at(
        record,
        ["source", "lines"],
        `lines ${first}–${last} are not all in \`${ref.file}\`, which has ${source.lineCount} lines`,
        "give the first and last line of the article in the source file",
      );
    } else if (first < source.textLine) {
      at(
        record,
        ["source", "lines"],
        `line ${first} is in the header of \`${ref.file}\`, whose text starts at line ${source.textLine}`,
        "give the first and last line of the article in the source file",
      );
    }
  }
  return problems;
}

/**
 * An article with no text and no source: a listing's headline imported
 * without text has its source to show, but a file written by hand and left
 * empty (its placeholder deleted with nothing in its place) would publish a
 * page of a headline only. Not an error: an article may be known by its
 * headline and address alone.
 */
export function checkEmptyBodies(records: readonly ArticleRecord[], texts: ReadonlyMap<string, string>, locate: Locate): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const at = problemReporter<CheckProblem["severity"]>(problems, locate, "empty-body");
  for (const record of records) {
    // A placeholder left in is an error of its own (checkPlaceholders).
    if (record.source || record.html.trim() || texts.get(record.file)?.includes(BODY_PLACEHOLDER)) continue;
    at(
      record,
      [],
      "the article has no text and no source: its page will show only the headline and the fields",
      `write the article's text, as it was published, below the front matter's closing \`---\`${record.url ? "" : "; if only its headline is known, give its original address in `url:`"}`,
      "warning",
    );
  }
  return problems;
}

/** The importer's notes for editors: shown on no page, listed here so someone reads them. */
export function reviewNotes(records: readonly ArticleRecord[], locate: Locate): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const at = problemReporter<CheckProblem["severity"]>(problems, locate, "review-note");
  for (const record of records) {
    (record.review ?? []).forEach((note, index) => {
      at(record, ["review", index], note, "check this against the source, correct the article if needed, then delete the note", "info");
    });
  }
  return problems;
}

/**
 * The line `npm run new` writes for the text to replace: left in, the page
 * shows an article with no text at all (the comment never survives).
 */
export function checkPlaceholders(texts: ReadonlyMap<string, string>): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const [file, text] of texts) {
    const at = text.indexOf(BODY_PLACEHOLDER);
    if (at < 0) continue;
    problems.push({
      file,
      line: text.slice(0, at).split("\n").length,
      column: 1,
      field: "",
      severity: "error",
      origin: "placeholder-body",
      message: "the body still holds the line `npm run new` wrote for the article's text",
      hint: "replace that line with the article's text, as it was published",
    });
  }
  return problems;
}
