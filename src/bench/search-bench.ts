/**
 * `npm run bench -- --search`: what a reader's search costs. For each corpus
 * size it builds the benchmark corpus with Hemeroteca, makes one stock
 * Pagefind index of the same article pages (stock-pagefind-site.ts), serves
 * each site from a gzipping static host (gzip-static-server.ts), and in
 * Chromium, for each query of search-queries.ts and each side, in a fresh
 * browser context (an empty cache):
 *   - opens the search page with the query in its address, and measures the
 *     time from navigation to the first result link on screen, then, once
 *     the network is quiet, the bytes and requests the first search moved;
 *   - types the next query into the same page's box and measures what that
 *     further search moved, once its first result is on screen and the
 *     network quiet again.
 * Rounds alternate which side goes first.
 */
import { mkdir } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { buildScriptArgs } from "./build-script.ts";
import { serveGzipped, type GzipStaticServer, type ServedResponse } from "./gzip-static-server.ts";
import { ensureCorpus, hemerotecaBuild, thisMachine, type Machine } from "./run-bench.ts";
import { BenchInterrupted, runBuild } from "./run-build.ts";
import { furtherQuery, searchQueries, type QueryKind } from "./search-queries.ts";
import { STOCK_RESULT, writeStockPagefindSite } from "./stock-pagefind-site.ts";

export const SEARCH_SIDES = ["hemeroteca", "stock"] as const;
export type SearchSide = (typeof SEARCH_SIDES)[number];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
];
/** As Playwright's `networkidle`: no request open and none finished for this long. */
const QUIET_MS = 500;
const RESULT_TIMEOUT_MS = 180_000;

