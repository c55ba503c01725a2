/**
 * The hostile corpus (test/fixtures/hostile) built with the project's real
 * configuration into a temporary folder, plus what the security tests share:
 * the list of built files and the articles as the build reads them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, projectRoot } from "./build-site.ts";
import { listArticleFiles } from "../../src/records/load-articles.ts";
import { parseArticle } from "../../src/records/parse-article.ts";
import type { ArticleRecord } from "../../src/records/article-record.ts";

export const HOSTILE_ROOT = "test/fixtures/hostile";
export const HOSTILE_ARTICLES = `${HOSTILE_ROOT}/content/articles`;
/** The word every hostile article contains, so one search lists them all. */
export const SEARCH_WORD = "kestrelwatch";
/** Files the payloads try to create if any of them ever runs at build time. */
export const MARKER_NAMES = ["pwned-by-body.marker", "pwned-by-yaml.marker", "pwned-by-js-front-matter.marker"];

/** Where the network blocker logs what the build tried to reach: empty when it tried nothing. */
export interface HostileSite {
  output: string;
  stderr: string;
  networkAttempts: string[];
  close(): Promise<void>;
}

/** Builds the hostile corpus with the network cut off (test/support/block-network.mjs). */
export async function buildHostileSite(options: { siteUrl?: string } = {}): Promise<HostileSite> {
  const logDir = mkdtempSync(path.join(tmpdir(), "hemeroteca-network-"));
  const networkLog = path.join(logDir, "attempts.log");
  const blocker = new URL("./block-network.mjs", import.meta.url).href;
  const build = buildSite(HOSTILE_ARTICLES, {
    // No build cache: every file is parsed and every page written afresh, each run.
    env: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${blocker}`.trim(),
      HEMEROTECA_NETWORK_LOG: networkLog,
      HEMEROTECA_NO_CACHE: "1",
      ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}),
    },
  });
  const networkAttempts = existsSync(networkLog) ? readFileSync(networkLog, "utf8").trim().split("\n").filter(Boolean) : [];
  rmSync(logDir, { recursive: true, force: true });
  if (build.status !== 0) {
    await rm(build.output, { recursive: true, force: true });
    throw new Error(`Cannot \`build\` the hostile corpus (exit ${build.status}):\n${build.stderr}\n${build.stdout}`);
  }
  return { output: build.output, stderr: build.stderr, networkAttempts, close: () => rm(build.output, { recursive: true, force: true }) };
}

export async function listBuiltFiles(output: string, extension?: string): Promise<string[]> {
  const entries = await readdir(output, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(output, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => !extension || file.endsWith(extension))
    .sort();
}

/** The hostile articles as the build reads them: the values every page must print as text. */
export async function hostileRecords(): Promise<ArticleRecord[]> {
  const files = await listArticleFiles(projectRoot, HOSTILE_ARTICLES);
  return files.map((file) => {
    const result = parseArticle(file, readFileSync(path.join(projectRoot, file)));
    if (!result.ok) throw new Error(`${file} should be a valid article: ${JSON.stringify(result.problems)}`);
    return result.record;
  });
}

/** Marker files a payload would have written, in the project or the temporary folder. */
export function markersFound(): string[] {
  return MARKER_NAMES.flatMap((name) => [path.join(projectRoot, name), path.join(tmpdir(), name)]).filter((file) => existsSync(file));
}
