/**
 * `npm run search` and the search page find the same articles for the same
 * query: English and Spanish, one word and two, with and without accents,
 * plurals, a prefix, a phrase, a word of the fields shown with a result, on
 * the research fixture and on the archive the project ships. The page is read
 * as a reader sees it (the results it lists), not through its index files.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { USAGE } from "../../src/search/cli.ts";
import { launchBrowser } from "../support/browser.ts";
import { buildSite, projectRoot } from "../support/build-site.ts";
import { serveDirectory, type StaticServer } from "../support/static-server.ts";
import { RESEARCH_ARTICLES, runSearch, type SearchRun } from "./research-site.ts";
import { rmSync } from "node:fs";
import path from "node:path";

const QUERIES = [
  "peru", // English and Spanish articles alike
  "perú", // an accent: the same as without
  "protest", // finds protests and protesters
  "protests", // a plural
  "huelga",
  "huelgas", // a Spanish plural
  "Juliaca",
  "paro nacional", // two Spanish words
  "police massacre", // two English words
  "strik", // a prefix: strike, strikes, striking
  "maestros",
  "gobierno",
  "represión", // a Spanish accent
  "state of emergency",
  '"paro nacional"', // a phrase
  "English", // the language shown with each result is searchable too
  "zzxqv", // nothing
];

interface Served {
  output: string;
  server: StaticServer;
}

const sites: Record<"fixture" | "shipped", Served | undefined> = { fixture: undefined, shipped: undefined };
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  for (const [name, articles] of [
    ["fixture", RESEARCH_ARTICLES],
    ["shipped", "content/articles"],
  ] as const) {
    const build = buildSite(articles);
    if (build.status !== 0) throw new Error(`Cannot \`build\` ${articles} (exit ${build.status}):\n${build.stderr}`);
    sites[name] = { output: build.output, server: await serveDirectory(build.output) };
  }
});

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) {
    await site?.server.close();
    if (site) rmSync(site.output, { recursive: true, force: true });
  }
});

function runCli(site: Served, args: string[]): SearchRun {
  return runSearch([...args, "--db", path.join(site.output, "data", "archive.sqlite")]);
}

/** The addresses of the articles `npm run search` finds, all of them. */
function cliMatches(site: Served, query: string): string[] {
  const run = runCli(site, [query, "--json", "--limit", "100000"]);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as Array<{ url: string }>).map((hit) => hit.url).sort();
}

/** The arguments of every `npm run search -- ...` example in a text, quotes read as a shell does and any `> file` left off. */
function searchExamples(text: string): string[][] {
  return [...text.matchAll(/^ +npm run search -- (.+)$/gm)].map((match) =>
    [...match[1]!.replace(/\s*>.*$/, "").matchAll(/"([^"]*)"|(\S+)/g)].map((word) => word[1] ?? word[2]!),
  );
}

/** The addresses of the results the search page lists for `query` typed into its box, every one scrolled into view. */
async function pageMatches(page: Page, query: string): Promise<string[]> {
  await page.locator("pagefind-input input").fill(query);
  const summary = page.locator("pagefind-summary");
  let count = 0;
  await expect
    .poll(
      async () => {
        const text = await summary.innerText();
        const found = new RegExp(`^(?:(\\d+) results?|No results) for ${query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`).exec(text.trim());
        if (found) count = Number(found[1] ?? 0);
        return Boolean(found);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  const links = page.locator(".search-result .pf-result-link");
  // A result's details load when it scrolls into view: scroll to the last one shown until all are there.
  await expect
    .poll(
      async () => {
        const shown = await links.count();
        if (shown > 0 && shown < count) await links.nth(shown - 1).scrollIntoViewIfNeeded();
        return shown;
      },
      { timeout: 10_000 },
    )
    .toBe(count);
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.sort();
}

describe("the search examples of README.md and of --help", () => {
  it("each find articles in the shipped archive", () => {
    const examples = [...searchExamples(readFileSync(path.join(projectRoot, "README.md"), "utf8")), ...searchExamples(USAGE)].filter(
      (args) => args[0] !== "QUERY",
    );
    expect(examples.length).toBeGreaterThan(5);
    for (const args of examples) {
      const run = runCli(sites.shipped!, args);
      expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(0);
      expect(run.stdout, args.join(" ")).not.toMatch(/^No articles match|^\[\]|^$/);
      if (args.includes("--format"))
        expect(run.stdout.split("\n").filter(Boolean).length, args.join(" ")).toBeGreaterThan(args.includes("csv") ? 1 : 0);
    }
  });
});

describe.each(["fixture", "shipped"] as const)("on the %s archive", (name) => {
  it("the command and the search page find the same articles for each query", async () => {
    const site = sites[name]!;
    const page = await browser!.newPage({ viewport: { width: 1280, height: 2400 } });
    try {
      await page.goto(`${site.server.url}/search/`);
      await page.locator("[data-search-root][data-search-loaded]").waitFor({ state: "attached" });
      let found = 0;
      for (const query of QUERIES) {
        const inPage = await pageMatches(page, query);
        expect(cliMatches(site, query), `“${query}”`).toEqual(inPage);
        found += inPage.length;
      }
      // The queries are not all empty on either archive.
      expect(found).toBeGreaterThan(QUERIES.length);
    } finally {
      await page.close();
    }
  });
});
