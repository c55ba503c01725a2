/**
 * `npm run check`: every article and every source, validated without building.
 * The article rules are the build's own (`loadArticles` runs the schema and
 * the rules across files); this adds sources, provenance, stray files,
 * review notes, the tag vocabulary and the site settings, and collects
 * everything into one report.
 */
import path from "node:path";
import { listArticleFiles, loadArticles, locateIn } from "../records/load-articles.ts";
import { compareProblems, countBySeverity, type CheckProblem, type CheckSeverity } from "./check-problem.ts";
import { checkSourceRefs, reviewNotes } from "./check-records.ts";
import { readVocabularyFile } from "../import/assign-tags.ts";
import { readSiteFile, siteDateRange, siteFileFor } from "../archive/site-file.ts";
import { datesOutsideRange } from "../records/date-range.ts";
import { withHint } from "./hints.ts";
import { listFiles, readSources } from "./read-sources.ts";

export interface CheckOptions {
  /** Project folder: `content/articles/` and `content/sources/` are inside it. */
  root: string;
  articlesDir?: string;
  sourcesDir?: string;
  /** The tag vocabulary the importer reads. */
  tagsFile?: string;
  /** The site settings the build reads; by default the file beside the articles folder (site-file.ts). */
  siteFile?: string;
}

export interface CheckReport {
  articles: number;
  sources: number;
  problems: CheckProblem[];
  counts: Record<CheckSeverity, number>;
}

async function strayArticleFiles(root: string, articlesDir: string): Promise<CheckProblem[]> {
  const articles = new Set(await listArticleFiles(root, articlesDir));
  return listFiles(root, articlesDir).files
    .filter((file) => !articles.has(file) && !path.posix.basename(file).startsWith("."))
    .map((file) => ({
      file, line: 1, column: 1, field: "", severity: "warning" as const,
      message: "this file is not an article and is not read: article files end in `.md`",
      hint: "rename it to end in `.md`, or remove it",
    }));
}

export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const root = path.resolve(options.root);
  const articlesDir = options.articlesDir ?? "content/articles";
  const sourcesDir = options.sourcesDir ?? "content/sources";
  const tagsFile = options.tagsFile ?? "content/tags.yml";
  const siteFile = options.siteFile ?? siteFileFor(articlesDir);
  const locate = locateIn(root);

  const loaded = await loadArticles({ root, articlesDir });
  const read = await readSources(root, sourcesDir);
  const siteSettings = readSiteFile(root, siteFile);
  const problems: CheckProblem[] = [
    ...loaded.problems,
    ...read.problems,
    ...read.strays,
    ...(await strayArticleFiles(root, articlesDir)),
    // The importer's own reading of it, so check and import never disagree about what a vocabulary is.
    ...(await readVocabularyFile(root, tagsFile)).problems,
    ...siteSettings.problems,
    ...datesOutsideRange(loaded.records, siteDateRange(siteSettings.settings), locate),
    ...checkSourceRefs(loaded.records, read.sources, sourcesDir, locate),
    ...reviewNotes(loaded.records, locate),
  ].map(withHint).sort(compareProblems);
  const articles = (await listArticleFiles(root, articlesDir)).length;
  const sources = new Set([...read.sources.keys(), ...read.problems.map((p) => p.file)]).size;
  return { articles, sources, problems, counts: countBySeverity(problems) };
}
