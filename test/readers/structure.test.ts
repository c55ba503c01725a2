/**
 * What every page must carry, checked on every built page: `lang`, the
 * Content-Security-Policy, landmarks and a skip link, one `h1` and headings
 * that skip no level, `lang` on snippets in another language, and no script
 * outside the search page (and the article's search highlighter, and the
 * missing page's link to the nearest page).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../src/render/layout.ts";
import { buildReaderSite, KEY_PAGES, listHtmlFiles, type ReaderSite } from "./support/reader-site.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

function elementsOf(source: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) out.push(node);
    if ("childNodes" in node) for (const child of node.childNodes) walk(child as Node);
  };
  walk(parse(source) as unknown as Node);
  return out;
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const hasClass = (element: Element, name: string) => "attrs" in element && (attr(element, "class") ?? "").split(/\s+/).includes(name);

/** The language an element is in: its own `lang`, or the nearest ancestor's. */
function effectiveLang(element: Element): string | undefined {
  for (let node: Element | null = element; node && "attrs" in node; node = node.parentNode as Element | null) {
    const lang = attr(node, "lang");
    if (lang !== undefined) return lang;
  }
  return undefined;
}

function isInside(element: Element, ancestor: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentNode as Element | null) if (node === ancestor) return true;
  return false;
}

let site: ReaderSite;
const pages = new Map<string, Element[]>();

beforeAll(async () => {
  site = await buildReaderSite();
  for (const file of await listHtmlFiles(site.output)) {
    pages.set(`/${file.replace(/(^|\/)index\.html$/, "$1")}`, elementsOf(await readFile(path.join(site.output, file), "utf8")));
  }
});

afterAll(async () => {
  await site?.close();
});

/** Pages made by the page shell; alias redirects are the only others. */
function shellPages(): Array<[string, Element[]]> {
  return [...pages].filter(([, elements]) => !elements.some((e) => e.tagName === "meta" && attr(e, "http-equiv") === "refresh"));
}

