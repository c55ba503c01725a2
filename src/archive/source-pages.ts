/**
 * The kept source pages as pages of the site (`/sources/<publication>/<name>/`):
 * every line of the page as the importer kept it, numbered, in runs that each
 * belong to one article or to none. An article's "Source" links to its lines,
 * so a reader can see what the importer took and what it left out.
 *
 * A source is read with check's reader (size cap, strict UTF-8, header
 * schema, the sha256 of its text): one that fails any of these, or is
 * missing, gets no page, and the articles that name it say so in plain text;
 * `npm run check` reports why.
 */
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { MAX_SOURCE_BYTES, readSource } from "../records/read-sources.ts";
import { manifestPathFor, parseManifest } from "../records/import-manifest.ts";
import type { ArticleEntry } from "../records/article-record.ts";
import type { SourceHeader } from "../records/source-schema.ts";

/** A line, or the end of one (`partial`), that the importer left out, and why (from the source's import manifest). */
export interface LeftOut {
  line: number;
  reason: string;
  partial?: true;
}

/** Whose a line is: the importer's header, the article it went into, or none's. */
type LineOwner = "header" | ArticleEntry | "left-out";

/** A run of consecutive lines of a source: the importer's header, one article's, or lines it left out. */
export type SourceSegment = ({ kind: "article"; article: ArticleEntry } | { kind: "header" | "left-out"; article?: undefined }) & {
  /** 1-based line of the file of the first line. */
  firstLine: number;
  lines: string[];
  /** What of these lines the importer left out, and why, when its manifest says. */
  leftOut: LeftOut[];
};

export interface SourcePage {
  /** `content/sources/<publication>/<name>.md`, as articles name it. */
  file: string;
  url: string;
  header: SourceHeader;
  /** 1-based line of the file where the page's text starts, below the header. */
  textLine: number;
  segments: SourceSegment[];
  /** The articles imported from it, in the order they begin. */
  articles: ArticleEntry[];
}

const SOURCE_FILE = /^content\/sources\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([A-Za-z0-9][A-Za-z0-9._-]*)\.md$/;

/** `content/sources/<publication>/<name>.md` -> `/sources/<publication>/<name>/`; undefined for any other path. */
export function sourceFileToUrl(file: string): string | undefined {
  const match = SOURCE_FILE.exec(file);
  // The name as it is: lower-casing it would give `A.md` and `a.md` one address.
  return match ? `/sources/${match[1]}/${match[2]}/` : undefined;
}

/**
 * The file's lines in runs by owner: the header above `textLine`, then each
 * article's lines and those in none. Where ranges nest (an article whose
 * lines hold another's), a line belongs to the one that begins last.
 */
export function sourceToSegments(
  lines: readonly string[],
  textLine: number,
  articles: readonly ArticleEntry[],
  leftOut: readonly LeftOut[] = [],
): SourceSegment[] {
  const owner = lines.map((_, index): LineOwner => (index + 1 < textLine ? "header" : "left-out"));
  for (const article of [...articles].sort((a, b) => a.source!.lines[0] - b.source!.lines[0])) {
    const [start, end] = article.source!.lines;
    for (let line = Math.max(textLine, start); line <= Math.min(end, lines.length); line++) owner[line - 1] = article;
  }
  const segments: SourceSegment[] = [];
  /** For each line, the index of its segment. */
  const segmentOfLine: number[] = [];
  lines.forEach((text, index) => {
    const of = owner[index]!;
    if (index === 0 || of !== owner[index - 1]) {
      const run = { firstLine: index + 1, lines: [] as string[], leftOut: [] as LeftOut[] };
      segments.push(typeof of === "string" ? { kind: of, ...run } : { kind: "article", article: of, ...run });
    }
    segments.at(-1)!.lines.push(text);
    segmentOfLine.push(segments.length - 1);
  });
  for (const note of [...leftOut].sort((a, b) => a.line - b.line)) {
    const index = segmentOfLine[note.line - 1];
    if (index !== undefined) segments[index]!.leftOut.push(note);
  }
  return segments;
}

/**
 * Why the file at `relative` may not be read, if it may not: the path is
 * named by an article, which anyone may write, so no part of it may be a
 * symbolic link (to a file outside the project, or to `/dev/zero`), and the
 * file must be a plain file no larger than a source may be.
 */
async function unreadable(root: string, relative: string): Promise<string | undefined> {
  const parts = relative.split("/");
  for (let depth = 1; depth <= parts.length; depth++) {
    let stats;
    try {
      stats = await lstat(path.join(root, ...parts.slice(0, depth)));
    } catch (error) {
      return `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
    if (stats.isSymbolicLink()) return `${parts.slice(0, depth).join("/")} is a symbolic link`;
    if (depth === parts.length && !stats.isFile()) return "it is not a plain file";
    if (depth === parts.length && stats.size > MAX_SOURCE_BYTES) return `it is larger than ${MAX_SOURCE_BYTES} bytes`;
  }
  return undefined;
}

export interface ReadSourcePages {
  pages: SourcePage[];
  /** Why a source named by an article has no page. */
  skipped: Array<{ file: string; reason: string }>;
}

/** The pages of every source the articles name. */
export async function readSourcePages(root: string, records: readonly ArticleEntry[]): Promise<ReadSourcePages> {
  const bySource = new Map<string, ArticleEntry[]>();
  for (const record of records) {
    if (!record.source) continue;
    const list = bySource.get(record.source.file);
    if (list) list.push(record);
    else bySource.set(record.source.file, [record]);
  }
  const pages: SourcePage[] = [];
  const skipped: ReadSourcePages["skipped"] = [];
  for (const [file, articles] of [...bySource].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const url = sourceFileToUrl(file);
    if (!url) {
      skipped.push({ file, reason: "it is not a file under content/sources/<publication>/" });
      continue;
    }
    const refused = await unreadable(root, file);
    if (refused) {
      skipped.push({ file, reason: refused });
      continue;
    }
    const bytes = await readFile(path.join(root, file));
    const { source, problems } = readSource(file, bytes);
    if (!source?.header || problems.length) {
      skipped.push({ file, reason: problems[0]?.message ?? "its header is not valid" });
      continue;
    }
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
    // The importer's reasons, from the manifest it wrote beside the source, if that is of this very text.
    const manifestFile = manifestPathFor(file);
    const manifest = (await unreadable(root, manifestFile))
      ? undefined
      : parseManifest(await readFile(path.join(root, manifestFile), "utf8"));
    const leftOut = manifest?.sha256 === source.header.sha256 ? (manifest.dropped ?? []) : [];
    const lines = text.split(/\r?\n/);
    if (text.endsWith("\n")) lines.pop();
    const ordered = [...articles].sort((a, b) => a.source!.lines[0] - b.source!.lines[0]);
    pages.push({
      file,
      url,
      header: source.header,
      textLine: source.textLine,
      segments: sourceToSegments(lines, source.textLine, ordered, leftOut),
      articles: ordered,
    });
  }
  return { pages, skipped };
}
