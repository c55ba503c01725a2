/**
 * An article page with everything it loads (its stylesheet first of all)
 * stays under 30 KB: measured in Chromium on the fixture, and from the built
 * files on every article page of the fixture. Not on the default collection:
 * an article's own text may be longer than that, and valid content must not
 * fail a test.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { KEY_PAGES, listHtmlFiles, useServedReaderSite } from "./support/reader-site.ts";

const BUDGET = 30_000;

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

function* elementsOf(node: Node): Generator<Element> {
  if ("tagName" in node) yield node;
  const children = "content" in node && node.content ? node.content.childNodes : "childNodes" in node ? node.childNodes : [];
  for (const child of children) yield* elementsOf(child);
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/** The site-relative files a page makes the browser fetch as it loads: stylesheets, scripts, icons. */
function assetsOf(htmlText: string): string[] {
  const assets: string[] = [];
  for (const element of elementsOf(parse(htmlText))) {
    const rel = attr(element, "rel")?.split(/\s+/) ?? [];
    const href = element.tagName === "link" && (rel.includes("stylesheet") || rel.includes("icon")) ? attr(element, "href") : undefined;
    const src = element.tagName === "script" ? attr(element, "src") : undefined;
    const url = href ?? src;
    if (url?.startsWith("/")) assets.push(url);
  }
  return assets;
}

/** Every article page of a built site with its weight: the HTML plus every asset it loads. */
async function articlePageWeights(output: string): Promise<Array<{ file: string; weight: number; assets: string[] }>> {
  const sizes = new Map<string, number>();
  const sizeOf = async (url: string) => {
    if (!sizes.has(url)) sizes.set(url, (await stat(path.join(output, url))).size);
    return sizes.get(url)!;
  };
  const pages = [];
  for (const file of await listHtmlFiles(output)) {
    const text = await readFile(path.join(output, file), "utf8");
    if (!text.includes('<article class="article"')) continue;
    const assets = assetsOf(text);
    let weight = Buffer.byteLength(text);
    for (const url of assets) weight += await sizeOf(url);
    pages.push({ file, weight, assets });
  }
  return pages.sort((a, b) => b.weight - a.weight);
}

const served = useServedReaderSite();

describe("page weight", () => {
  it(`an article page and all it loads weigh under ${BUDGET / 1000} KB in Chromium`, async () => {
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

  it("every article page of the fixture, with all it loads, is under budget", async () => {
    const pages = await articlePageWeights(served.site.output);
    expect(pages.length).toBe(54);
    expect(pages[0]!.assets).toContain("/styles.css");
    expect(pages[0]!.weight, JSON.stringify(pages[0])).toBeLessThan(BUDGET);
  });
});
