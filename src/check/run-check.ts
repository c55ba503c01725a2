/**
 * `npm run check`: every article and every source, validated without building.
 * The article rules are the build's own (`loadArticles` runs the schema and
 * the rules across files); this adds sources, provenance, aliases, stray files,
 * review notes, the tag vocabulary and the site settings, and collects
 * everything into one report.
 */
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { listArticleFiles, loadArticles, locateIn } from "../records/load-articles.ts";
import { MAX_ARTICLE_BYTES } from "../records/front-matter.ts";
import { compareProblems, countBySeverity, type CheckProblem, type CheckSeverity } from "./check-problem.ts";
import { checkAliases, checkSourceRefs, reviewNotes } from "./check-records.ts";
import { readVocabulary } from "../import/assign-tags.ts";
import { readSiteFile, siteFileFor } from "../archive/site-file.ts";
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
  return (await listFiles(root, articlesDir))
    .filter((file) => !articles.has(file) && !path.posix.basename(file).startsWith("."))
    .map((file) => ({
      file, line: 1, column: 1, field: "", severity: "warning" as const,
      message: "this file is not an article and is not read: article files end in `.md`",
      hint: "rename it to end in `.md`, or remove it",
    }));
}

/** The vocabulary as the importer reads it: each problem at its line and field. */
async function checkTagsFile(root: string, tagsFile: string): Promise<CheckProblem[]> {
  const problem = (message: string, hint: string): CheckProblem =>
    ({ file: tagsFile, line: 1, column: 1, field: "", severity: "error", message, hint });
  let stats;
  try {
    stats = await lstat(path.join(root, tagsFile));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  if (!stats.isFile()) return [problem("is not a plain file (a symbolic link, a folder, a device or a pipe), so it was not read", "put the vocabulary file itself here")];
  if (stats.size > MAX_ARTICLE_BYTES) return [problem(`the file is more than ${MAX_ARTICLE_BYTES} bytes`, "keep the vocabulary to tags and their words")];
  const bytes = await readFile(path.join(root, tagsFile));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return [problem("the file is not valid UTF-8", "save it with UTF-8 encoding")];
  }
  // The importer's own reading of it, so check and import never disagree about what a vocabulary is.
  return readVocabulary(text, tagsFile).problems;
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
  const problems: CheckProblem[] = [
    ...loaded.problems,
    ...read.problems,
    ...read.strays,
    ...(await strayArticleFiles(root, articlesDir)),
    ...(await checkTagsFile(root, tagsFile)),
    ...readSiteFile(root, siteFile).problems,
    ...checkSourceRefs(loaded.records, read.sources, sourcesDir, locate),
    ...checkAliases(loaded.records, locate),
    ...reviewNotes(loaded.records, locate),
  ].map(withHint).sort(compareProblems);
  const articles = (await listArticleFiles(root, articlesDir)).length;
  const sources = new Set([...read.sources.keys(), ...read.problems.map((p) => p.file)]).size;
  return { articles, sources, problems, counts: countBySeverity(problems) };
}
