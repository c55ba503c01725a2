/** An article page with everything it loads (its stylesheet first of all) stays under 30 KB. */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KEY_PAGES, listHtmlFiles, useServedReaderSite } from "./reader-site.ts";

const BUDGET = 30_000;

const served = useServedReaderSite();

describe("page weight", () => {
  it(`an article page and all it loads weigh under ${BUDGET / 1000} KB`, async () => {
    const context = await served.browser.newContext();
    try {
      const page = await context.newPage();
      const sizes = new Map<string, number>();
      page.on("response", async (response) => {
        sizes.set(response.url(), (await response.body().catch(() => Buffer.alloc(0))).length);
      });
      await page.goto(served.site.url + KEY_PAGES.article, { waitUntil: "networkidle" });
      const urls = [...sizes.keys()].map((u) => new URL(u).pathname);
      expect(urls).toContain("/styles.css");
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      expect(total, JSON.stringify(Object.fromEntries(sizes))).toBeLessThan(BUDGET);
    } finally {
      await context.close();
    }
  });

  it("the heaviest article page of the fixture, with the stylesheet, is under budget too", async () => {
    const css = (await stat(path.join(served.site.output, "styles.css"))).size;
    const articles = [];
    for (const file of await listHtmlFiles(served.site.output)) {
      const text = await readFile(path.join(served.site.output, file), "utf8");
      if (text.includes('class="article"')) articles.push({ file, size: Buffer.byteLength(text) });
    }
    expect(articles.length).toBe(54);
    const heaviest = articles.sort((a, b) => b.size - a.size)[0]!;
    expect(heaviest.size + css, `${heaviest.file}: ${heaviest.size} + styles.css ${css}`).toBeLessThan(BUDGET);
  });
});
