/**
 * Screenshots of the key pages at a phone's (390 px) and a desktop's (1280 px)
 * width, light and dark, saved under `screenshots/` (git-ignored) for people to
 * review; and no page sticks out sideways, down to 320 px.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { projectRoot } from "../support/build-site.ts";
import { buildReaderSite, KEY_PAGES, type KeyPage, type ReaderSite } from "./support/reader-site.ts";
import { searchFor } from "./support/search-page.ts";

const folder = path.join(projectRoot, "screenshots");

/** Pages of every other kind, checked for width only. */
const OTHER_PAGES = [
  "/years/",
  "/2022/12/",
  "/undated/",
  "/tags/",
  "/publications/",
  "/authors/",
  "/languages/es/",
  "/articles/page/2/",
  "/404.html",
];

let site: ReaderSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildReaderSite({ serve: true });
  browser = await launchBrowser();
  await mkdir(folder, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe("screenshots of the key pages", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const width of [390, 1280]) {
      it(`are saved at ${width} px wide in the ${scheme} theme`, async () => {
        const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme: scheme });
        try {
          const page = await context.newPage();
          for (const [name, url] of Object.entries(KEY_PAGES) as Array<[KeyPage, string]>) {
            const response = await page.goto(site.url + url, { waitUntil: "networkidle" });
            expect(response?.status(), url).toBe(200);
            // The search page is shown the way readers see it most: with results.
            if (name === "search") {
              await searchFor(page, "consequat");
              await page.waitForLoadState("networkidle");
            }
            // Search results load as they scroll into view, so the search page is shot as one screenful.
            await page.screenshot({ path: path.join(folder, `${name}-${width}-${scheme}.png`), fullPage: name !== "search" });
            expect(await horizontalOverflow(page), `${url} is wider than ${width} px`).toBeLessThanOrEqual(0);
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe("a narrow phone (320 px)", () => {
  it("shows every kind of page without sideways scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      for (const url of [...Object.values(KEY_PAGES), ...OTHER_PAGES]) {
        await page.goto(site.url + url, { waitUntil: url === KEY_PAGES.search ? "networkidle" : "load" });
        expect(await horizontalOverflow(page), `${url} is wider than 320 px`).toBeLessThanOrEqual(0);
      }
    } finally {
      await context.close();
    }
  });
});
