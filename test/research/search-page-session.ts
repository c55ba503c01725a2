/**
 * Opening the search page of a built site in Chromium the way the site is
 * served: under its Content-Security-Policy, with every console error and
 * warning collected for the test to check.
 */
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";

const CSP = "script-src 'self' 'wasm-unsafe-eval'";

export interface SearchPageSession {
  page: Page;
  /** Console errors and warnings, and uncaught errors, as they happen. */
  problems: string[];
}

/** A new page at `url`; `onOpen` receives the session before the page loads, so a failed load can still be closed. */
export async function openUnderCsp(browser: Browser, url: string, onOpen: (session: SearchPageSession) => void = () => {}): Promise<SearchPageSession> {
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
      // A request still in flight when a test closes its page has nowhere to go; anything else is a failure.
      if (!page.isClosed()) throw error;
    }
  });
  await page.goto(url);
  return session;
}

/** Waits until Pagefind has loaded the index (the filter pane is drawn from it). */
export async function searchReady(page: Page): Promise<void> {
  await page.locator("pagefind-filter-pane .pf-filter-group").first().waitFor();
}

export async function typeQuery(page: Page, query: string): Promise<void> {
  await page.locator("pagefind-input input").fill(query);
}

/** The titles of the rendered results once `predicate` holds for them (within 5 s). */
export async function waitForTitles(page: Page, predicate: (titles: string[]) => boolean): Promise<string[]> {
  let titles: string[] = [];
  await expect
    .poll(async () => {
      titles = await page.locator(".search-result .pf-result-link").allInnerTexts();
      return predicate(titles);
    }, { timeout: 5000 })
    .toBe(true);
  return titles;
}
