/**
 * After edits, the search index is the main index as it was plus a recent
 * index of what changed (src/search-index/search-index-cache.ts). The research
 * fixture is built (its main index in parts of at most three articles), then
 * one article is edited, one removed and one added, and built again with the
 * same cache: the search page finds the edited article once and by its new
 * words only, never the removed one, finds the new one, sorts across the main
 * parts and the recent index by date, and counts every article once.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { SearchBundles } from "../../src/search-index/search-index-manifest.ts";
import { buildSite, projectRoot } from "../support/build-site.ts";
import { FIXTURE, RESEARCH_ARTICLES, type ResearchSite } from "./research-site.ts";
import {
  dateOrderOf,
  openFilters,
  researchSiteInChromium,
  resultPaths,
  searchReady,
  typeQuery,
  waitForTitles,
} from "./search-page-session.ts";

const ENV = { HEMEROTECA_SEARCH_SHARD_SIZE: "3" };
const EDITED = "/2023/02/10/february-report-from-puno/";
const REMOVED = "/2020/11/15/merino-resigns-after-five-days/";
const ADDED = "/2023/03/01/a-march-report-from-puno/";

/** The fixture built, edited and built again into the same folder with the same cache. */
function buildEditedSite(): ResearchSite {
  const work = mkdtempSync(path.join(tmpdir(), "hemeroteca-recent-"));
  const articles = path.join(work, "articles");
  const cacheDir = path.join(work, "cache");
  const output = path.join(work, "site");
  cpSync(path.join(projectRoot, RESEARCH_ARTICLES), articles, { recursive: true });
  const build = () => {
    const result = buildSite(articles, { output, cacheDir, env: ENV });
    if (result.status !== 0)
      throw new Error(`Cannot \`build\` the research fixture (exit ${result.status}):\n${result.stderr}\n${result.stdout}`);
  };
  try {
    build();
    const february = path.join(articles, "iwo", "february-report.md");
    const text = readFileSync(february, "utf8");
    if (!text.includes("the strike entered its second month"))
      throw new Error("The fixture's February report no longer says what this test edits");
    writeFileSync(
      february,
      text.replace("the strike entered its second month", "the strike entered its second month, said the quetzalcoatlus committee"),
    );
    rmSync(path.join(articles, "fbn", "merino-resigns.md"));
    writeFileSync(
      path.join(articles, "iwo", "march-report.md"),
      text
        .replace(/^title: .*$/m, "title: A March report from Puno")
        .replace(/^date: .*$/m, "date: 2023-03-01")
        .replace("the strike entered its second month", "the strike entered its third month"),
    );
    build();
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  return {
    output,
    file: (address) => path.join(output, ...address.split("/").filter(Boolean)),
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

const chromium = researchSiteInChromium(undefined, {}, buildEditedSite);

/** The order of a date sort over the articles after the edits. */
const inDateOrder = dateOrderOf([...Object.values(FIXTURE).filter(({ url }) => url !== REMOVED), { url: ADDED, date: "2023-03-01" }]);

/** Results arrive a few at a time: waits for at least 7, and for as many on the page as the summary counts. */
async function waitForEveryResult(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const counted = Number(/\d+/.exec(await page.locator("pagefind-summary").innerText())?.[0]);
        return counted >= 7 && (await resultPaths(page)).length === counted;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

describe("a search page over a main index and a recent one", () => {
  it("indexes only the changed and added articles again, and lists the main index's out-of-date pages as hidden", () => {
    const { parts, recent } = JSON.parse(readFileSync(chromium.site.file("/pagefind/bundles.json"), "utf8")) as SearchBundles;
    expect(parts.length).toBeGreaterThan(2);
    expect(recent?.path).toBe("/pagefind/recent/");
    const entry = JSON.parse(readFileSync(chromium.site.file("/pagefind/recent/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(2);
    expect(parts.reduce((sum, part) => sum + Object.keys(part.hidden).length, 0)).toBe(2);
  });

  it("finds an edited article once, by its new words only, and never a removed one", async () => {
    const page = await chromium.open("/search/");
    await searchReady(page);
    await typeQuery(page, "quetzalcoatlus");
    await waitForTitles(page, (titles) => titles.length === 1);
    expect(await resultPaths(page)).toEqual([EDITED]);

    await typeQuery(page, "merino");
    await expect.poll(() => page.locator("pagefind-summary").innerText(), { timeout: 5000 }).toMatch(/No results/i);
    expect(await resultPaths(page)).toEqual([]);

    await typeQuery(page, "puno");
    await waitForTitles(page, (titles) => titles.length >= 2);
    const found = await resultPaths(page);
    expect(found.filter((address) => address === EDITED)).toHaveLength(1);
    expect(found).toContain(ADDED);
  });

  it("sorts the main parts and the recent index together by date, both ways", async () => {
    const page = await chromium.open("/search/?q=peru&sort=oldest");
    await waitForEveryResult(page);
    const found = await resultPaths(page);
    expect(found).toEqual(inDateOrder(found, 1));
    expect(found).toContain(ADDED);
    expect(found).not.toContain(REMOVED);
    await page.locator("#search-sort").selectOption("newest");
    await expect.poll(() => resultPaths(page), { timeout: 5000 }).toEqual(inDateOrder(found, -1));
  });

  it("counts each article once under its filters", async () => {
    const page = await chromium.open("/search/?q=peru");
    await waitForEveryResult(page);
    const english = (await page.locator(".search-result-language").allInnerTexts()).filter((language) => language === "English").length;
    await openFilters(page);
    const label = page.locator("pagefind-filter-pane label.pf-filter-checkbox", { hasText: "English" });
    await expect.poll(() => label.innerText(), { timeout: 15_000 }).toMatch(new RegExp(`English\\s*${english}$`));
    await label.locator("input").check();
    await waitForTitles(page, (titles) => titles.length === english);
    expect(await resultPaths(page)).not.toContain(REMOVED);
    // The year 2020's only article was removed: its count is gone with it, though the main index still holds its page.
    const year2020 = page.locator('pagefind-filter-pane label.pf-filter-checkbox:has(input[name="year"][value="2020"])');
    if (await year2020.count()) await expect.poll(() => year2020.innerText(), { timeout: 15_000 }).toMatch(/2020\s*0$/);
  });
});
