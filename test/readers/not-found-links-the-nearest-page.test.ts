/**
 * The page static hosts serve for an address that does not exist links, in
 * Chromium, the nearest archive page that does: a day's address leads to its
 * month, an address below a tag to the tag, and one with no archive page
 * above it to nothing more than the page already offers.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useServedReaderSite } from "./support/reader-site.ts";

const served = useServedReaderSite();

/** Opens `address` on the served site; answers the status and the "nearest page" link, if one is shown. */
async function nearestPageFrom(
  page: Page,
  address: string,
): Promise<{ status: number | undefined; link?: { href: string; text: string } }> {
  const response = await page.goto(served.site.url + address, { waitUntil: "networkidle" });
  const status = response?.status();
  const shown = await page.locator("#nearest-page").isVisible();
  if (!shown) return { status };
  const link = page.locator("#nearest-page a");
  return { status, link: { href: (await link.getAttribute("href")) ?? "", text: (await link.textContent()) ?? "" } };
}

describe("the page for an address that does not exist", () => {
  it("links a day's address to its month, and the link opens", async () => {
    const page = await served.browser.newPage();
    try {
      expect(await nearestPageFrom(page, "/2020/01/01/")).toEqual({ status: 404, link: { href: "/2020/01/", text: "January 2020" } });
      // A mistyped article address, below its day.
      expect((await nearestPageFrom(page, "/2020/01/01/aliqua-consequat-mistyped/")).link?.href).toBe("/2020/01/");
      await page.locator("#nearest-page a").click();
      await page.waitForURL(`${served.site.url}/2020/01/`);
      await expect(page.locator("h1").textContent()).resolves.toContain("January 2020");
    } finally {
      await page.close();
    }
  });

  it("links an address below a list to the list, the longest that exists", async () => {
    const page = await served.browser.newPage();
    try {
      expect((await nearestPageFrom(page, "/tags/magna-aliqua/page/99/")).link).toEqual({
        href: "/tags/magna-aliqua/",
        text: expect.stringMatching(/^Tag: /),
      });
      expect((await nearestPageFrom(page, "/tags/no-such-tag/")).link).toEqual({ href: "/tags/", text: "Tags" });
      // A month with no articles has no page: its year is the nearest.
      expect((await nearestPageFrom(page, "/2022/13/")).link).toEqual({ href: "/2022/", text: "2022" });
    } finally {
      await page.close();
    }
  });

  it("offers nothing more where no archive page is above the address", async () => {
    const page = await served.browser.newPage();
    try {
      expect(await nearestPageFrom(page, "/no-such-page/")).toEqual({ status: 404 });
      expect(await nearestPageFrom(page, "/404.html")).toEqual({ status: 200 });
    } finally {
      await page.close();
    }
  });
});
