/**
 * A search by relevance fetches no date order: each bundle's list of its pages
 * by date (date-order.json) is fetched only when the reader sorts by date, by
 * the sort menu or with a sort in the address, and Pagefind's own metadata,
 * which every search loads, carries no list by date.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decode } from "cbor2";
import { describe, expect, it } from "vitest";
import { dateOrderOf, researchSiteInChromium, resultPaths, waitForTitles } from "./search-page-session.ts";
import { FIXTURE } from "./research-site.ts";

const chromium = researchSiteInChromium();
const inDateOrder = dateOrderOf(Object.values(FIXTURE));

const dateOrderFetches = () => chromium.requested().filter((address) => /\/pagefind\/(.*\/)?date-order\.json$/.test(address));

describe("the search page's date order", () => {
  it("is not fetched by searches by relevance, and is fetched once the reader sorts by date", async () => {
    const before = dateOrderFetches().length;
    const page = await chromium.open("/search/?q=peru");
    await waitForTitles(page, (titles) => titles.length >= 7);
    await page.locator("pagefind-input input").fill("juliaca");
    await expect.poll(() => page.locator("pagefind-summary").innerText()).toMatch(/^\d+ results? for juliaca$/);
    expect(dateOrderFetches().length).toBe(before);

    await page.locator("pagefind-input input").fill("peru");
    await waitForTitles(page, (titles) => titles.length >= 7);
    const found = await resultPaths(page);
    await page.locator("#search-sort").selectOption("newest");
    await expect.poll(() => resultPaths(page), { timeout: 5000 }).toEqual(inDateOrder(found, -1));
    expect(dateOrderFetches().length).toBe(before + 1);
    // Fetched once: sorting the other way, or searching again, asks for nothing more.
    await page.locator("#search-sort").selectOption("oldest");
    await expect.poll(() => resultPaths(page), { timeout: 5000 }).toEqual(inDateOrder(found, 1));
    expect(dateOrderFetches().length).toBe(before + 1);
  });

  it("is fetched for an address that asks for date order", async () => {
    const before = dateOrderFetches().length;
    const page = await chromium.open("/search/?q=peru&sort=oldest");
    await waitForTitles(page, (titles) => titles.length >= 7);
    const found = await resultPaths(page);
    expect(found).toEqual(inDateOrder(found, 1));
    expect(dateOrderFetches().length).toBe(before + 1);
  });

  it("is not in Pagefind's metadata", () => {
    const folder = chromium.site.file("/pagefind/");
    const [meta] = readdirSync(folder).filter((name) => name.endsWith(".pf_meta"));
    const signature = "pagefind_dcd";
    const unzipped = gunzipSync(readFileSync(path.join(folder, meta!)));
    expect(unzipped.subarray(0, signature.length).toString()).toBe(signature);
    // Pagefind 1.5's metadata: version, pages, index chunks, filters, sort keys (each a list of every page), meta fields.
    const [version, pages, , filters, sorts] = decode(unzipped.subarray(signature.length)) as [
      string,
      unknown[],
      unknown,
      unknown[],
      unknown[],
    ];
    expect(version).toMatch(/^1\./);
    expect(pages.length).toBe(Object.keys(FIXTURE).length);
    expect(filters.length).toBeGreaterThan(0);
    expect(sorts).toEqual([]);
  });
});
