/**
 * What every valid collection's site must be, whatever its articles: every
 * article a page, every page valid HTML, every internal link resolving, axe
 * clean on every article page and on the pages that list them, no teaser
 * shown twice, each kept source's page showing its lines with its articles
 * linked to them, and list entries naming their publication except on the
 * publication's own pages. Nothing here names an article, a publication or a
 * count of today's content: editors may add, correct or remove any article
 * that passes `npm run check` and these still hold.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/archive/load-archive.ts";
import { siteConfigFromEnv } from "../../../src/archive/site-config.ts";
import type { Archive } from "../../../src/archive/build-archive.ts";
import { launchBrowser } from "../../support/browser.ts";
import { projectRoot } from "../../support/build-site.ts";
import { elements, hasClass, parseHtml, textOf } from "../../support/inspect-html.ts";
import { findBrokenLinks } from "./link-check.ts";
import { buildReaderSite, listHtmlFiles, type ReaderSite } from "./reader-site.ts";
import { axeViolations, validateHtml } from "./site-checks.ts";

/** Runs the checks on the site of the articles folder `prepare` gives (relative to the project, or absolute). */
export function describeCollectionSite(name: string, prepare: () => Promise<string>): void {
  let site: ReaderSite;
  let browser: Browser;
  let archive: Archive;

  beforeAll(async () => {
    const articles = await prepare();
    ({ archive } = await loadArchive({ root: projectRoot, site: siteConfigFromEnv({}), articlesDir: articles }));
    site = await buildReaderSite({ serve: true, articles });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The site's list pages of each kind, as the build made them. */
  const listPages = async () => {
    const pages = (await listHtmlFiles(site.output)).map((file) => `/${file.replace(/index\.html$/, "")}`);
    const publications = pages.filter((url) => /^\/publications\/[^/]+\/$/.test(url));
    const issues = pages.filter((url) => /^\/publications\/[^/]+\/issues\/[^/]+\/$/.test(url));
    const years = pages.filter((url) => /^\/\d{4}\/$/.test(url));
    const months = pages.filter((url) => /^\/\d{4}\/\d{2}\/$/.test(url));
    const sources = pages.filter((url) => /^\/sources\/[^/]+\/[^/]+\/$/.test(url));
    return { publications, issues, years, months, sources };
  };

  describe(name, () => {
    it("has a page for every article, and is valid HTML on every page", async () => {
      const files = await listHtmlFiles(site.output);
      for (const article of archive.articles) expect(files, article.file).toContain(`${article.permalink.slice(1)}index.html`);
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
      for (const article of archive.articles.filter((a) => a.summary)) {
        const document = parseHtml(await readFile(path.join(site.output, article.permalink, "index.html"), "utf8"));
        const all = [...elements(document)];
        const body = all.find((element) => hasClass(element, "article-body"));
        const dek = all.find((element) => hasClass(element, "dek"));
        expect(body, article.permalink).toBeDefined();
        if (dek) expect(collapse(textOf(body!)).startsWith(collapse(textOf(dek))), article.permalink).toBe(false);
      }
    });

    it("links each article from a kept source to its lines on the source's page, which shows every line of the file", async () => {
      for (const source of archive.sources) {
        const html = await readFile(path.join(site.output, source.url, "index.html"), "utf8");
        const kept = await readFile(path.join(projectRoot, source.file), "utf8");
        const lines = kept.split("\n").length - (kept.endsWith("\n") ? 1 : 0);
        expect(html.match(/<span class="line" id="L\d+">/g), source.url).toHaveLength(lines);
      }
      const shown = new Map(archive.sources.map((source) => [source.file, source.url]));
      for (const article of archive.articles) {
        if (!article.source) continue;
        const html = await readFile(path.join(site.output, article.permalink, "index.html"), "utf8");
        const url = shown.get(article.source.file);
        // A source the build could not show (check names why) costs the article its link, not the page.
        if (!url) {
          expect(html, article.permalink).not.toContain(`#L${article.source.lines[0]}"><code>`);
          continue;
        }
        expect(html, article.permalink).toContain(`<a href="${url}#L${article.source.lines[0]}"><code>${article.source.file}</code></a>`);
      }
    });

    it("names the publication on every list entry but on the publication's own pages, with one separator between parts", async () => {
      const { publications, issues, years, months } = await listPages();
      // A phone's width, where the entry's parts run on one line between separators, and a desktop's, where they stack.
      for (const width of [390, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        try {
          const page: Page = await context.newPage();
          const entries = async (url: string) => {
            expect((await page.goto(site.url + url, { waitUntil: "load" }))?.status(), url).toBe(200);
            return page.locator(".list-articles .entry-meta").evaluateAll((metas) =>
              metas.map((meta) => ({
                line: (meta as HTMLElement).innerText.replace(/\s+/g, " ").trim(),
                name: meta.querySelector(".entry-publication")?.textContent?.replace(/\s+/g, " ").trim() ?? "",
              })),
            );
          };
          for (const url of ["/", ...years, ...months, ...publications, ...issues]) {
            const own = url.startsWith("/publications/");
            for (const { line, name } of await entries(url)) {
              if (own) expect(name === "" || !line.includes(name), `${url} at ${width} px: ${line}`).toBe(true);
              else expect(name !== "" && line.includes(name), `${url} at ${width} px: ${line}`).toBe(true);
              // The separator before a part left out goes with it: no "·" twice in a row, none at either end.
              expect(line, `${url} at ${width} px`).toMatch(/^[^·]+( · [^·]+)*$/);
            }
          }
        } finally {
          await context.close();
        }
      }
    }, 300_000);

    it("has no axe violation on any article page, nor on the pages that list them", async () => {
      const { publications, issues, years, sources } = await listPages();
      const lists = ["/", "/tags/", ...publications, ...issues, ...years, ...sources];
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      try {
        const page: Page = await context.newPage();
        const problems: string[] = [];
        for (const url of [...lists, ...archive.articles.map((article) => article.permalink)]) {
          const response = await page.goto(site.url + url, { waitUntil: "load" });
          expect(response?.status(), url).toBe(200);
          for (const violation of await axeViolations(page)) problems.push(`${url} ${violation}`);
        }
        expect(problems, problems.slice(0, 20).join("\n")).toEqual([]);
      } finally {
        await context.close();
      }
    }, 300_000);
  });
}
