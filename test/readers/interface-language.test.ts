/**
 * The interface in the archive's language: the reader fixture built twice,
 * with `interface: en` and `interface: es` in its site.yml. The key pages'
 * labels and dates are checked through the message tables' keys; every page
 * of the Spanish build carries `lang="es"` and none of the English table's
 * words outside the articles' own text; the Spanish search page speaks
 * Spanish through Pagefind's translations and its own script's messages.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dateLabel,
  messagesFor,
  monthName,
  monthYearTitle,
  type InterfaceLanguage,
  type Messages,
} from "../../src/archive/interface-messages.ts";
import { parseEdtfDate } from "../../src/records/edtf-date.ts";
import { dataPageText } from "../../src/render/data-page-text.ts";
import { projectRoot } from "../support/build-site.ts";
import { launchBrowser } from "../support/browser.ts";
import { buildReaderSite, KEY_PAGES, listHtmlFiles, READER_ARTICLES, type ReaderSite } from "./support/reader-site.ts";
import { RESULT_LINK } from "./support/search-page.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const hasClass = (element: Element, name: string) => (attr(element, "class") ?? "").split(/\s+/).includes(name);

function elementsOf(source: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) out.push(node);
    if ("childNodes" in node) for (const child of node.childNodes) walk(child as Node);
    if ("content" in node && node.content) walk(node.content as unknown as Node);
  };
  walk(parse(source) as unknown as Node);
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return "childNodes" in node ? node.childNodes.map((child) => textOf(child as Node)).join("") : "";
}

const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/** The language an element is in: its own `lang`, or the nearest ancestor's. */
function effectiveLang(element: Element): string | undefined {
  for (let node: Element | null = element; node && "attrs" in node; node = node.parentNode as Element | null) {
    const lang = attr(node, "lang");
    if (lang !== undefined) return lang;
  }
  return undefined;
}

/** The reader fixture's articles under a content folder whose site.yml sets `interface:`. */
async function buildInLanguage(language: InterfaceLanguage): Promise<{ site: ReaderSite; content: string }> {
  const content = await mkdtemp(path.join(tmpdir(), `hemeroteca-interface-${language}-`));
  await cp(path.join(projectRoot, READER_ARTICLES), path.join(content, "articles"), { recursive: true });
  await writeFile(path.join(content, "site.yml"), `title: Hemeroteca\ntagline: Lorem ipsum dolor\ninterface: ${language}\n`);
  return { site: await buildReaderSite({ articles: path.join(content, "articles"), serve: language === "es" }), content };
}

const builds = new Map<InterfaceLanguage, { site: ReaderSite; content: string; pages: Map<string, Element[]> }>();
let browser: Browser | undefined;

beforeAll(async () => {
  for (const language of ["en", "es"] as const) {
    const { site, content } = await buildInLanguage(language);
    const pages = new Map<string, Element[]>();
    for (const file of await listHtmlFiles(site.output)) {
      pages.set(`/${file.replace(/(^|\/)index\.html$/, "$1")}`, elementsOf(await readFile(path.join(site.output, file), "utf8")));
    }
    builds.set(language, { site, content, pages });
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const { site, content } of builds.values()) {
    await site.close();
    await rm(content, { recursive: true, force: true });
  }
});

const pagesOf = (language: InterfaceLanguage) => builds.get(language)!.pages;
const pageOf = (language: InterfaceLanguage, url: string) => {
  const elements = pagesOf(language).get(url);
  if (!elements) throw new Error(`The ${language} build has no page ${url}`);
  return elements;
};

