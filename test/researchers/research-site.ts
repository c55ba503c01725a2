/**
 * The research suite's archive: test/fixtures/research (English and Spanish
 * articles from five publications, dated to the day, month and year, uncertain,
 * approximate, an interval, and undated) built with the project's real
 * configuration into a temporary folder.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { runSearchCli } from "../../src/search/cli.ts";
import { buildSite, projectRoot, type BuildResult } from "../support/build-site.ts";

export const RESEARCH_ARTICLES = "test/fixtures/research/content/articles";

export interface ResearchSite {
  output: string;
  /** Path of a file in the built site, from its site-relative address. */
  file(address: string): string;
  remove(): void;
}

/** Builds the fixture; throws with Eleventy's output when the build fails. */
export function buildResearchSite(options: { env?: Record<string, string> } = {}): ResearchSite {
  const build: BuildResult = buildSite(RESEARCH_ARTICLES, options.env ? { env: options.env } : {});
  if (build.status !== 0) {
    rmSync(build.output, { recursive: true, force: true });
    throw new Error(`Cannot \`build\` the research fixture (exit ${build.status}):\n${build.stderr}\n${build.stdout}`);
  }
  return {
    output: build.output,
    file: (address) => path.join(build.output, ...address.split("/").filter(Boolean)),
    remove: () => rmSync(build.output, { recursive: true, force: true }),
  };
}

/** The fixture's articles by id, with the facts the tests check. */
export const FIXTURE = {
  "police-massacre-in-juliaca": { language: "en", date: "2023-01-09", url: "/2023/01/09/police-massacre-in-juliaca/" },
  "masacre-en-juliaca": { language: "es", date: "2023-01-10", url: "/2023/01/10/masacre-en-juliaca/" },
  "general-strike-in-lima-we-will-not-go-home": {
    language: "en",
    date: "2022-12-07?",
    url: "/2022/12/07/general-strike-in-lima-we-will-not-go-home/",
  },
  "paro-nacional-contra-el-gobierno-de-boluarte": {
    language: "es",
    date: "2023-01~",
    url: "/2023/01/paro-nacional-contra-el-gobierno-de-boluarte/",
  },
  "a-chronology-of-the-protests": { language: "en", date: "2022-12/2023-01", url: "/2022/a-chronology-of-the-protests/" },
  "comunicado-del-sindicato-de-maestros": { language: "es", date: null, url: "/undated/comunicado-del-sindicato-de-maestros/" },
  "castillo-elected-president-of-peru": { language: "en", date: "2021", url: "/2021/castillo-elected-president-of-peru/" },
  "merino-resigns-after-five-days": { language: "en", date: "2020-11-15", url: "/2020/11/15/merino-resigns-after-five-days/" },
  "february-report-from-puno": { language: "en", date: "2023-02-10", url: "/2023/02/10/february-report-from-puno/" },
} as const;

export type FixtureId = keyof typeof FIXTURE;
export const FIXTURE_IDS = Object.keys(FIXTURE) as FixtureId[];

/** What one run of `npm run search` answered. */
export interface SearchRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run search` in this process with `args`, as from the project's folder with no environment, and keeps what it wrote. */
export function runSearch(args: string[], options: { isTTY?: boolean } = {}): SearchRun {
  let stdout = "";
  let stderr = "";
  const code = runSearchCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: options.isTTY ?? false,
    cwd: projectRoot,
    env: {},
  });
  return { code, stdout, stderr };
}
