/**
 * Issue 6: the hostile corpus (valid files written by an attacker) builds, and
 * nothing in the output can run: every HTML page parsed with parse5, every
 * feed, the JSON Lines export and the sitemap parsed as what they are.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/records/article-record.ts";
import {
  attr,
  elements,
  findBodyProblems,
  findVectors,
  hasClass,
  parseHtml,
  parseHtmlFragment,
  textOf,
  type SiteRules,
} from "../support/inspect-html.ts";
import { buildHostileSite, HOSTILE_ROOT, hostileRecords, listBuiltFiles, markersFound, type HostileSite } from "../support/hostile-site.ts";
import { runCheck } from "../../src/check/index.ts";
import { projectRoot } from "../support/build-site.ts";

const SITE_URL = "https://archive.example.net";
let site: HostileSite;
let records: ArticleRecord[];
let rules: SiteRules;
const read = (file: string) => readFileSync(path.join(site.output, file), "utf8");

beforeAll(async () => {
  records = await hostileRecords();
  // With its address, so that it has a sitemap, which holds absolute addresses only.
  site = await buildHostileSite({ siteUrl: SITE_URL });
  const scripts = (await listBuiltFiles(site.output, ".js")).map((file) => `/${file}`);
  rules = { ownScripts: new Set(scripts), exists: (address) => existsSync(path.join(site.output, address)) };
});

afterAll(async () => {
  await site?.close();
});

describe("the hostile corpus, built", () => {
  it("builds every article, and no payload ran at build time", async () => {
    expect(records.length).toBeGreaterThanOrEqual(10);
    for (const record of records) expect(existsSync(path.join(site.output, record.permalink, "index.html")), record.file).toBe(true);
    expect(markersFound()).toEqual([]);
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("is valid: npm run check finds no error in it", async () => {
    const report = await runCheck({ root: path.join(projectRoot, HOSTILE_ROOT) });
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(report.articles).toBe(records.length);
  });

  it("builds with the network cut off, and never tries to reach it", () => {
    expect(site.networkAttempts).toEqual([]);
  });

  it("has no executable vector in any HTML page", async () => {
    const pages = await listBuiltFiles(site.output, ".html");
    expect(pages.length).toBeGreaterThan(records.length);
    const found = pages.flatMap((file) => findVectors(parseHtml(read(file)), rules, file));
    expect(found).toEqual([]);
  });

  it("keeps article bodies to the sanitize schema, with every id and name prefixed", () => {
    const found: string[] = [];
    for (const record of records) {
      const file = `${record.permalink.slice(1)}index.html`;
      const bodies = [...elements(parseHtml(read(file)))].filter((e) => hasClass(e, "article-body"));
      expect(bodies, file).toHaveLength(1);
      found.push(...findBodyProblems(bodies[0]!, file));
    }
    expect(found).toEqual([]);
  });

  it("keeps in-page anchors working although ids are prefixed", () => {
    const page = parseHtml(read("2022/12/20/clobbering-the-pages-own-names/index.html"));
    const ids = new Set([...elements(page)].map((e) => attr(e, "id")).filter(Boolean));
    const anchors = [...elements(page)].map((e) => attr(e, "href")).filter((href): href is string => Boolean(href?.startsWith("#")));
    expect(anchors).toContain("#user-content-search");
    for (const anchor of anchors) expect(ids.has(anchor.slice(1)), anchor).toBe(true);
    // The page's own search root and main are still the page's own.
    expect([...elements(page)].filter((e) => attr(e, "id") === "main")).toHaveLength(1);
    expect([...elements(page)].filter((e) => attr(e, "id") === "search")).toHaveLength(0);
  });

  it("prints every front-matter value as text, exactly as written", () => {
    const record = records.find((r) => r.file.endsWith("front-matter-values.md"))!;
    const page = parseHtml(read(`${record.permalink.slice(1)}index.html`));
    const all = [...elements(page)];
    const title = all.find((e) => e.tagName === "title")!;
    expect(textOf(title)).toContain(record.title);
    expect(textOf(all.find((e) => hasClass(e, "article-title"))!)).toBe(record.title);
    expect(textOf(all.find((e) => hasClass(e, "dek"))!)).toBe(record.summary);
    expect(
      attr(
        all.find((e) => e.tagName === "meta" && attr(e, "name") === "description")!,
        "content",
      ),
    ).toBe(record.summary);
    const chips = [...elements(all.find((e) => hasClass(e, "meta-tags"))!)].filter((e) => e.tagName === "a").map(textOf);
    for (const tag of record.tags ?? []) expect(chips).toContain(tag);
    const bylines = all.filter((e) => hasClass(e, "byline")).map(textOf);
    expect(bylines).toEqual(record.authors);
    expect(all.some((e) => e.tagName === "a" && attr(e, "href") === record.url)).toBe(true);
    const jsonLd = all.find((e) => e.tagName === "script" && attr(e, "type") === "application/ld+json")!;
    expect(JSON.parse(textOf(jsonLd))).toMatchObject({ headline: record.title, isBasedOn: record.url });
    // `review` notes are for editors: shown on no page.
    expect(read(`${record.permalink.slice(1)}index.html`)).not.toContain("never shown on a page");
  });

  it("never evaluates template syntax from content", async () => {
    const files = (await listBuiltFiles(site.output)).filter((f) => /\.(html|xml|json|jsonl|txt)$/.test(f));
    for (const file of files) expect(read(file), file).not.toContain("6170");
    const page = read("2023/01/14/plantillas-y-json/index.html");
    expect(page).toContain("{{ 1234*5 }}");
    expect(page).toContain("${1234*5}");
    expect(page).toContain("&lt;%= 1234*5 %&gt;");
  });

  it("puts a Content-Security-Policy without inline script on every page", async () => {
    for (const file of await listBuiltFiles(site.output, ".html")) {
      const meta = [...elements(parseHtml(read(file)))].find(
        (e) => e.tagName === "meta" && attr(e, "http-equiv")?.toLowerCase() === "content-security-policy",
      );
      expect(meta, file).toBeDefined();
      const policy = attr(meta!, "content")!;
      const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? /default-src ([^;]*)/.exec(policy)?.[1] ?? "";
      expect(scriptSrc, file).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|data:|https?:/);
      expect(policy, file).toMatch(/object-src 'none'/);
      expect(policy, file).toMatch(/base-uri 'none'/);
    }
  });
});

describe("feeds, exports and the sitemap built from the hostile corpus", () => {
  const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    textNodeName: "#text",
    isArray: (name) => ["entry", "url", "category", "author", "link"].includes(name),
  });
  const text = (value: unknown): string =>
    typeof value === "object" && value !== null ? String((value as Record<string, unknown>)["#text"] ?? "") : String(value ?? "");
  const type = (value: unknown): string =>
    typeof value === "object" && value !== null ? String((value as Record<string, unknown>)["@type"] ?? "text") : "text";

  it("writes Atom feeds that parse, whose text values hold no markup and whose HTML holds no vector", async () => {
    const feeds = await listBuiltFiles(site.output, ".xml").then((files) => files.filter((f) => f.endsWith("feed.xml")));
    expect(feeds.length).toBeGreaterThan(1);
    const titles = new Set(records.map((r) => r.title));
    const found: string[] = [];
    for (const file of feeds) {
      const source = read(file);
      expect(XMLValidator.validate(source), file).toBe(true);
      const entries = (xml.parse(source) as { feed: { entry?: Array<Record<string, unknown>> } }).feed.entry ?? [];
      for (const entry of entries) {
        // A title or summary of type `html` is read as markup by feed readers: it must hold text only.
        for (const key of ["title", "summary"]) {
          const value = entry[key];
          if (value === undefined) continue;
          const plain = type(value) === "html" ? textOf(parseHtmlFragment(text(value))) : text(value);
          if (type(value) === "html") {
            const markup = [...elements(parseHtmlFragment(text(value)))].map((e) => `<${e.tagName}>`);
            if (markup.length) found.push(`${file}: ${key} of type html holds markup ${markup.join(" ")}`);
          }
          if (key === "title" && !titles.has(plain)) found.push(`${file}: title \`${plain}\` is not an article's title`);
        }
        const content = entry.content;
        if (content !== undefined) found.push(...findVectors(parseHtmlFragment(text(content)), rules, `${file} content`));
      }
    }
    expect(found).toEqual([]);
  });

  it("writes JSON feeds that parse, with titles as written and safe HTML", async () => {
    const feeds = (await listBuiltFiles(site.output, ".json")).filter((f) => f.endsWith("feed.json"));
    expect(feeds.length).toBeGreaterThan(1);
    const titles = new Set(records.map((r) => r.title));
    for (const file of feeds) {
      const feed = JSON.parse(read(file)) as { items: Array<{ title: string; content_html?: string }> };
      for (const item of feed.items) {
        expect(titles.has(item.title), `${file}: ${item.title}`).toBe(true);
        expect(findVectors(parseHtmlFragment(item.content_html ?? ""), rules, file)).toEqual([]);
      }
    }
  });

  it("writes one JSON object a line, with every value as written", () => {
    const lines = read("data/archive.jsonl").trimEnd().split("\n");
    const exported = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(exported).toHaveLength(records.length);
    for (const record of records) {
      const row = exported.find((r) => r.id === record.id);
      expect(row, record.file).toMatchObject({
        title: record.title,
        publication: record.publication,
        url: `${SITE_URL}${record.permalink}`,
      });
      if (record.summary) expect(row!.summary).toBe(record.summary);
      if (record.tags) expect(row!.tags).toEqual(record.tags);
      if (record.url) expect(row!.originalUrl).toBe(record.url);
    }
  });

  it("writes a sitemap that parses, listing only addresses of the site", () => {
    const source = read("sitemap.xml");
    expect(XMLValidator.validate(source)).toBe(true);
    const urls = (xml.parse(source) as { urlset: { url: Array<{ loc: string }> } }).urlset.url.map((u) => text(u.loc));
    for (const record of records) expect(urls.some((loc) => loc.endsWith(record.permalink))).toBe(true);
    for (const loc of urls) {
      const address = new URL(loc);
      expect(["http:", "https:"]).toContain(address.protocol);
      expect(
        existsSync(path.join(site.output, decodeURIComponent(address.pathname), address.pathname.endsWith("/") ? "index.html" : "")),
        loc,
      ).toBe(true);
    }
  });

  it("writes citation files that parse, when the site makes them", async () => {
    const cites = (await listBuiltFiles(site.output)).filter((f) => f.endsWith("/cite.json"));
    for (const file of cites) expect(() => JSON.parse(read(file)), file).not.toThrow();
  });
});
