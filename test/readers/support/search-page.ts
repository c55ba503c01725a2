/** Using the search page the way a reader does, whatever Pagefind UI it is built with. */
import type { Page } from "playwright-core";

/** Links to article pages (dated or undated permalinks). */
export const RESULT_LINK = 'main a[href^="/20"], main a[href^="/19"], main a[href^="/undated/"]';

/** What the page loaded and whether the search root is shown: said when a search fails. */
export async function searchPageState(page: Page): Promise<string> {
  const state = await page.evaluate(() => ({
    rootHidden: (document.querySelector("[data-search-root]") as HTMLElement | null)?.hidden,
    componentUi: "PagefindComponents" in window,
    elements: ["pagefind-config", "pagefind-input", "pagefind-results"].map(
      (name) => `${name}: ${customElements.get(name) ? "defined" : "undefined"}`,
    ),
    instance: (() => {
      const components = (
        window as unknown as { PagefindComponents?: { getInstanceManager(): { getInstance(name: string): Record<string, unknown> } } }
      ).PagefindComponents;
      if (!components) return "none";
      const instance = components.getInstanceManager().getInstance("default");
      return {
        loaded: Boolean(instance.__pagefind__),
        loading: Boolean(instance.__loadPromise__),
        searchTerm: instance.searchTerm,
        searches: instance.__searchID__,
        results: (instance.searchResult as { results?: unknown[] } | undefined)?.results?.length,
        resultElements: document.querySelectorAll(".pf-result").length,
        links: document.querySelectorAll(".pf-result-link").length,
      };
    })(),
    resources: performance
      .getEntriesByType("resource")
      .map(
        (entry) =>
          `${entry.name} ${(entry as PerformanceResourceTiming & { responseStatus?: number }).responseStatus ?? "?"} ${Math.round(entry.duration)} ms`,
      ),
  }));
  return JSON.stringify({ url: page.url(), ...state }, null, 1);
}

async function trySearch(page: Page, word: string): Promise<string | number> {
  const input = page.locator('main input[type="search"], main input[type="text"]').first();
  try {
    await input.waitFor({ state: "visible", timeout: 15_000 });
  } catch {
    return `the search page shows no search box (is public/search.js loading Pagefind's UI?)\n${await searchPageState(page)}`;
  }
  await input.fill(word);
  const results = page.locator(RESULT_LINK);
  // Pagefind shows a result once it is scrolled into view: scroll on until one is there.
  const shown = await page
    .waitForFunction(
      (selector) => {
        if (document.querySelector(selector)) return true;
        window.scrollBy(0, 400);
        return false;
      },
      RESULT_LINK,
      { polling: 250, timeout: 15_000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!shown) return `typing \`${word}\` showed no result linking to an article\n${await searchPageState(page)}`;
  await results.first().waitFor({ state: "visible", timeout: 5_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  return results.count();
}

/**
 * Types a word into the search box and waits for a result linking to an article.
 * Pagefind loads a result's details when it scrolls into view, so this
 * scrolls down as a reader would when a result is not on the first screen.
 * A failure says what the page loaded and how far Pagefind's UI came.
 */
export async function searchFor(page: Page, word: string): Promise<number> {
  const found = await trySearch(page, word);
  if (typeof found === "number") return found;
  throw new Error(`Cannot \`search\`: ${found}`);
}