/** What the bytes of a search are spent on, by file: Pagefind's code (JS, CSS, WebAssembly) and the site's, Pagefind's metadata, filters, index chunks and result fragments, and pages. */
export const FILE_KINDS = ["code", "metadata", "filters", "index", "fragments", "page"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export function fileKind(filePath: string): FileKind {
  if (/\.pf_meta$|\/pagefind\/(.*\/)?[^/]+\.json$/.test(filePath)) return "metadata";
  if (filePath.endsWith(".pf_filter")) return "filters";
  if (filePath.endsWith(".pf_index")) return "index";
  if (filePath.endsWith(".pf_fragment")) return "fragments";
  if (/\.(m?js|css|wasm|pagefind)$/.test(filePath)) return "code";
  return "page";
}

/** What one search moved, counted at the host. */
export interface Transfer {
  /** Response bodies as sent (gzipped text, Pagefind's own gzipped files as stored). */
  bytes: number;
  /** Of those, the files under `/pagefind/`. */
  pagefindBytes: number;
  requests: number;
  /** Bytes by kind of file. */
  kinds: Record<FileKind, number>;
  /** Requests by kind of file. */
  kindRequests: Record<FileKind, number>;
}

export interface SearchMeasurement {
  side: SearchSide;
  kind: QueryKind;
  query: string;
  /** The sort in the address, when not by relevance. */
  sort?: "newest";
  round: number;
  /** The first search in an empty cache, the search page included; `files` is every response, in order (in `--json`: where each byte went). */
  first: Transfer & { msToFirstResult: number; files: Array<{ path: string; bytes: number }> };
  /** The next query typed into the same page; `files` as the first search's. */
  further: Transfer & { query: string; files: Array<{ path: string; bytes: number }> };
}

export interface SearchSizeResult {
  articles: number;
  /** Pages in the stock index (the article pages). */
  stockPages: number;
  /** Load averages (1, 5, 15 min) when the searches began and when they ended. */
  loadBefore: number[];
  loadAfter: number[];
  measurements: SearchMeasurement[];
}

export interface SearchBenchResult {
  machine: Machine;
  options: { articles: number[]; runs: number; seed: number };
  startedAt: string;
  sizes: SearchSizeResult[];
}

export interface SearchBenchOptions {
  root: string;
  articles: number[];
  runs: number;
  seed: number;
  workdir: string;
  /** The sides to search (default both): leaving out `stock` spares making one Pagefind index of every page, which at 100,000 pages needs more memory than a 24 GiB machine has. */
  sides?: readonly SearchSide[];
  log: (message: string) => void;
}

const SIDES: Record<SearchSide, { page: string; result: string; input: string }> = {
  hemeroteca: { page: "/search/", result: "main .pf-result-link", input: 'main input[type="search"], main input[type="text"]' },
  stock: { page: "/", result: STOCK_RESULT, input: "main #query" },
};

const load = () => loadavg().map((value) => Math.round(value * 100) / 100);

/** Totals of responses. */
export function transferOf(responses: readonly ServedResponse[]): Transfer {
  const pagefind = responses.filter((response) => /(^|\/)pagefind\//.test(response.path));
  const zeros = () => Object.fromEntries(FILE_KINDS.map((kind) => [kind, 0])) as Record<FileKind, number>;
  const kinds = zeros();
  const kindRequests = zeros();
  for (const response of responses) {
    kinds[fileKind(response.path)] += response.bytes;
    kindRequests[fileKind(response.path)] += 1;
  }
  return {
    bytes: responses.reduce((sum, response) => sum + response.bytes, 0),
    pagefindBytes: pagefind.reduce((sum, response) => sum + response.bytes, 0),
    requests: responses.length,
    kinds,
    kindRequests,
  };
}

/** Resolves once the host has no request open and has finished none for `QUIET_MS`. */
async function networkQuiet(server: GzipStaticServer): Promise<void> {
  let count = server.responses.length;
  let since = performance.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (server.inFlight() > 0 || server.responses.length !== count) {
      count = server.responses.length;
      since = performance.now();
    } else if (performance.now() - since >= QUIET_MS) return;
  }
}

async function measureSearch(
  browser: Browser,
  server: GzipStaticServer,
  side: SearchSide,
  query: string,
  further: string,
  sort?: "newest",
  log?: (message: string) => void,
): Promise<Omit<SearchMeasurement, "kind" | "round">> {
  const { page: pagePath, result, input } = SIDES[side];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await networkQuiet(server);
    server.take();
    await page.goto(`${server.url}${pagePath}?q=${encodeURIComponent(query)}${sort ? `&sort=${sort}` : ""}`);
    const shown = await page
      .waitForFunction((selector) => (document.querySelector(selector) ? performance.now() : false), result, {
        polling: "raf",
        timeout: RESULT_TIMEOUT_MS,
      })
      .catch((error: unknown) => {
        throw new Error(
          `Cannot \`search\` ${side} for \`${query}\`: no result (${result}) came: ${(error as Error).message.split("\n")[0]}`,
        );
      });
    const msToFirstResult = Math.round((await shown.jsonValue()) as number);
    await networkQuiet(server);
    const served = server.take();
    const first = { ...transferOf(served), msToFirstResult, files: served.map(({ path: file, bytes }) => ({ path: file, bytes })) };
    // Noted before the further search, so that a further search that fails leaves the first one on record.
    log?.(
      `  ${side} ${JSON.stringify(query)}: first search ${kb(first.bytes)} (Pagefind ${kb(first.pagefindBytes)}) in ${first.requests} requests`,
    );

    await page.evaluate(
      (selector) => document.querySelectorAll(selector).forEach((link) => link.setAttribute("data-bench-seen", "")),
      result,
    );
    // A page still busy with a large index (100,000 articles) takes longer than Playwright's 30 s to accept typing.
    await page.locator(input).first().fill(further, { timeout: RESULT_TIMEOUT_MS });
    await page
      .waitForFunction(
        (selector) => [...document.querySelectorAll(selector)].some((link) => !link.hasAttribute("data-bench-seen")),
        result,
        { polling: "raf", timeout: RESULT_TIMEOUT_MS },
      )
      .catch((error: unknown) => {
        throw new Error(
          `Cannot \`search\` ${side} for \`${further}\` after \`${query}\`: no new result came: ${(error as Error).message.split("\n")[0]}`,
        );
      });
    await networkQuiet(server);
    const furtherServed = server.take();
    return {
      side,
      query,
      ...(sort ? { sort } : {}),
      first,
      further: {
        ...transferOf(furtherServed),
        query: further,
        files: furtherServed.map(({ path: file, bytes }) => ({ path: file, bytes })),
      },
    };
  } finally {
    await context.close();
  }
}

