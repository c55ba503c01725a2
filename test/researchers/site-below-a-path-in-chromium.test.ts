/**
 * A site served below a path, as GitHub serves a project's pages
 * (`https://<owner>.github.io/<repo>/`): built with `SITE_URL` naming the
 * path and served only there, every link and asset resolves below it, and
 * the search page (several bundles, so bundles.json is read too) finds,
 * sorts and opens articles with their words highlighted, requesting nothing
 * outside the path and showing no console error.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { findBrokenLinks } from "../readers/support/link-check.ts";
import { listHtmlFiles } from "../readers/support/reader-site.ts";
import { searchReady, typeQuery, researchSiteInChromium, waitForTitles } from "./search-page-session.ts";

const PREFIX = "/hemeroteca/";
const SITE_URL = "https://archive.example.net/hemeroteca";
const chromium = researchSiteInChromium({ SITE_URL, HEMEROTECA_SEARCH_SHARD_SIZE: "2" }, { prefix: PREFIX });

/** What the server was asked for since `before` requests (pages, stylesheets, scripts, Pagefind's files from its worker). */
const requestedSince = (before: number) => chromium.requested().slice(before);

const resultHrefs = (page: Page) =>
  page.locator(".search-result .pf-result-link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));

describe("a site served below a path", () => {
  it("links every page, asset and feed below the path, and nothing breaks", async () => {
    const pages = await listHtmlFiles(chromium.site.output);
    const report = await findBrokenLinks(chromium.site.output, pages, SITE_URL);
    expect(report.checked).toBeGreaterThan(pages.length * 10);
    expect(report.broken, report.broken.slice(0, 40).join("\n")).toEqual([]);
  });

  it("searches every bundle and sorts by date, all below the path", async () => {
    const before = chromium.requested().length;
    const page = await chromium.open(`${PREFIX}search/`);
    await searchReady(page);
    await typeQuery(page, "peru");
    await waitForTitles(page, (titles) => titles.length >= 7);
    const hrefs = await resultHrefs(page);
    for (const href of hrefs) expect(href).toMatch(/^\/hemeroteca\/(?:\d{4}|undated)\//);

    await page.locator("#search-sort").selectOption("newest");
    await expect
      .poll(async () => (await resultHrefs(page)).at(-1), { timeout: 5000 })
      .toMatch(/^\/hemeroteca\/undated\/comunicado-del-sindicato-de-maestros\//);
    const requested = requestedSince(before);
    expect(
      requested.filter((path) => path.startsWith(`${PREFIX}pagefind/`) && path.endsWith("pagefind-entry.json")).length,
    ).toBeGreaterThan(4);
    expect(requested.filter((path) => !path.startsWith(PREFIX))).toEqual([]);
  });

  it("opens a result with the searched word highlighted, all below the path", async () => {
    const before = chromium.requested().length;
    const page = await chromium.open(`${PREFIX}search/?q=aeropuerto`);
    const link = page.locator(".search-result .pf-result-link", { hasText: "Masacre en Juliaca" });
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/hemeroteca\/2023\/01\/10\/masacre-en-juliaca\/\?highlight=aeropuerto/);
    const mark = page.locator(".article mark.pagefind-highlight").first();
    await mark.waitFor();
    expect(await mark.innerText()).toBe("aeropuerto");
    const requested = requestedSince(before);
    expect(requested).toContain(`${PREFIX}pagefind/pagefind-highlight.js`);
    expect(requested.filter((path) => !path.startsWith(PREFIX))).toEqual([]);
  });

  it("links, from an address that does not exist, the nearest page below the path", async () => {
    const page = await chromium.open(`${PREFIX}2023/01/10/no-such-article/`);
    const link = page.locator("#nearest-page a");
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`${PREFIX}2023/01/`);
    await link.click();
    await page.waitForURL(new RegExp(`${PREFIX}2023/01/$`));
    expect(await page.locator("h1").textContent()).toContain("January 2023");
    // The one thing the console may show: the missing page's own status, which is the point. Taken off
    // the live list, so that the check after the test still finds any other problem.
    const problems = chromium.problems();
    expect(problems).toEqual(["error: Failed to load resource: the server responded with a status of 404 (Not Found)"]);
    problems.splice(0, 1);
  });
});
