/**
 * The search page shows a search's matches by month, split by publication,
 * once the reader opens the chart: bars for the eye and a table for everyone, counted as `npm run search --
 * --count-by month` counts (undated articles and dates looser than a month
 * apart), redrawn as the query changes, hidden when nothing matches, and
 * within a 390-pixel-wide screen.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runSearch } from "./research-site.ts";
import { researchSiteInChromium, searchReady, typeQuery } from "./search-page-session.ts";

/** The chart is folded behind its button until the reader opens it. */
async function openChart(page: Page): Promise<void> {
  const toggle = page.locator("button.search-timeline-toggle");
  await toggle.waitFor({ state: "visible" });
  expect(await toggle.getAttribute("aria-expanded")).toBe("false");
  await toggle.click();
  expect(await toggle.getAttribute("aria-expanded")).toBe("true");
}

const chromium = researchSiteInChromium();

/** `--count-by month` for a query, optionally within one publication: period -> articles. */
function cliCounts(query: string, publication?: string): Record<string, number> {
  const { code, stdout, stderr } = runSearch([
    query,
    "--count-by",
    "month",
    "--json",
    ...(publication ? ["--publication", publication] : []),
    "--db",
    chromium.site.file("/data/archive.sqlite"),
  ]);
  expect(code, stderr).toBe(0);
  return Object.fromEntries((JSON.parse(stdout) as Array<{ period: string; articles: number }>).map((c) => [c.period, c.articles]));
}

/** The chart's table (folded or not): header cells, then each row's label and cells. */
async function chartTable(page: Page): Promise<{ head: string[]; rows: string[][] }> {
  const table = page.locator("#search-timeline table");
  return {
    head: await table.locator("thead th").evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? "").trim())),
    rows: await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? "").trim()))),
  };
}

const monthLabel = (month: string) =>
  new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));

/** The search page searched for `query`, its chart opened and shown. */
async function chartFor(query: string) {
  const page = await chromium.open("/search/");
  await searchReady(page);
  await typeQuery(page, query);
  await openChart(page);
  const figure = page.locator("#search-timeline");
  await figure.waitFor({ state: "visible" });
  return { page, figure };
}

describe("the chart of matches by month", () => {
  it("counts each month, undated and looser dates apart, by publication, as --count-by month does", async () => {
    const { page, figure } = await chartFor("peru");
    await expect.poll(() => page.locator("pagefind-summary").innerText()).toMatch(/^\d+ results for peru$/);
    const { head, rows } = await chartTable(page);
    expect(head[0]).toBe("Month");
    expect(head.at(-1)).toBe("All");
    const publications = head.slice(1, -1);
    expect(publications.length).toBeGreaterThan(1);

    const total = cliCounts("peru");
    const expectedLabels = Object.keys(total).map((period) =>
      period === "undated" ? "Undated" : period === "wider" ? "Dated to a year or a span" : monthLabel(period),
    );
    expect(rows.map((row) => row[0])).toEqual(expectedLabels);
    expect(rows.map((row) => Number(row.at(-1)))).toEqual(Object.values(total));
    // Every month between the first and the last has its row, 0 where nothing matched.
    expect(Object.keys(total).filter((p) => /^\d{4}-\d{2}$/.test(p)).length).toBeGreaterThan(2);
    publications.forEach((publication, column) => {
      const own = cliCounts("peru", publication);
      expect(
        rows.map((row) => Number(row[column + 1])),
        publication,
      ).toEqual(Object.keys(total).map((period) => own[period] ?? 0));
    });

    // The bars are for the eye: hidden from screen readers, who have the sentence and the table.
    expect(await figure.locator("figcaption").innerText()).toBe("Matches by month");
    expect(await figure.locator(".search-timeline-bars").getAttribute("aria-hidden")).toBe("true");
    expect(await figure.locator(".search-timeline-bar").count()).toBe(Object.keys(total).filter((p) => /^\d{4}-\d{2}$/.test(p)).length);
    expect(await figure.locator(".search-timeline-summary").innerText()).toMatch(
      /^\d+ dated to a month, from \w+ \d{4} to \w+ \d{4}; most in \w+ \d{4} \(\d+\)\.$/,
    );
    expect(await figure.locator(".search-timeline-apart").innerText()).toContain(`Undated: ${total.undated}`);
    // The filter it is drawn from is not one of the filters readers pick.
    expect(await page.locator('.pf-filter-group[data-filter-name="timeline"]').isVisible()).toBe(false);
  });

  it("is redrawn for a new query and hidden when nothing matches", async () => {
    const { page, figure } = await chartFor("peru");
    await typeQuery(page, "juliaca");
    const juliaca = cliCounts("juliaca");
    await expect.poll(async () => (await chartTable(page)).rows.map((row) => Number(row.at(-1)))).toEqual(Object.values(juliaca));
    await typeQuery(page, "zzxqv");
    await expect.poll(() => figure.isHidden()).toBe(true);
  });

  it("fits a 390-pixel-wide screen", async () => {
    const page = await chromium.open("/search/?q=peru");
    await page.setViewportSize({ width: 390, height: 844 });
    await openChart(page);
    const figure = page.locator("#search-timeline");
    await figure.waitFor({ state: "visible" });
    await page.locator("#search-timeline summary").click();
    await page.locator("#search-timeline table").waitFor({ state: "visible" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await figure.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});
