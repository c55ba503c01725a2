/** Using the search page the way a reader does, whatever Pagefind UI it is built with. */
import type { Page } from "playwright-core";

/** Links to article pages (dated or undated permalinks). */
export const RESULT_LINK = 'main a[href^="/20"], main a[href^="/19"], main a[href^="/undated/"]';

/**
 * Types a word into the search box and waits for a result linking to an article.
 * Pagefind loads a result's details when it scrolls into view; on a phone the
 * results sit below the filters, so this scrolls down as a reader would.
 */
export async function searchFor(page: Page, word: string): Promise<number> {
  const input = page.locator('main input[type="search"], main input[type="text"]').first();
  try {
    await input.waitFor({ state: "visible", timeout: 15_000 });
  } catch (error) {
    throw new Error("Cannot `search`: the search page shows no search box (is public/search.js loading Pagefind's UI?)", { cause: error });
  }
  await input.fill(word);
  const results = page.locator(RESULT_LINK);
  const deadline = Date.now() + 15_000;
  while ((await results.count()) === 0) {
    if (Date.now() > deadline) throw new Error(`Cannot \`search\`: typing \`${word}\` showed no result linking to an article`);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(250);
  }
  await results.first().waitFor({ state: "visible", timeout: 5_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  return results.count();
}