async function benchSize(options: SearchBenchOptions, browser: Browser, articles: number, stop: AbortSignal): Promise<SearchSizeResult> {
  const dir = path.join(options.workdir, String(articles));
  await mkdir(dir, { recursive: true });
  options.log(`${articles} articles: preparing the corpus in ${dir}`);
  await ensureCorpus(dir, articles, options.seed, options.log, stop);
  options.log("  building the site with Hemeroteca");
  const built = await runBuild([hemerotecaBuild(options, buildScriptArgs(options.root), dir)], stop);
  options.log(`  built in ${(built.wallMs / 1000).toFixed(1)} s (load ${load()[0]})`);
  const site = path.join(dir, "hemeroteca-site");
  const stockDir = path.join(dir, "stock-pagefind");
  const wanted = options.sides ?? SEARCH_SIDES;
  let stockPages = 0;
  if (wanted.includes("stock")) {
    const started = performance.now();
    const stock = await writeStockPagefindSite(site, stockDir, stop);
    stockPages = stock.pages;
    options.log(
      `  one stock Pagefind index of ${stockPages} pages ${stock.reused ? "kept from an earlier run" : "made"} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  const servers: Partial<Record<SearchSide, GzipStaticServer>> = { hemeroteca: await serveGzipped(site) };
  if (wanted.includes("stock")) servers.stock = await serveGzipped(stockDir);
  const measurements: SearchMeasurement[] = [];
  const loadBefore = load();
  try {
    const queries = searchQueries();
    for (let round = 1; round <= options.runs; round++) {
      const sides = round % 2 === 1 ? [...wanted] : [...wanted].reverse();
      for (const [index, { kind, query, sort }] of queries.entries()) {
        // The stock index has no date to sort by: a sorted query is Hemeroteca's alone.
        for (const side of sort ? sides.filter((one) => one === "hemeroteca") : sides) {
          if (stop.aborted) throw BenchInterrupted.of(stop);
          const measured = await measureSearch(browser, servers[side]!, side, query, furtherQuery(queries, index).query, sort, options.log);
          measurements.push({ ...measured, kind, round });
          options.log(
            `  round ${round} ${side.padEnd(10)} ${JSON.stringify(query).padEnd(18)}${sort ? ` (${sort})` : ""} first ${kb(measured.first.bytes)} in ${measured.first.requests} requests, ` +
              `${measured.first.msToFirstResult} ms; further ${kb(measured.further.bytes)} (load ${load()[0]})`,
          );
        }
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server!.close()));
  }
  return { articles, stockPages, loadBefore, loadAfter: load(), measurements };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;

export async function runSearchBench(options: SearchBenchOptions): Promise<SearchBenchResult> {
  const result: SearchBenchResult = {
    machine: thisMachine(),
    options: { articles: options.articles, runs: options.runs, seed: options.seed },
    startedAt: new Date().toISOString(),
    sizes: [],
  };
  // Loaded here, not at start: it takes a second or more, which every other use of the bench would wait for.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS }).catch((error: unknown) => {
    throw new Error(
      `Cannot start Chromium at ${CHROMIUM_PATH} (install it, or set CHROMIUM_PATH): ${(error as Error).message.split("\n")[0]}`,
    );
  });
  // Interrupted (Ctrl-C), the running build is stopped (it runs in a process group of its own) and the browser closed.
  const stopping = new AbortController();
  const interrupt = (signal: NodeJS.Signals) => stopping.abort(signal);
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  try {
    for (const articles of options.articles) result.sizes.push(await benchSize(options, browser, articles, stopping.signal));
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    await browser.close();
  }
  return result;
}