describe("every page", () => {
  it("has a language and the site's Content-Security-Policy", () => {
    expect(pages.size).toBeGreaterThan(100);
    for (const [url, elements] of pages) {
      expect(
        attr(
          elements.find((e) => e.tagName === "html")!,
          "lang",
        ),
        url,
      ).toMatch(/^[a-z]{2,3}(-|$)/);
      const policies = elements.filter((e) => e.tagName === "meta" && attr(e, "http-equiv")?.toLowerCase() === "content-security-policy");
      expect(
        policies.map((p) => attr(p, "content")),
        url,
      ).toEqual([contentSecurityPolicy()]);
    }
  });

  it("runs no script, except the search page, the article's search highlighter and the missing page's nearest-page link", () => {
    for (const [url, elements] of pages) {
      // Data for scripts, which the browser does not run.
      const scripts = elements.filter(
        (e) => e.tagName === "script" && !["application/ld+json", "application/json"].includes(attr(e, "type") ?? ""),
      );
      const sources = scripts.map((s) => attr(s, "src") ?? "inline");
      if (url === KEY_PAGES.search) expect(sources.length, url).toBeGreaterThan(0);
      else if (url === "/404.html") expect(sources, url).toEqual(["/not-found.js"]);
      else if (elements.some((e) => e.tagName === "article" && hasClass(e, "article")))
        expect(sources, url).toEqual(["/search-highlight.js"]);
      else expect(sources, url).toEqual([]);
      expect(sources, url).not.toContain("inline");
    }
  });

  it("has a banner, navigation, main and footer landmark, and a skip link to the main content", () => {
    for (const [url, elements] of shellPages()) {
      const main = elements.filter((e) => e.tagName === "main");
      expect(main.length, url).toBe(1);
      expect(attr(main[0]!, "id"), url).toBe("main");
      expect(
        elements.some((e) => e.tagName === "header" && hasClass(e, "masthead")),
        url,
      ).toBe(true);
      expect(
        elements.some((e) => e.tagName === "nav" && attr(e, "aria-label") === "Sections"),
        url,
      ).toBe(true);
      expect(
        elements.some((e) => e.tagName === "footer"),
        url,
      ).toBe(true);
      expect(
        attr(
          elements.find((e) => e.tagName === "a")!,
          "href",
        ),
        `${url}: the first link skips to the content`,
      ).toBe("#main");
    }
  });

  it("has one h1, and its headings never skip a level", () => {
    for (const [url, elements] of shellPages()) {
      const levels = elements.filter((e) => /^h[1-6]$/.test(e.tagName)).map((e) => Number(e.tagName[1]));
      expect(levels.filter((l) => l === 1).length, url).toBe(1);
      expect(levels[0], url).toBe(1);
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1]!, `${url}: h${levels[i - 1]} then h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it("puts every list entry, related headline and earlier/later title in its article's language, and its date in the site's", async () => {
    const languageOf = new Map<string, string>();
    for (const line of (await readFile(path.join(site.output, "data/archive.jsonl"), "utf8")).split("\n").filter(Boolean)) {
      const record = JSON.parse(line) as { url: string; language: string };
      languageOf.set(record.url, record.language);
    }
    let checked = 0;
    let inAnotherLanguage = 0;
    for (const [url, elements] of shellPages()) {
      const items = elements.filter((e) => e.tagName === "li" && (hasClass(e, "entry") || hasClass(e.parentNode as Element, "headlines")));
      const titles = elements.filter(
        (e) => hasClass(e, "prev-next-title") && hasClass((e.parentNode as Element).parentNode as Element, "prev-next"),
      );
      for (const item of [...items, ...titles]) {
        const link = item.tagName === "li" ? elements.find((e) => e.tagName === "a" && isInside(e, item)) : (item.parentNode as Element);
        const language = languageOf.get(attr(link!, "href")!);
        expect(language, `${url}: ${attr(link!, "href")}`).toBeDefined();
        expect(effectiveLang(item), `${url}: ${attr(link!, "href")}`).toBe(language);
        const date = elements.find((e) => hasClass(e, "date") && isInside(e, item));
        if (date) expect(effectiveLang(date), `${url}: the date of ${attr(link!, "href")}`).toBe("en");
        checked++;
        if (language !== "en") inAnotherLanguage++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(inAnotherLanguage).toBeGreaterThan(50);
  });
});

describe("an article page", () => {
  const article = () => pages.get(KEY_PAGES.article)!;

  it("offers its translation in that language", () => {
    const link = article().find((e) => e.tagName === "a" && attr(e, "hreflang") === "es");
    expect(link && attr(link, "lang")).toBe("es");
    expect(pages.has(attr(link!, "href")!)).toBe(true);
  });

  it("has breadcrumbs, earlier and later articles, and more from its publication and tags", () => {
    const elements = article();
    const label = (e: Element) => attr(e, "aria-label");
    expect(elements.some((e) => e.tagName === "nav" && label(e) === "Breadcrumb")).toBe(true);
    const byDate = elements.find((e) => e.tagName === "nav" && label(e) === "Earlier and later articles");
    expect(byDate).toBeDefined();
    expect(elements.filter((e) => e.tagName === "a" && (attr(e, "rel") === "prev" || attr(e, "rel") === "next")).length).toBeGreaterThan(0);
    expect(elements.filter((e) => e.tagName === "section" && hasClass(e, "more")).length).toBeGreaterThanOrEqual(2);
    expect(elements.some((e) => e.tagName === "aside")).toBe(true);
  });
});

describe("browsing by time", () => {
  it("a year page shows all twelve months with their counts", () => {
    const grid = pages.get(KEY_PAGES.year)!.filter((e) => e.tagName === "ol" && hasClass(e, "month-grid"));
    expect(grid.length).toBe(1);
    expect(grid[0]!.childNodes.filter((n) => "tagName" in n && n.tagName === "li").length).toBe(12);
  });

  it("the home page draws the whole collection as a table of bars", () => {
    const home = pages.get(KEY_PAGES.home)!;
    const table = home.find((e) => e.tagName === "table" && hasClass(e, "timeline"));
    expect(table).toBeDefined();
    expect(home.filter((e) => e.tagName === "span" && hasClass(e, "bar")).length).toBeGreaterThan(10);
  });
});
