/**
 * The default collection (content/articles), as readers get it. The reader
 * fixture covers every kind of page with placeholder text; this covers the
 * text the importer took from the sources, with its quotes, lists, links and
 * headings: every page is valid HTML, every internal link resolves, and axe
 * finds no violation on any article page, nor on the home page or a
 * publication, tag or year page. Most of its articles are listing teasers,
 * kept as both summary and body: no page shows one twice. A publication's
 * page and its issue's do not name the publication on every entry.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { launchBrowser } from "../support/browser.ts";
import { projectRoot } from "../support/build-site.ts";
import { elements, hasClass, parseHtml, textOf } from "../security/support/inspect-html.ts";
import { findBrokenLinks } from "./link-check.ts";
import { buildReaderSite, listHtmlFiles, type ReaderSite } from "./reader-site.ts";
import { axeViolations, validateHtml } from "./site-checks.ts";

const ARTICLES = "content/articles";

let site: ReaderSite;
let browser: Browser;
let articlePages: string[];
/** Pages of the articles that have a summary. */
let summarized: string[];
/** Articles imported from a kept source: their page, their source file and its first line. */
let sourced: Array<{ url: string; file: string; line: number }>;

beforeAll(async () => {
  site = await buildReaderSite({ serve: true, articles: ARTICLES });
  browser = await launchBrowser();
  const { archive } = await loadArchive({ root: projectRoot, site: siteConfigFromEnv({}), articlesDir: ARTICLES });
  articlePages = archive.articles.map((article) => article.permalink);
  summarized = archive.articles.filter((article) => article.summary).map((article) => article.permalink);
  sourced = archive.articles.flatMap((article) => (article.source ? [{ url: article.permalink, file: article.source.file, line: article.source.lines[0] }] : []));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("the default collection's site", () => {
  it("is valid HTML on every page", async () => {
    const files = await listHtmlFiles(site.output);
    expect(files.length).toBeGreaterThan(articlePages.length);
    const problems = await validateHtml(site.output, files);
    expect(problems, problems.slice(0, 40).join("\n")).toEqual([]);
  });

  it("has no broken internal link", async () => {
    const pages = await listHtmlFiles(site.output);
    const report = await findBrokenLinks(site.output, pages, siteConfigFromEnv().baseUrl);
    expect(report.broken, report.broken.slice(0, 40).join("\n")).toEqual([]);
  });

  it("shows no teaser twice: a dek never repeats the words the body opens with", async () => {
    const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
    expect(summarized.length).toBeGreaterThan(20);
    for (const url of summarized) {
      const document = parseHtml(await readFile(path.join(site.output, url, "index.html"), "utf8"));
      const all = [...elements(document)];
      const body = all.find((element) => hasClass(element, "article-body"));
      const dek = all.find((element) => hasClass(element, "dek"));
      expect(body, url).toBeDefined();
      if (dek) expect(collapse(textOf(body!)).startsWith(collapse(textOf(dek))), url).toBe(false);
    }
  });

  it("links every article to its lines on its source's page, which shows every line of the kept file", async () => {
    expect(sourced.length).toBe(articlePages.length);
    const pages = new Map<string, string>();
    for (const { url, file, line } of sourced) {
      const html = await readFile(path.join(site.output, url, "index.html"), "utf8");
      const href = new RegExp(`<a href="(/sources/[^"#]+/)#L${line}"><code>${file}</code></a>`).exec(html)?.[1];
      expect(href, url).toBeDefined();
      pages.set(href!, file);
    }
    expect(pages.size).toBe(4);
    for (const [href, file] of pages) {
      const html = await readFile(path.join(site.output, href, "index.html"), "utf8");
      const kept = await readFile(path.join(projectRoot, file), "utf8");
      const lines = kept.split("\n").length - (kept.endsWith("\n") ? 1 : 0);
      expect(html.match(/<span class="line" id="L\d+">/g), href).toHaveLength(lines);
      for (const { line } of sourced.filter((s) => s.file === file)) expect(html, `${href}#L${line}`).toContain(`id="L${line}"`);
    }
  });

  it("does not repeat a publication's name on every entry of its own page or its issues', nor an issue's on its own, and shows them elsewhere", async () => {
    // A phone's width, where the entry's parts run on one line between separators, and a desktop's, where they stack.
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page: Page = await context.newPage();
        const metaLines = async (url: string) => {
          expect((await page.goto(site.url + url, { waitUntil: "load" }))?.status(), url).toBe(200);
          return page.locator(".list-articles .entry-meta").evaluateAll((metas) => metas.map((meta) => (meta as HTMLElement).innerText.replace(/\s+/g, " ").trim()));
        };
        for (const url of ["/publications/international-workers-organizer/", "/publications/international-workers-organizer/issues/n-37/"]) {
          const lines = await metaLines(url);
          expect(lines.length, `${url} at ${width} px`).toBe(17);
          for (const line of lines) {
            expect(line, `${url} at ${width} px`).not.toContain("International Workers Organizer");
            // The separator before the name goes with it: no "·" twice in a row, none at either end.
            expect(line, `${url} at ${width} px`).toMatch(/^[^·]+( · [^·]+)*$/);
          }
          // On the issue's own page the entry names its page only: every entry there is of N° 37.
          const issueAndPage = url.includes("/issues/") ? "p. 21" : "N° 37, p. 21";
          expect(lines, `${url} at ${width} px`).toContain(width < 600 ? `31 January 2023 · ${issueAndPage}` : `31 January 2023 ${issueAndPage}`);
        }
        const elsewhere = await metaLines("/2023/01/");
        expect(elsewhere.length).toBeGreaterThan(10);
        for (const line of elsewhere) expect(line, `/2023/01/ at ${width} px`).toContain("International Workers Organizer");
      } finally {
        await context.close();
      }
    }
  });

  it("has no axe violation on any article page, nor on the pages that list them", async () => {
    expect(articlePages.length).toBeGreaterThan(40);
    const lists = ["/", "/publications/peoples-dispatch/", "/publications/international-workers-organizer/", "/publications/international-workers-organizer/issues/n-37/", "/sources/peoples-dispatch/004_f9e21679d1a1e6f1/", "/tags/", "/2023/"];
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      const page: Page = await context.newPage();
      const problems: string[] = [];
      for (const url of [...lists, ...articlePages]) {
        const response = await page.goto(site.url + url, { waitUntil: "load" });
        expect(response?.status(), url).toBe(200);
        for (const violation of await axeViolations(page)) problems.push(`${url} ${violation}`);
      }
      expect(problems, problems.slice(0, 20).join("\n")).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