describe.each(["en", "es"] as const)("the %s interface", (language) => {
  const m = (): Messages => messagesFor(language);

  it("marks every page with its language", () => {
    expect(pagesOf(language).size).toBeGreaterThan(100);
    for (const [url, elements] of pagesOf(language))
      expect(
        attr(
          elements.find((e) => e.tagName === "html")!,
          "lang",
        ),
        url,
      ).toBe(language);
  });

  it("names the sections, the skip link and the footer's links in it on every key page", () => {
    for (const url of Object.values(KEY_PAGES)) {
      const elements = pageOf(language, url);
      const nav = elements.find((e) => e.tagName === "nav" && hasClass(e, "site-nav"))!;
      expect(attr(nav, "aria-label"), url).toBe(m().sectionsNav);
      const links = elements.filter(
        (e) =>
          e.tagName === "a" &&
          effectiveLang(e) === language &&
          (e.parentNode as Element).parentNode === nav.childNodes.find((n) => "tagName" in n && n.tagName === "ul"),
      );
      expect(
        links.map((a) => flat(textOf(a))),
        url,
      ).toEqual([m().latest, m().dates, m().tags, m().publications, m().authors, m().languages, m().search]);
      expect(flat(textOf(elements.find((e) => hasClass(e, "skip-link"))!)), url).toBe(m().skipToContent);
    }
  });

  it("writes every date of the key pages in it, with the date's precision", () => {
    let checked = 0;
    for (const url of Object.values(KEY_PAGES)) {
      for (const time of pageOf(language, url).filter((e) => e.tagName === "time" && hasClass(e, "date"))) {
        const edtf = (attr(time, "title") ?? "").replace(/^EDTF: /, "");
        const parsed = parseEdtfDate(edtf);
        if (!parsed.ok) continue;
        expect(flat(textOf(time)), `${url}: ${edtf}`).toBe(dateLabel(m(), parsed.value));
        expect(effectiveLang(time), url).toBe(language);
        checked++;
      }
      for (const undated of pageOf(language, url).filter((e) => hasClass(e, "date-undated")))
        expect(flat(textOf(undated)), url).toBe(m().undated);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("labels an article's page in it, and keeps the article's own text in the article's language", () => {
    const elements = pageOf(language, KEY_PAGES.article);
    const terms = elements.filter((e) => e.tagName === "dt").map((e) => flat(textOf(e)));
    expect(terms).toEqual(expect.arrayContaining([m().byline, m().date, m().place, m().language, m().tags, m().original, m().articleFile]));
    expect(elements.filter((e) => e.tagName === "h2").map((e) => flat(textOf(e)))).toEqual(
      expect.arrayContaining([m().provenance, m().cite]),
    );
    const article = elements.find((e) => e.tagName === "article" && hasClass(e, "article"))!;
    expect(effectiveLang(article)).toBe("en");
    const meta = elements.find((e) => e.tagName === "dl" && hasClass(e, "article-meta"))!;
    expect(effectiveLang(meta)).toBe(language);
  });

  it("titles the year, month and undated lists in it", () => {
    const year = pageOf(language, KEY_PAGES.year);
    expect(flat(textOf(year.find((e) => e.tagName === "p" && hasClass(e, "kicker"))!))).toBe(m().kinds.year);
    const months = year.filter((e) => e.tagName === "span" && hasClass(e, "month-name")).map((e) => flat(textOf(e)));
    expect(months).toEqual(Array.from({ length: 12 }, (_, index) => monthName(m(), index + 1)));
    const month = pageOf(language, "/2022/12/");
    expect(flat(textOf(month.find((e) => e.tagName === "h1")!))).toBe(monthYearTitle(m(), 2022, 12));
    expect(flat(textOf(pageOf(language, "/undated/").find((e) => e.tagName === "h1")!))).toBe(m().undatedTitle);
  });

  it("gives the search page's script its words as data, and Pagefind the language", () => {
    const search = pageOf(language, KEY_PAGES.search);
    const block = search.find((e) => e.tagName === "script" && attr(e, "id") === "search-messages")!;
    expect(attr(block, "type")).toBe("application/json");
    expect(JSON.parse(textOf(block))).toEqual(m().script);
    expect(
      attr(
        search.find((e) => e.tagName === "pagefind-config")!,
        "lang",
      ),
    ).toBe(language);
    const sort = search.filter((e) => e.tagName === "option").map((e) => flat(textOf(e)));
    expect(sort).toEqual([m().sortRelevance, m().sortNewest, m().sortOldest]);
    expect(flat(textOf(search.find((e) => e.tagName === "button" && hasClass(e, "search-filters-toggle"))!))).toBe(m().filters);
  });
});

/** Every string of a table, by its path (`counts.article.one`). */
function stringsOf(table: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof table === "string") out.set(prefix, table);
  else if (table && typeof table === "object")
    for (const [key, value] of Object.entries(table))
      for (const [p, s] of stringsOf(value, prefix ? `${prefix}.${key}` : key)) out.set(p, s);
  return out;
}

/**
 * The English tables' words that Spanish says otherwise (the interface's
 * messages and the data page's prose): each string split at its
 * `{placeholders}` and `code` spans, the pieces with at least one word of three letters.
 */
function englishOnlyPieces(): string[] {
  const english = new Map([...stringsOf(messagesFor("en")), ...stringsOf(dataPageText("en"), "data")]);
  const spanish = new Map([...stringsOf(messagesFor("es")), ...stringsOf(dataPageText("es"), "data")]);
  expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  const pieces = new Set<string>();
  for (const [key, text] of english) {
    if (key === "locale" || spanish.get(key) === text) continue;
    for (const piece of text.split(/\{\w+\}|`[^`]*`|\*+/)) {
      const trimmed = piece.replace(/^[\s,.;:()“”?/]+|[\s,.;:()“”?/]+$/g, "");
      // A name both languages use (BibTeX, circa) is no English word.
      if (spanish.get(key)!.includes(trimmed)) continue;
      if (/\p{L}{3}/u.test(trimmed) && !stringsOf(messagesFor("es")).has(trimmed)) pieces.add(trimmed);
    }
  }
  return [...pieces];
}

/** Text and labels a reader meets in the interface's language: outside any element in another language, scripts and code. */
function interfaceTexts(elements: Element[], language: string): string[] {
  const out: string[] = [];
  for (const element of elements) {
    if (effectiveLang(element) !== language) continue;
    if (["script", "style", "code", "pre"].includes(element.tagName)) continue;
    if (elements.some((e) => ["script", "style", "code", "pre"].includes(e.tagName) && e !== element && isInside(element, e))) continue;
    for (const name of ["aria-label", "title", "placeholder", "alt", "default-message"]) {
      const value = attr(element, name);
      if (value) out.push(value);
    }
    if (element.tagName === "meta" && attr(element, "name") === "description") out.push(attr(element, "content") ?? "");
    for (const child of element.childNodes) if (child.nodeName === "#text") out.push((child as DefaultTreeAdapterMap["textNode"]).value);
  }
  return out.map(flat).filter(Boolean);
}

function isInside(element: Element, ancestor: Element): boolean {
  for (let node: Element | null = element.parentNode as Element | null; node; node = node.parentNode as Element | null)
    if (node === ancestor) return true;
  return false;
}

/** Names of file formats, the same in every language ("JSON Lines" is no English "Lines"). */
const FORMAT_NAMES = /JSON Lines|JSON Feed/g;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the Spanish build", () => {
  it("shows none of the English table's words outside the articles' own text", () => {
    const pieces = englishOnlyPieces();
    expect(pieces.length).toBeGreaterThan(100);
    const patterns = pieces.map((piece) => ({ piece, pattern: new RegExp(`(?<![\\p{L}])${escapeRegExp(piece)}(?![\\p{L}])`, "u") }));
    const found: string[] = [];
    let checked = 0;
    for (const [url, elements] of pagesOf("es")) {
      for (const text of interfaceTexts(elements, "es").map((t) => t.replace(FORMAT_NAMES, ""))) {
        checked++;
        for (const { piece, pattern } of patterns) if (pattern.test(text)) found.push(`${url}: "${piece}" in "${text.slice(0, 120)}"`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...new Set(found.map((f) => f.replace(/^[^:]*: /, "")))].slice(0, 30)).toEqual([]);
  });

  it("searches in Spanish: Pagefind's words, the filters' names and the filters' button", async () => {
    const m = messagesFor("es");
    const site = builds.get("es")!.site;
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/search/?q=consequat&language=Espa%C3%B1ol`);
      await page.locator(RESULT_LINK).first().waitFor();
      const summary = page.locator("pagefind-summary");
      await expect.poll(() => summary.innerText()).toMatch(/^\d+ resultados? (encontrados? )?para consequat$/);
      const toggle = page.locator("button.search-filters-toggle");
      await expect.poll(() => toggle.innerText()).toBe(`${m.filters}${m.script.filtersActive.one.replace("{count}", "1")}`);
      // For people to review beside the English screenshots (screenshots.test.ts): the Spanish first screen with results.
      await mkdir(path.join(projectRoot, "screenshots"), { recursive: true });
      await page.screenshot({ path: path.join(projectRoot, "screenshots", "search-390-light-es.png") });
      await toggle.click();
      // The names a reader sees: the timeline filter only feeds the chart, and is not shown.
      const names = page.locator("pagefind-filter-pane .pf-filter-group-name:visible");
      await expect.poll(async () => (await names.allTextContents()).sort()).toEqual(Object.values(m.script.filterNames).sort());
      await page.locator("pagefind-input input").fill("zzxqv");
      await expect.poll(() => summary.innerText()).toMatch(/^No se encontraron resultados para zzxqv$/);
    } finally {
      await context.close();
    }
  });
});
