/**
 * axe-core in Chromium on one page of each kind, in the light and the dark
 * theme (contrast differs), with no violation at all. axe is injected from its
 * file with `bypassCSP`, since the site's policy (rightly) refuses injected scripts.
 */
import { describe, expect, it } from "vitest";
import { KEY_PAGES, type KeyPage, useServedReaderSite } from "./support/reader-site.ts";
import { searchFor } from "./support/search-page.ts";
import { axeViolations } from "./support/site-checks.ts";

const served = useServedReaderSite();

describe("axe finds no violation", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const [name, url] of Object.entries(KEY_PAGES) as Array<[KeyPage, string]>) {
      it(`on the ${name} page (${url}) in the ${scheme} theme`, async () => {
        const context = await served.browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width: 1280, height: 900 } });
        try {
          const page = await context.newPage();
          await page.goto(served.site.url + url, { waitUntil: "networkidle" });
          // The search page is audited with results on screen, filters and all.
          if (name === "search") await searchFor(page, "consequat");
          expect(await axeViolations(page)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe("the audit", () => {
  it("reports a violation when there is one", async () => {
    const context = await served.browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.setContent('<!DOCTYPE html><html lang="en"><title>t</title><main><img src="data:,"><a href="/x"></a></main></html>');
      const violations = await axeViolations(page);
      expect(
        violations.some((line) => line.includes("image-alt")),
        violations.join("\n"),
      ).toBe(true);
      expect(
        violations.some((line) => line.includes("link-name")),
        violations.join("\n"),
      ).toBe(true);
    } finally {
      await context.close();
    }
  });
});
