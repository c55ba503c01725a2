/**
 * The key pages load in Chromium, under the site's own Content-Security-Policy,
 * with an empty console: no error, no failed request, no policy violation,
 * and on the search page none either while searching.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { KEY_PAGES, type KeyPage, useServedReaderSite } from "./support/reader-site.ts";
import { searchFor } from "./support/search-page.ts";
import { waitFor } from "../support/wait-for.ts";

const served = useServedReaderSite();

/** Everything that would show as a problem in the browser's console, as text. */
async function watch(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Runs before the page's own scripts; a policy violation is reported here even when the console is quiet.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return async () => [
    ...problems,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).map((v) => `CSP: ${v}`),
  ];
}

describe("the console watcher", () => {
  it("notices a policy violation (so silence below means something)", async () => {
    const context = await served.browser.newContext();
    try {
      const page = await context.newPage();
      const problems = await watch(page);
      await page.goto(served.site.url + KEY_PAGES.home, { waitUntil: "networkidle" });
      await page.evaluate(() => {
        const style = document.createElement("style");
        style.textContent = "body { color: red }";
        document.head.append(style);
      });
      await waitFor(
        "the policy violation to be reported",
        async () => ((await problems()).some((p) => p.startsWith("CSP: style-src")) ? true : undefined),
        { ms: 10_000 },
      );
    } finally {
      await context.close();
    }
  });
});

describe("an empty console", () => {
  for (const [name, url] of Object.entries(KEY_PAGES) as Array<[KeyPage, string]>) {
    it(`on the ${name} page (${url})`, async () => {
      const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const problems = await watch(page);
        const response = await page.goto(served.site.url + url, { waitUntil: "networkidle" });
        expect(response?.status()).toBe(200);
        if (name === "search") {
          const found = await searchFor(page, "consequat").catch(async (error: Error) => {
            throw new Error(`${error.message}\nThe console said:\n${(await problems()).join("\n")}`, { cause: error });
          });
          expect(found).toBeGreaterThan(0);
          await page.waitForLoadState("networkidle");
        }
        expect(await problems()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("on an article opened from a search result (`?highlight=`)", async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = await watch(page);
      await page.goto(`${served.site.url}${KEY_PAGES.article}?highlight=consequat`, { waitUntil: "networkidle" });
      expect(await problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("on every page the policy is the site's own, and only search and article pages run a script", async () => {
    const context = await served.browser.newContext();
    try {
      const page = await context.newPage();
      for (const [name, url] of Object.entries(KEY_PAGES) as Array<[KeyPage, string]>) {
        await page.goto(served.site.url + url);
        const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
        expect(policy, url).toContain("script-src 'self' 'wasm-unsafe-eval'");
        expect(policy, url).toContain("object-src 'none'");
        const scripts = await page
          .locator('script:not([type="application/ld+json"])')
          .evaluateAll((list) => list.map((s) => s.getAttribute("src")));
        if (name === "search") expect(scripts.length, url).toBeGreaterThan(0);
        // An article may carry the search highlighter (marks the words a reader searched for), nothing else.
        else if (name === "article") expect(scripts, url).toEqual(["/search-highlight.js"]);
        else expect(scripts, url).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
