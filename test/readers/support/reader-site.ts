/**
 * The browser suite's site: the reader fixture (test/fixtures/reader, 54
 * placeholder articles in English and Spanish, every date precision) built
 * with the project's real configuration into a temporary folder, and served
 * over HTTP (Pagefind needs modules and WebAssembly, not file://).
 */
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "../../support/browser.ts";
import { buildSite } from "../../support/build-site.ts";
import { serveDirectory, type StaticServer } from "../../support/static-server.ts";

export const READER_ARTICLES = "test/fixtures/reader/content/articles";

/** The pages every check looks at first: one of each kind a reader lands on. */
export const KEY_PAGES = {
  home: "/",
  article: "/2020/01/01/aliqua-consequat-laborum-esse-commodo-culpa-deserunt-amet-1/",
  tag: "/tags/magna-aliqua/",
  publication: "/publications/consectetur-bulletin/",
  year: "/2022/",
  search: "/search/",
  data: "/data/",
} as const;

export type KeyPage = keyof typeof KEY_PAGES;

export interface ReaderSite {
  output: string;
  server?: StaticServer;
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the fixture, or the folder of articles given; with `serve`, also
 * serves it. Throws with Eleventy's output when the build fails.
 */
export async function buildReaderSite(options: { serve?: boolean; articles?: string } = {}): Promise<ReaderSite> {
  const articles = options.articles ?? READER_ARTICLES;
  const build = buildSite(articles);
  if (build.status !== 0) {
    await rm(build.output, { recursive: true, force: true });
    throw new Error(`Cannot \`build\` ${articles} (exit ${build.status}):\n${build.stderr}\n${build.stdout}`);
  }
  const server = options.serve ? await serveDirectory(build.output) : undefined;
  return {
    output: build.output,
    ...(server ? { server } : {}),
    url: server?.url ?? "",
    async close() {
      await server?.close();
      await rm(build.output, { recursive: true, force: true });
    },
  };
}

/** Every `.html` file of a built site, as paths relative to it with `/` separators. */
export async function listHtmlFiles(output: string): Promise<string[]> {
  const entries = await readdir(output, { recursive: true });
  return entries
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => entry.endsWith(".html"))
    .sort();
}

/** The served fixture and a Chromium for one test file, ready in its tests. */
export interface ServedReaderSite {
  readonly site: ReaderSite;
  readonly browser: Browser;
}

/**
 * Builds and serves the reader fixture and launches Chromium before the
 * file's tests (call at the top of a test file), and closes both after them.
 */
export function useServedReaderSite(): ServedReaderSite {
  let site: ReaderSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await buildReaderSite({ serve: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`The ${name} is not ready: use it inside a test`);
    return value;
  };
  return {
    get site() {
      return ready(site, "reader site");
    },
    get browser() {
      return ready(browser, "browser");
    },
  };
}
