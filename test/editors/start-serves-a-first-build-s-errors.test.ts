/**
 * `npm start` on a collection that already has a mistake: it does not exit.
 * It serves, on localhost only, every page as the error page, naming the
 * file, line and field with check's hint, and once the editor fixes the file
 * and saves, the page open in the browser turns into the article by itself.
 * Deleting a broken file is a fix too: Eleventy alone does not build again
 * when a file is deleted.
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { projectRoot } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";
import { waitFor } from "../support/wait-for.ts";
import { listeningAddresses, LOOPBACK_ADDRESSES, startServer, type StartedServer } from "./support/start-server.ts";

const tempDir = temporaryFolders();
const ARTICLE_URL = "/2023/01/09/police-massacre-in-juliaca/";

describe("npm start when the first build fails", () => {
  let articles: string;
  let good: string;
  let server: StartedServer;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    articles = path.join(await tempDir("broken-at-start"), "articles");
    await cp(path.join(projectRoot, "test/fixtures/basic/content/articles"), articles, { recursive: true });
    const file = path.join(articles, "iwo/a.md");
    good = await readFile(file, "utf8");
    // An unclosed `[`: the YAML cannot be read.
    await writeFile(file, good.replace("title: Police massacre in Juliaca", "title: [Police massacre in Juliaca"));
    server = startServer(articles, await tempDir("broken-at-start-site"), await tempDir("broken-at-start-cache"));
    url = await server.url();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it("keeps serving, on localhost only, and says so in the terminal", () => {
    expect(server.child.exitCode).toBeNull();
    const addresses = listeningAddresses(Number(new URL(url).port));
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(LOOPBACK_ADDRESSES).toContain(address);
    // The terminal names the file and line, with the hint, and says what happens next.
    expect(server.output()).toMatch(/iwo\/a\.md 3:1 the YAML front matter is invalid/);
    expect(server.output()).toContain("hint: check the indentation");
    expect(server.output()).toContain("fix what is named and save");
  });

  it("shows the error in every page until the file is fixed, then the site, with no reload by hand", async () => {
    // Any address, the home page as much as the article's.
    const home = await fetch(url + "/");
    expect(home.status).toBe(500);
    expect(await home.text()).toContain("The site could not be built");

    const page = await browser.newPage();
    try {
      await page.goto(url + ARTICLE_URL);
      const heading = page.locator("h1").first();
      expect(await heading.textContent()).toBe("The site could not be built");
      const error = (await page.locator("main").textContent()) ?? "";
      // The file, the line and what is wrong on it, and what to do about it, as `npm run check` says it.
      expect(error).toMatch(/iwo\/a\.md 3:1 the YAML front matter is invalid/);
      expect(error).toContain("hint: check the indentation, and put quotes around values");

      await writeFile(path.join(articles, "iwo/a.md"), good);
      await waitFor(
        "the article in the open page",
        async () => ((await heading.textContent().catch(() => "")) === "Police massacre in Juliaca" ? true : undefined),
        { ms: 120_000, detail: server.output },
      );
      const served = await fetch(url + "/");
      expect(served.status).toBe(200);

      // A new file with a mistake, then deleted.
      const stray = path.join(articles, "iwo/stray.md");
      await writeFile(stray, "---\ntitle: Stray\npublication: International Workers Organizer\n---\nText.\n");
      await waitFor(
        "the stray file's error in the open page",
        async () => ((await heading.textContent().catch(() => "")) === "The site could not be built" ? true : undefined),
        { ms: 120_000, detail: server.output },
      );
      expect(await page.locator("main").textContent()).toMatch(/iwo\/stray\.md 2:1 language: is required but missing/);
      await rm(stray);
      await waitFor(
        "the article again once the file is deleted",
        async () => ((await heading.textContent().catch(() => "")) === "Police massacre in Juliaca" ? true : undefined),
        { ms: 120_000, detail: server.output },
      );
    } finally {
      await page.close();
    }
  }, 300_000);
});
