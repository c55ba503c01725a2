/**
 * The search page on a phone (390 x 844): the filters fold behind a button
 * that says how many are set, so the first result is on the first screen;
 * the button is a real one, worked from the keyboard; without JavaScript the
 * page says how else to find articles.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useServedReaderSite } from "./support/reader-site.ts";
import { RESULT_LINK } from "./support/search-page.ts";

const served = useServedReaderSite();
const PHONE = { width: 390, height: 844 };

async function onPhone<T>(run: (page: Page) => Promise<T>, options: { javaScriptEnabled?: boolean } = {}): Promise<T> {
  const context = await served.browser.newContext({ viewport: PHONE, ...options });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

const toggle = (page: Page) => page.locator("button.search-filters-toggle");
const filterPane = (page: Page) => page.locator("#search-filters");

describe("the search page on a 390 x 844 phone", () => {
  it("shows the first result without scrolling after a search, the filters folded", async () => {
    await onPhone(async (page) => {
      await page.goto(`${served.site.url}/search/`);
      const input = page.locator("pagefind-input input");
      await input.waitFor();
      await input.fill("consequat");
      const first = page.locator(RESULT_LINK).first();
      await first.waitFor();
      expect(await toggle(page).getAttribute("aria-expanded")).toBe("false");
      expect(await filterPane(page).isVisible()).toBe(false);
      const box = await first.boundingBox();
      expect(box).not.toBeNull();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    });
  });

  it("opens and folds the filters from the keyboard, and counts the filters set", async () => {
    await onPhone(async (page) => {
      await page.goto(`${served.site.url}/search/?q=consequat`);
      await page.locator(RESULT_LINK).first().waitFor();
      const button = toggle(page);
      expect(await button.evaluate((element) => element.tagName)).toBe("BUTTON");
      expect(await button.getAttribute("aria-controls")).toBe("search-filters");
      await button.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => button.getAttribute("aria-expanded")).toBe("true");
      await expect.poll(() => filterPane(page).isVisible()).toBe(true);
      const spanish = page.locator("pagefind-filter-pane label.pf-filter-checkbox", { hasText: "Español" });
      await spanish.locator("input").check();
      await expect.poll(() => button.innerText()).toMatch(/\(1\b/);
      await button.focus();
      await page.keyboard.press("Space");
      await expect.poll(() => button.getAttribute("aria-expanded")).toBe("false");
      await expect.poll(() => filterPane(page).isVisible()).toBe(false);
      expect(await button.innerText()).toMatch(/\(1\b/);
    });
  });

  it("counts the filters of a shared address before any is touched", async () => {
    await onPhone(async (page) => {
      await page.goto(`${served.site.url}/search/?q=consequat&language=Espa%C3%B1ol`);
      await page.locator(RESULT_LINK).first().waitFor();
      await expect.poll(() => toggle(page).innerText()).toMatch(/\(1\b/);
    });
  });

  it("shows no filters button without JavaScript, and says where else to look", async () => {
    await onPhone(
      async (page) => {
        await page.goto(`${served.site.url}/search/`);
        expect(await toggle(page).isVisible()).toBe(false);
        expect(await page.locator("main noscript, main p a[href='/years/']").count()).toBeGreaterThan(0);
        expect(await page.locator("main a[href='/years/']").first().isVisible()).toBe(true);
      },
      { javaScriptEnabled: false },
    );
  });
});

describe("the search page on a wide screen", () => {
  it("folds the filters behind their button too, and shows them beside the results once opened", async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${served.site.url}/search/?q=consequat`);
      const first = page.locator(RESULT_LINK).first();
      await first.waitFor();
      expect(await filterPane(page).isVisible()).toBe(false);
      await toggle(page).click();
      await page.locator("pagefind-filter-pane .pf-filter-group").first().waitFor();
      const pane = await filterPane(page).boundingBox();
      const result = await first.boundingBox();
      // Beside, not above: the pane's column ends before the results' begins.
      expect(pane!.x + pane!.width).toBeLessThanOrEqual(result!.x);
    } finally {
      await context.close();
    }
  });
});
