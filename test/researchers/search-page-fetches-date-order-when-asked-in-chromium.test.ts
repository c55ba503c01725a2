/**
 * A search by relevance fetches no date order: each bundle's list of its pages
 * by date (date-order.json) is fetched only when the reader sorts by date, by
 * the sort menu or with a sort in the address, and Pagefind's own metadata,
 * which every search loads, carries no list by date. The build's caches are
 * those of the test worker, so the site may hold a main index kept from an
 * earlier build beside a recent one: each bundle's list is fetched once.
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

const DATE_ORDER = /(^|\/)date-order\.json$/;
const dateOrderFetches = () => chromium.requested().filter((address) => /\/pagefind\//.test(address) && DATE_ORDER.test(address));
/** The site's files under `/pagefind/` whose names match `pattern`, site-relative to that folder. */
const pagefindFiles = (pattern: RegExp) =>
  (readdirSync(chromium.site.file("/pagefind/"), { recursive: true }) as string[]).filter((name) => pattern.test(name));

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
    const bundles = pagefindFiles(DATE_ORDER).length;
    expect(bundles).toBeGreaterThan(0);
    expect(dateOrderFetches().length).toBe(before + bundles);
    // Fetched once: sorting the other way, or searching again, asks for nothing more.
    await page.locator("#search-sort").selectOption("oldest");
    await expect.poll(() => resultPaths(page), { timeout: 5000 }).toEqual(inDateOrder(found, 1));
    expect(dateOrderFetches().length).toBe(before + bundles);
  });

  it("is fetched for an address that asks for date order", async () => {
    const before = dateOrderFetches().length;
    const page = await chromium.open("/search/?q=peru&sort=oldest");
    await waitForTitles(page, (titles) => titles.length >= 7);
    const found = await resultPaths(page);
    expect(found).toEqual(inDateOrder(found, 1));
    expect(dateOrderFetches().length).toBe(before + pagefindFiles(DATE_ORDER).length);
  });

  it("is not in Pagefind's metadata", () => {
    const folder = chromium.site.file("/pagefind/");
    const metas = pagefindFiles(/\.pf_meta$/);
    expect(metas.length).toBeGreaterThan(0);
    const signature = "pagefind_dcd";
    for (const meta of metas) {
      const unzipped = gunzipSync(readFileSync(path.join(folder, meta)));
      expect(unzipped.subarray(0, signature.length).toString()).toBe(signature);
      // Pagefind 1.5's metadata: version, pages, index chunks, filters, sort keys (each a list of every page), meta fields.
      const [version, pages, , filters, sorts] = decode(unzipped.subarray(signature.length)) as [
        string,
        unknown[],
        unknown,
        unknown[],
        unknown[],
      ];
      expect(version, meta).toMatch(/^1\./);
      expect(pages.length, meta).toBeGreaterThan(0);
      expect(filters.length, meta).toBeGreaterThan(0);
      expect(sorts, meta).toEqual([]);
    }
  });
});
