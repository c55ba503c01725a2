/** Issue 2 end to end: a fixture archive is built by the real configuration and its output inspected. */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../support/build-site.ts";

let build: BuildResult;
const read = (file: string) => readFileSync(path.join(build.output, file), "utf8");
const exists = (file: string) => existsSync(path.join(build.output, file));

const SITE_URL = "https://archive.example.net";
const ARTICLES = {
  "police-massacre-in-juliaca": "/2023/01/09/police-massacre-in-juliaca/",
  "masacre-en-juliaca": "/2022/12/masacre-en-juliaca/",
  "an-undated-teaser-about-the-national-strike": "/undated/an-undated-teaser-about-the-national-strike/",
  "a-year-only-article": "/2021/a-year-only-article/",
  "un-articulo-entre-dos-meses": "/2022/un-articulo-entre-dos-meses/",
};

beforeAll(() => {
  // Without caches: a main search index kept from another fixture's build would stand beside this one's recent index.
  build = buildSite("test/fixtures/basic/content/articles", { env: { SITE_URL }, cacheDir: false });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
});

describe("the built archive", () => {
  it("has a page for every article at its dated address", () => {
    for (const url of Object.values(ARTICLES)) expect(exists(`${url}index.html`), url).toBe(true);
  });

  it("has a JSONL record for every article with id, url and text", () => {
    const records = read("data/archive.jsonl")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    // The address on the site, with its host and path (SITE_URL).
    expect(Object.fromEntries(records.map((r) => [r.id, r.url]))).toEqual(
      Object.fromEntries(Object.entries(ARTICLES).map(([id, url]) => [id, `${SITE_URL}${url}`])),
    );
    const juliaca = records.find((r) => r.id === "police-massacre-in-juliaca")!;
    expect(juliaca).toMatchObject({
      title: "Police massacre in Juliaca",
      language: "en",
      date: "2023-01-09",
      tags: ["repression", "Juliaca"],
      text: "Some text about Juliaca.",
    });
    expect(records.find((r) => r.id === "un-articulo-entre-dos-meses")).toMatchObject({
      originalUrl: "https://example.org/articulo",
      source: { lines: [4, 6] },
    });
  });

  it("has year, month, undated, tag, publication, author and language archives with counts", () => {
    for (const page of [
      "2023/",
      "2023/01/",
      "2022/",
      "2022/12/",
      "2021/",
      "undated/",
      "years/",
      "tags/",
      "tags/strike/",
      "tags/juliaca/",
      "publications/",
      "publications/fight-back-news/",
      "authors/jim-byrne/",
      "languages/",
      "languages/es/",
      "search/",
      "articles/",
      "404.html",
    ]) {
      expect(exists(page.endsWith(".html") ? page : `${page}index.html`), page).toBe(true);
    }
    expect(read("2022/index.html")).toContain("2 articles");
    // A month archive holds only dates that lie wholly in that month.
    expect(read("2022/12/index.html")).toContain("Masacre en Juliaca");
    expect(read("2022/12/index.html")).not.toContain("Un artículo entre dos meses");
    expect(read("tags/strike/index.html")).toContain("2 articles");
  });

  it("shows dates honestly for their precision", () => {
    expect(read("2021/a-year-only-article/index.html")).toContain("c. 2021");
    expect(read("2022/un-articulo-entre-dos-meses/index.html")).toContain("between December 2022 and January 2023");
    expect(read("undated/an-undated-teaser-about-the-national-strike/index.html")).toContain("undated");
  });

  it("links translations both ways and shows provenance", () => {
    expect(read("2022/12/masacre-en-juliaca/index.html")).toMatch(
      /Also in <a href="\/2023\/01\/09\/police-massacre-in-juliaca\/" hreflang="en"/,
    );
    expect(read("2023/01/09/police-massacre-in-juliaca/index.html")).toMatch(
      /Also in <a href="\/2022\/12\/masacre-en-juliaca\/" hreflang="es"/,
    );
    const page = read("2022/un-articulo-entre-dos-meses/index.html");
    expect(page).toContain("content/sources/peoples-dispatch/page.md</code>, lines 4–6");
    expect(page).toContain('href="https://example.org/articulo"');
  });

  it("escapes front-matter values", () => {
    const page = read("undated/an-undated-teaser-about-the-national-strike/index.html");
    expect(page).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt;");
    expect(page).not.toContain("<script>window.__pwned");
  });

  it("keeps an alias working as a redirect", () => {
    const page = read("undated/a-year-only-article/index.html");
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/2021/a-year-only-article/">');
  });

  it("writes Atom and JSON feeds of every article by the day it entered the archive, not by the build", () => {
    const atom = read("feed.xml");
    expect(XMLValidator.validate(atom)).toBe(true);
    const feed = new XMLParser().parse(atom) as {
      feed: { entry: Array<{ id: string; published: string; updated: string }>; updated: string };
    };
    const entries = feed.feed.entry;
    // Dated or not, every article is in the feed, under its permanent address.
    expect(entries.map((e) => e.id).sort()).toEqual(
      Object.keys(ARTICLES)
        .map((id) => `${SITE_URL}/a/${id}/`)
        .sort(),
    );
    const days = entries.map((e) => e.updated);
    expect(days).toEqual([...days].sort().reverse());
    expect(feed.feed.updated).toBe(days[0]);
    for (const day of days) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    const json = JSON.parse(read("feed.json")) as { items: Array<{ title: string }> };
    expect(json.items).toHaveLength(entries.length);
    expect(XMLValidator.validate(read("tags/strike/feed.xml"))).toBe(true);
    expect(XMLValidator.validate(read("publications/peoples-dispatch/feed.xml"))).toBe(true);
  });

  it("lists every page in the sitemap and points robots at it", () => {
    const sitemap = read("sitemap.xml");
    expect(XMLValidator.validate(sitemap)).toBe(true);
    for (const url of Object.values(ARTICLES)) expect(sitemap).toContain(`<loc>${SITE_URL}${url}</loc>`);
    expect(read("robots.txt")).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
  });

  it("puts a canonical link on every page", () => {
    expect(read("2023/01/09/police-massacre-in-juliaca/index.html")).toContain(
      `<link rel="canonical" href="${SITE_URL}/2023/01/09/police-massacre-in-juliaca/">`,
    );
  });

  it("indexes every article in one search index for both languages", () => {
    const entry = JSON.parse(read("pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(["en"]);
    expect(entry.languages.en!.page_count).toBe(5);
    expect(readdirSync(path.join(build.output, "pagefind/fragment"))).toHaveLength(5);
  });

  it("reports the tag spelt two ways as a warning without failing", () => {
    expect(build.stderr).toMatch(/tags\.0: tag `(Strike|strike)` differs from `(strike|Strike)` only in case or accents/);
  });
});

describe("a build with broken articles", () => {
  it("fails closed and names every broken file and field", () => {
    const result = buildSite("test/fixtures/fails-closed/content/articles");
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain(
      "test/fixtures/fails-closed/content/articles/p/bad-date.md 5:1 date: `2023-02-30`: there is no 30 February in 2023",
    );
    expect(output).toContain("test/fixtures/fails-closed/content/articles/p/typo.md 4:1 langauge: unknown field `langauge`");
    expect(output).toMatch(/typo\.md \d+:1 language: is required but missing/);
    expect(existsSync(path.join(result.output, "index.html"))).toBe(false);
  });

  it("leaves nothing in the cache, while a good build fills it", () => {
    const failedCache = mkdtempSync(path.join(tmpdir(), "hemeroteca-cache-"));
    expect(buildSite("test/fixtures/fails-closed/content/articles", { env: { HEMEROTECA_CACHE: failedCache } }).status).not.toBe(0);
    expect(readdirSync(failedCache, { recursive: true })).toEqual([]);
    const goodCache = mkdtempSync(path.join(tmpdir(), "hemeroteca-cache-"));
    expect(buildSite("test/fixtures/basic/content/articles", { env: { HEMEROTECA_CACHE: goodCache } }).status).toBe(0);
    expect(readdirSync(path.join(goodCache, "records")).length).toBeGreaterThan(0);
  });
});
