/**
 * `npm run check`: every article and every source, validated without building.
 * The article rules are the build's own (`loadArticles` runs the schema and
 * the rules across files); this adds sources, provenance, aliases, stray files,
 * placeholders, publication and tag spellings, review notes, the tag
 * vocabulary and the site settings, and collects everything into one report.
 * The rules across files also see the articles that have problems of their
 * own (stand-in-records.ts), so one run shows every problem.
 */
import { existsSync, lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { cachedParallelParser, listArticleFiles, loadArticles, locateIn } from "../records/load-articles.ts";
import { ARTICLE_FILE_HINTS, MAX_ARTICLE_BYTES } from "../records/front-matter.ts";
import { decodeTextBytes, plainFileProblem } from "../records/text-file.ts";
import { validateArchive } from "../records/validate-archive.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { compareProblems, countBySeverity, type CheckProblem, type CheckSeverity, type OriginProblem } from "./check-problem.ts";
import { checkEmptyBodies, checkPlaceholders, checkSourceRefs, reviewNotes } from "./check-records.ts";
import { checkPublicationSpellings, checkVocabularyTags } from "../records/name-spellings.ts";
import { readVocabularyFile } from "../import/assign-tags.ts";
import { readSiteFile, siteDateRange, siteFileFor } from "../archive/site-file.ts";
import { datesOutsideRange } from "../records/date-range.ts";
import { withHint } from "../records/problem-hints.ts";
import { listFiles, readSources } from "../records/read-sources.ts";
import { standInRecord } from "./stand-in-records.ts";
import { cachePath, cacheRoot } from "../lib/cache-registry.ts";
import { sharedParsePool } from "../records/parse-pool.ts";

export interface CheckOptions {
  /** Project folder: `content/articles/` and `content/sources/` are inside it. */
  root: string;
  articlesDir?: string;
  sourcesDir?: string;
  /** The tag vocabulary the importer reads. */
  tagsFile?: string;
  /** The site settings the build reads; by default the file beside the articles folder (site-file.ts). */
  siteFile?: string;
  /**
   * The build's record cache (`.cache/records/`, or below `HEMEROTECA_CACHE`),
   * read when it is there and never written: an article parsed by the same code
   * from the same bytes is taken from it, as the build takes it. None: parse all.
   */
  recordCache?: string | false;
  /**
   * Only the problems of these files, or of the files under these folders
   * (paths relative to the root, with `/`); the rules across files still
   * compare them with the whole collection. Every file's when absent.
   */
  files?: readonly string[];
}

export interface CheckReport {
  articles: number;
  sources: number;
  problems: OriginProblem[];
  counts: Record<CheckSeverity, number>;
}

async function strayArticleFiles(root: string, articlesDir: string, articles: readonly string[]): Promise<CheckProblem[]> {
  const listed = new Set(articles);
  return listFiles(root, articlesDir)
    .files.filter((file) => !listed.has(file) && !path.posix.basename(file).startsWith("."))
    .map((file) => ({
      file,
      line: 1,
      column: 1,
      field: "",
      severity: "warning" as const,
      origin: "stray-file",
      message: "this file is not an article and is not read: article files end in `.md`",
      hint: "rename it to end in `.md`, or remove it",
    }));
}

/** The text of every article file that may be read (a plain UTF-8 file within the size limit); the others are reported by `loadArticles`. */
function articleTexts(root: string, files: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of files) {
    const absolute = path.resolve(root, file);
    if (plainFileProblem(lstatSync(absolute), MAX_ARTICLE_BYTES, ARTICLE_FILE_HINTS)) continue;
    const { text } = decodeTextBytes(readFileSync(absolute), MAX_ARTICLE_BYTES, ARTICLE_FILE_HINTS);
    if (text !== undefined) texts.set(file, text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  }
  return texts;
}

/** `problems` but for those equal to one of `drop`. */
function withoutProblems(problems: readonly CheckProblem[], drop: readonly CheckProblem[]): CheckProblem[] {
  const dropped = new Set(drop.map((problem) => JSON.stringify(problem)));
  return problems.filter((problem) => !dropped.has(JSON.stringify(problem)));
}

/** The rule that found a problem, for those whose rule did not say: by the file it is in. */
function withOrigin(problem: CheckProblem, files: { sourcesDir: string; tagsFile: string; siteFile: string }): OriginProblem {
  if (problem.origin) return problem as OriginProblem;
  const origin =
    problem.file === files.tagsFile
      ? "tag-vocabulary"
      : problem.file === files.siteFile
        ? "site-settings"
        : problem.file.startsWith(`${files.sourcesDir}/`)
          ? "source"
          : problem.field
            ? "article-field"
            : "article-file";
  return { ...problem, origin };
}

export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const root = path.resolve(options.root);
  const articlesDir = options.articlesDir ?? "content/articles";
  const sourcesDir = (options.sourcesDir ?? "content/sources").replace(/\/+$/, "");
  const tagsFile = options.tagsFile ?? "content/tags.yml";
  const siteFile = options.siteFile ?? siteFileFor(articlesDir);
  const locate = locateIn(root);
  // The build's record cache where it has one (cache-registry.ts); none with `HEMEROTECA_NO_CACHE=1`.
  const recordCache = options.recordCache ?? cachePath(cacheRoot(root), "records");
  // Articles are parsed on a worker (parse-pool.ts). With no record cache every one is: the worker starts now, while
  // the files are listed and read. With one, it starts at the first file the cache lacks, so not at all when the
  // build (or `npm start`) has left every file's record there.
  if (!(recordCache && existsSync(recordCache))) sharedParsePool();

  const articleFiles = await listArticleFiles(root, articlesDir);
  // Deferred writes never committed: check reads the cache and leaves it to the build.
  const parseFiles =
    recordCache && existsSync(recordCache) ? cachedParallelParser({ cacheDir: recordCache, deferCacheWrites: () => {} }) : undefined;
  const loaded = await loadArticles({ root, articlesDir, ...(parseFiles ? { parseFiles } : {}) });
  const texts = articleTexts(root, articleFiles);
  const parsed = new Set(loaded.records.map((record) => record.file));
  const standIns = [...texts].flatMap(([file, text]) =>
    parsed.has(file) ? [] : [standInRecord(file, text)].filter((r): r is ArticleRecord => r !== undefined),
  );
  const everyRecord = [...loaded.records, ...standIns];
  const read = await readSources(root, sourcesDir);
  const vocabulary = await readVocabularyFile(root, tagsFile);
  const siteSettings = readSiteFile(root, siteFile);

  const only = options.files?.map((file) => file.replace(/\/+$/, ""));
  // A folder given stands for the files under it.
  const selected = (file: string) => !only || only.some((given) => file === given || file.startsWith(`${given}/`));
  // With stand-ins the rules across files run again on every record, in place of `loaded`'s run on the parsed ones;
  // each file's own problems stay, those of the parse budget included.
  const articleProblems = standIns.length
    ? [...withoutProblems(loaded.problems, validateArchive(loaded.records, locate)), ...validateArchive(everyRecord, locate)]
    : loaded.problems;
  let problems: CheckProblem[] = [
    ...articleProblems,
    ...read.problems,
    ...read.strays,
    ...(await strayArticleFiles(root, articlesDir, articleFiles)),
    // The importer's own reading of it, so check and import never disagree about what a vocabulary is.
    ...vocabulary.problems,
    ...siteSettings.problems,
    ...datesOutsideRange(loaded.records, siteDateRange(siteSettings.settings), locate),
    ...checkSourceRefs(everyRecord, read.sources, sourcesDir, locate),
    ...checkPlaceholders(texts),
    ...checkEmptyBodies(loaded.records, texts, locate),
    ...checkPublicationSpellings(everyRecord, locate, (file) => Boolean(only) && selected(file)),
    ...checkVocabularyTags(everyRecord, vocabulary.vocabulary, locate),
    ...reviewNotes(everyRecord, locate),
  ];
  // A tag written like a vocabulary tag is that rule's error; the warning that it differs from another article's is the same news.
  const vocabularyTags = new Set(problems.filter((p) => p.origin === "tag-variant").map((p) => `${p.file}\0${p.field}`));
  problems = problems.filter((p) => p.origin !== "tag-spelling" || !vocabularyTags.has(`${p.file}\0${p.field}`));

  const shown = problems
    .filter((problem) => selected(problem.file))
    .map((problem) => withOrigin(withHint(problem), { sourcesDir, tagsFile, siteFile }))
    .sort(compareProblems);
  const sourceFiles = new Set([...read.sources.keys(), ...read.problems.map((p) => p.file)]);
  return {
    articles: articleFiles.filter(selected).length,
    sources: [...sourceFiles].filter(selected).length,
    problems: shown,
    counts: countBySeverity(shown),
  };
}
