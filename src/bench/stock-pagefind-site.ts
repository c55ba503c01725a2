/**
 * The search benchmark's point of comparison: one stock Pagefind index of
 * the article pages Hemeroteca built, and a minimal page that searches it
 * with Pagefind's JavaScript API the way the search page does (the query
 * from the address, then each change of the box), showing the first results
 * with their titles.
 *
 * The index is made by Pagefind's Node API from the built HTML with its
 * default settings, but for one: `forceLanguage`, the site's language. By
 * default Pagefind splits the pages into one index per `<html lang>` and a
 * page searches only its own language's, which is not the service Hemeroteca
 * gives (both languages from one box), and would halve what is measured.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BenchInterrupted } from "./run-build.ts";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stock Pagefind</title>
</head>
<body>
<main>
<input id="query" type="search" aria-label="Search">
<ol id="results"></ol>
</main>
<script type="module" src="/stock-search.js"></script>
</body>
</html>
`;

/** As Pagefind's own default UI: the first five results are loaded and shown. */
const SCRIPT = `const pagefind = await import("/pagefind/pagefind.js");
const input = document.getElementById("query");
const list = document.getElementById("results");
let latest = 0;
async function run(term) {
  const id = ++latest;
  const search = await pagefind.search(term);
  if (id !== latest || !search) return;
  const pages = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
  if (id !== latest) return;
  list.replaceChildren(...pages.map((page) => {
    const item = document.createElement("li");
    item.className = "result";
    const link = item.appendChild(document.createElement("a"));
    link.href = page.url;
    link.textContent = page.meta.title || page.url;
    return item;
  }));
}
input.addEventListener("input", () => run(input.value));
const query = new URLSearchParams(window.location.search).get("q");
if (query) {
  input.value = query;
  run(query);
}
`;

/** The stock page's result link, for the benchmark to wait for. */
export const STOCK_RESULT = "#results li.result a";

/** The language of a built site: its home page's `<html lang>`. */
async function siteLanguage(site: string): Promise<string> {
  const home = await readFile(path.join(site, "index.html"), "utf8");
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(home)?.[1];
  if (!lang) throw new Error(`Cannot read the site's language: ${path.join(site, "index.html")} has no <html lang>`);
  return lang;
}

/** Every article's site-relative address, from the built site's `/data/archive.jsonl`. */
async function articleUrls(site: string): Promise<string[]> {
  const file = path.join(site, "data", "archive.jsonl");
  const text = await readFile(file, "utf8");
  return text
    .split("\n")
    .filter(Boolean)
    .map((line, index) => {
      const url = (JSON.parse(line) as { url?: unknown }).url;
      if (typeof url !== "string" || !url.startsWith("/"))
        throw new Error(`${file}, line ${index + 1}: field \`url\` is not a site-relative address`);
      return url;
    });
}

function check<T extends { errors: string[] }>(action: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind could not ${action}:\n${response.errors.join("\n")}`);
  return response;
}

/** Names what the stock site is made of: Pagefind's version, the page and script, and every article page. */
async function stockSiteKey(site: string, urls: readonly string[], language: string): Promise<string> {
  // The package exports no package.json: it sits two folders above the module's entry (`lib/index.js`).
  const packageFile = fileURLToPath(new URL("../package.json", import.meta.resolve("pagefind")));
  const { version } = JSON.parse(await readFile(packageFile, "utf8")) as { version: string };
  const hash = createHash("sha256").update(`${version}\0${language}\0${PAGE}\0${SCRIPT}\0`);
  for (const url of urls)
    hash
      .update(`${url}\0`)
      .update(await readFile(path.join(site, url, "index.html")))
      .update("\0");
  return hash.digest("hex");
}

/**
 * Writes into `dir` the stock page and one Pagefind index of the article
 * pages of the built `site`; a stock site kept there (`--keep`) made of the
 * same pages is kept as it is.
 */
export async function writeStockPagefindSite(site: string, dir: string, stop?: AbortSignal): Promise<{ pages: number; reused: boolean }> {
  const urls = await articleUrls(site);
  const language = await siteLanguage(site);
  const key = await stockSiteKey(site, urls, language);
  const stampFile = path.join(dir, "stock-site.key");
  if ((await readFile(stampFile, "utf8").catch(() => "")) === key) return { pages: urls.length, reused: true };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // Loaded here, not at start, so that the bench's other uses do not wait for it.
  const pagefind = await import("pagefind");
  const { index } = check("start an index", await pagefind.createIndex({ forceLanguage: language }));
  if (!index) throw new Error("Pagefind returned no index");
  try {
    for (const url of urls) {
      if (stop?.aborted) throw BenchInterrupted.of(stop);
      const content = await readFile(path.join(site, url, "index.html"), "utf8");
      check(`index ${url}`, await index.addHTMLFile({ url, content }));
    }
    const { files } = check("make the index files", await index.getFiles());
    for (const file of files) {
      const target = path.join(dir, "pagefind", file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
  } finally {
    await pagefind.close();
  }
  await writeFile(path.join(dir, "index.html"), PAGE);
  await writeFile(path.join(dir, "stock-search.js"), SCRIPT);
  // Last, so that a stock site cut short is made again.
  await writeFile(stampFile, key);
  return { pages: urls.length, reused: false };
}
