/**
 * Opening the search page of a built site in Chromium the way the site is
 * served: under its Content-Security-Policy, with every console error and
 * warning collected for the test to check.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { parseEdtfDate } from "../../src/records/edtf-date.ts";
import { launchBrowser } from "../support/browser.ts";
import { serveDirectory, type StaticServer } from "../support/static-server.ts";
import { buildResearchSite, type ResearchSite } from "./research-site.ts";

const CSP = "script-src 'self' 'wasm-unsafe-eval'";

interface SearchPageSession {
  page: Page;
  /** Console errors and warnings, and uncaught errors, as they happen. */
  problems: string[];
}

/** A new page at `url`; `onOpen` receives the session before the page loads, so a failed load can still be closed. */
async function openUnderCsp(
  browser: Browser,
  url: string,
  onOpen: (session: SearchPageSession) => void = () => {},
): Promise<SearchPageSession> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
  const session = { page, problems: [] as string[] };
  onOpen(session);
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") session.problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => session.problems.push(`pageerror: ${error.message}`));
  await page.route("**/*", async (route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": CSP } });
    } catch (error) {
      // A request still in flight when a test closes its page, or whose response the page dropped by moving on,
      // has nowhere to go; anything else is a problem the test reports (a throw here would escape every test).
      if (page.isClosed() || /has been disposed|Target page, context or browser has been closed/.test(String(error))) return;
      session.problems.push(`route: ${String(error)}`);
    }
  });
  await page.goto(url);
  return session;
}

/** Waits until Pagefind has loaded the index (the page marks its root then). */
export async function searchReady(page: Page): Promise<void> {
  await page.locator("[data-search-root][data-search-loaded]").waitFor({ state: "attached" });
}

/** Opens the folded filter pane, as a reader does, and waits for its groups (their files load then). */
export async function openFilters(page: Page): Promise<void> {
  const toggle = page.locator("button.search-filters-toggle");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await page.locator("pagefind-filter-pane .pf-filter-group").first().waitFor();
}

export async function typeQuery(page: Page, query: string): Promise<void> {
  await page.locator("pagefind-input input").fill(query);
}

/** The titles of the rendered results once `predicate` holds for them (within 5 s). */
export async function waitForTitles(page: Page, predicate: (titles: string[]) => boolean): Promise<string[]> {
  let titles: string[] = [];
  await expect
    .poll(
      async () => {
        titles = await page.locator(".search-result .pf-result-link").allInnerTexts();
        return predicate(titles);
      },
      { timeout: 5000 },
    )
    .toBe(true);
  return titles;
}

export interface ResearchSiteInChromium {
  /** The built site; read it inside tests, once `beforeAll` has run. */
  readonly site: ResearchSite;
  /** Opens `address` of the site in a new page; after the test the page is closed and its console must be empty. */
  open(address: string): Promise<Page>;
  /** What the console of the page opened last has shown so far. */
  problems(): string[];
  /** The path of every request the server has had so far, workers' included. */
  requested(): string[];
}

/**
 * Registers the test file's hooks: the research fixture built (with `env`,
 * or by `build`) and served (below `prefix`, when given), and Chromium started, before its
 * tests; everything closed after.
 */
export function researchSiteInChromium(
  env?: Record<string, string>,
  serve: { prefix?: string } = {},
  build: () => ResearchSite = () => buildResearchSite(env ? { env } : {}),
): ResearchSiteInChromium {
  let site: ResearchSite | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let session: SearchPageSession | undefined;
  beforeAll(async () => {
    site = build();
    server = await serveDirectory(site.output, serve);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });
  afterEach(async () => {
    const seen = session?.problems ?? [];
    await session?.page.context().close();
    session = undefined;
    expect(seen, "the console shows no errors or warnings").toEqual([]);
  });
  return {
    get site() {
      if (!site) throw new Error("Cannot `read` the research site before `beforeAll` has built it");
      return site;
    },
    open: async (address) => (await openUnderCsp(browser!, `${server!.url}${address}`, (opened) => (session = opened))).page,
    problems: () => session?.problems ?? [],
    requested: () => [...(server?.requested ?? [])],
  };
}

/** The site paths the rendered results link to, in their order. */
export async function resultPaths(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator(".search-result .pf-result-link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.map((href) => new URL(href, "http://site").pathname);
}

/**
 * The order of a date sort over `articles`: `paths` by the first day each may
 * fall on (what both date sorts order by), `direction` 1 oldest first, -1
 * newest first; undated last either way. A path of no such article is an error.
 */
export function dateOrderOf(
  articles: ReadonlyArray<{ url: string; date: string | null }>,
): (paths: readonly string[], direction: 1 | -1) => string[] {
  const firstDay = new Map<string, number | undefined>(
    articles.map(({ url, date }) => {
      const parsed = date === null ? undefined : parseEdtfDate(date);
      if (parsed && !parsed.ok) throw new Error(parsed.error);
      return [url, parsed?.value.min] as const;
    }),
  );
  const day = (address: string) => {
    if (!firstDay.has(address)) throw new Error(`\`${address}\` is not an article of the fixture`);
    return firstDay.get(address);
  };
  return (paths, direction) =>
    [...paths].sort((a, b) => {
      const [x, y] = [day(a), day(b)];
      if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0);
      return (x - y) * direction;
    });
}
