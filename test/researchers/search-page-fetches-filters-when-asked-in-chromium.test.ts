/**
 * A first search fetches no filter file: Pagefind's filter files list every
 * page under each value and are the largest part of a first search, so the
 * search page fetches them only when the reader opens the filter pane, opens
 * the chart of matches by month, or comes with a filter in the address.
 */
import { describe, expect, it } from "vitest";
import { openFilters, researchSiteInChromium, waitForTitles } from "./search-page-session.ts";

const chromium = researchSiteInChromium();

const filterFiles = () => chromium.requested().filter((address) => address.endsWith(".pf_filter"));

describe("the search page's filter files", () => {
  it("are not fetched by a search, and are fetched when the reader opens the filters", async () => {
    const before = filterFiles().length;
    const page = await chromium.open("/search/?q=peru");
    await waitForTitles(page, (titles) => titles.length >= 7);
    // Pagefind loads every filter file it is asked for before its first reply: by the results, any would have been asked.
    expect(filterFiles().length).toBe(before);
    await page.locator("pagefind-input input").fill("juliaca");
    await expect.poll(() => page.locator("pagefind-summary").innerText()).toMatch(/^\d+ results? for juliaca$/);
    expect(filterFiles().length).toBe(before);

    await openFilters(page);
    expect(filterFiles().length).toBeGreaterThan(before);
    // The counts are the search's on screen, not the whole archive's.
    const spanish = page.locator("pagefind-filter-pane label.pf-filter-checkbox", { hasText: "Español" });
    await expect.poll(() => spanish.innerText()).toMatch(/Español\s*1$/);
  });

  it("are fetched when the reader opens the chart of matches by month", async () => {
    const page = await chromium.open("/search/?q=peru");
    await waitForTitles(page, (titles) => titles.length >= 7);
    const before = filterFiles().length;
    await page.locator("button.search-timeline-toggle").click();
    await page.locator("#search-timeline .search-timeline-bars").waitFor();
    expect(filterFiles().length).toBeGreaterThan(before);
  });

  it("are fetched for an address that sets a filter, whose count the pane then shows", async () => {
    const page = await chromium.open("/search/?q=peru&language=Espa%C3%B1ol");
    await waitForTitles(page, (titles) => titles.length === 3);
    await openFilters(page);
    const english = page.locator("pagefind-filter-pane label.pf-filter-checkbox", { hasText: "English" });
    await expect.poll(() => english.innerText()).toMatch(/English\s*\d+$/);
  });
});
