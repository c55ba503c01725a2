/**
 * The search page of an archive whose main index is in several Pagefind
 * bundles (the research fixture with at most two articles a part, so that years,
 * months, days and the undated articles each get bundles of their own): a
 * search finds the same articles as with one bundle, date sorts run across
 * bundles in date order with undated articles last, and filter counts add up
 * over every bundle.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { SearchBundles } from "../../src/search-index/search-index-manifest.ts";
import { FIXTURE } from "./research-site.ts";
import {
  dateOrderOf,
  openFilters,
  researchSiteInChromium,
  resultPaths,
  searchReady,
  typeQuery,
  waitForTitles,
} from "./search-page-session.ts";

const chromium = researchSiteInChromium({ HEMEROTECA_SEARCH_SHARD_SIZE: "2" });
const openPage = (address: string) => chromium.open(address);

const inDateOrder = dateOrderOf(Object.values(FIXTURE));

async function waitForPaths(page: Page, expected: readonly string[]): Promise<void> {
  await expect.poll(() => resultPaths(page), { timeout: 5000 }).toEqual(expected);
}

describe("a search page over several bundles", () => {
  it("lists the parts in date order, undated last, each a Pagefind bundle of its own, which together hold every article once", () => {
    const { parts, recent } = JSON.parse(readFileSync(chromium.site.file("/pagefind/bundles.json"), "utf8")) as SearchBundles;
    expect(parts.length).toBeGreaterThan(4);
    expect(recent).toBeUndefined();
    expect(parts[0]!.path).toBe("/pagefind/");
    // Undated articles come first in ascending date order: the undated part's offset is 0, the first dated part's their count.
    expect(parts.at(-1)!.offset).toBe(0);
    expect(parts[0]!.offset).toBe(1);
    const pages = parts.map((bundle) => {
      const entry = JSON.parse(readFileSync(chromium.site.file(`${bundle.path}pagefind-entry.json`), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      };
      return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    });
    for (const count of pages) expect(count).toBeLessThanOrEqual(2);
    expect(pages.reduce((sum, count) => sum + count, 0)).toBe(Object.keys(FIXTURE).length);
  });

  it("finds by relevance what one bundle would, and sorts it by date across bundles both ways", async () => {
    const page = await openPage("/search/");
    await searchReady(page);
    await typeQuery(page, "peru");
    await waitForTitles(page, (titles) => titles.length >= 7);
    const found = await resultPaths(page);
    expect(found).toContain("/undated/comunicado-del-sindicato-de-maestros/");
    expect(found).toContain("/2020/11/15/merino-resigns-after-five-days/");

    await page.locator("#search-sort").selectOption("oldest");
    await waitForPaths(page, inDateOrder(found, 1));
    await page.locator("#search-sort").selectOption("newest");
    await waitForPaths(page, inDateOrder(found, -1));
    expect(new URL(page.url()).searchParams.get("sort")).toBe("newest");
  });

  it("adds up filter counts over every bundle, and keeps date order within a filter", async () => {
    const page = await openPage("/search/?q=peru&sort=newest");
    await waitForTitles(page, (titles) => titles.length >= 7);
    await openFilters(page);
    const spanish = page.locator("pagefind-filter-pane label.pf-filter-checkbox", { hasText: "Español" });
    await expect.poll(() => spanish.innerText()).toMatch(/Español\s*3/);
    await spanish.locator("input").check();
    await waitForTitles(page, (titles) => titles.length === 3);
    const narrowed = await resultPaths(page);
    expect(narrowed).toEqual(inDateOrder(narrowed, -1));
    expect(narrowed.at(-1)).toBe("/undated/comunicado-del-sindicato-de-maestros/");
    for (const language of await page.locator(".search-result-language").allInnerTexts()) expect(language).toBe("Español");
  });
});
