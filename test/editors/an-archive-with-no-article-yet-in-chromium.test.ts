/**
 * A new archive starts with a settings file and no article. It must check,
 * build, and show pages that work: every link and asset of every page found,
 * no script error, and a search page that says there is nothing to search
 * yet (Pagefind makes no index of no pages, and its client fails without one).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, projectRoot, type BuildResult } from "../support/build-site.ts";
import { launchBrowser } from "../support/browser.ts";
import { serveDirectory, type StaticServer } from "../support/static-server.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const folder = temporaryFolders();
let root: string;
let build: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  root = await folder("empty-archive");
  await mkdir(path.join(root, "content", "articles"), { recursive: true });
  await writeFile(path.join(root, "content", "site.yml"), "title: Gazette Archive\ntagline: Nothing here yet\n");
  build = buildSite(path.join(root, "content", "articles"), { cacheDir: false });
  server = await serveDirectory(build.output);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function htmlPages(dir: string, base = ""): Promise<string[]> {
  const pages: string[] = [];
  for (const entry of await readdir(path.join(dir, base), { withFileTypes: true })) {
    const file = path.posix.join(base, entry.name);
    if (entry.isDirectory()) pages.push(...(await htmlPages(dir, file)));
    else if (entry.name.endsWith(".html")) pages.push(file);
  }
  return pages;
}

describe("an archive with no article yet", () => {
  it("passes npm run check", () => {
    const check = spawnSync(process.execPath, ["scripts/run.mjs", "check", "--root", root], { cwd: projectRoot, encoding: "utf8" });
    expect(check.status, check.stderr + check.stdout).toBe(0);
    expect(check.stdout).toMatch(/checked 0 articles/);
  });

  it("builds", () => {
    expect(build.status, build.stderr + build.stdout).toBe(0);
    expect(existsSync(path.join(build.output, "index.html"))).toBe(true);
  });

  it("links no feed, since it has none", async () => {
    expect(existsSync(path.join(build.output, "feed.xml"))).toBe(false);
    const home = await readFile(path.join(build.output, "index.html"), "utf8");
    expect(home).not.toContain("feed.xml");
    expect(home).not.toContain("feed.json");
  });

  it("shows every page with all it links and loads, and no script error", async () => {
    const pages = (await htmlPages(build.output)).filter((file) => file !== "404.html");
    expect(pages).toContain("search/index.html");
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`${page.url()}: console ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${page.url()}: ${response.status()} ${response.url()}`);
    });
    try {
      for (const file of pages) {
        await page.goto(`${server.url}/${file.replace(/index\.html$/, "")}`, { waitUntil: "networkidle" });
        for (const href of await page.locator("a[href^='/']").evaluateAll((links) => links.map((link) => link.getAttribute("href")!)))
          if (!existsSync(path.join(build.output, href.split(/[?#]/)[0]!, href.endsWith("/") ? "index.html" : "")))
            problems.push(`/${file}: links ${href}, which was not built`);
      }
      await page.goto(`${server.url}/search/?q=anything`, { waitUntil: "networkidle" });
      await expect(page.locator("main").innerText()).resolves.toContain("no articles yet");
    } finally {
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
