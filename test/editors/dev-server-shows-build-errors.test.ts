/**
 * `npm start` in Chromium, as an editor uses it: the server listens on
 * localhost only; an article broken while its page is open turns that page
 * into the build error, naming the file, line and field, until the article is
 * fixed, when the page shows the article again, with no reload by hand; and a
 * saved article's open page shows the change before the rebuild has ended
 * (its page is written ahead of the rebuild, src/site/quick-preview.ts, and
 * the open pages reload again once the pages are written, before the search
 * index and the data exports).
 */
import { readFile, writeFile, cp } from "node:fs/promises";
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

describe("npm start", () => {
  let articles: string;
  let server: StartedServer;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    articles = path.join(await tempDir("served-articles"), "articles");
    await cp(path.join(projectRoot, "test/fixtures/basic/content/articles"), articles, { recursive: true });
    server = startServer(articles, await tempDir("served-site"), await tempDir("served-cache"));
    url = await server.url();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it("listens on localhost only", () => {
    const addresses = listeningAddresses(Number(new URL(url).port));
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(LOOPBACK_ADDRESSES).toContain(address);
  });

  it("shows a broken article's error in the open page until it is fixed, then the page again", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(url + ARTICLE_URL);
      await expect.poll(() => page.locator("h1").first().textContent()).toBe("Police massacre in Juliaca");

      const file = path.join(articles, "iwo/a.md");
      const good = await readFile(file, "utf8");
      await writeFile(file, good.replace("title: Police massacre in Juliaca", "title: [Police massacre in Juliaca"));
      const heading = page.locator("h1").first();
      await waitFor(
        "the error in the page",
        async () => ((await heading.textContent().catch(() => "")) === "The site could not be built" ? true : undefined),
        { ms: 120_000, detail: server.output },
      );
      const error = (await page.locator("main").textContent()) ?? "";
      // The file, the line and what is wrong on it.
      expect(error).toMatch(/iwo\/a\.md \d+:\d+ the YAML front matter is invalid/);
      // And what to do about it, as `npm run check` says it.
      expect(error).toContain("hint: check the indentation, and put quotes around values");

      await writeFile(file, good);
      await waitFor(
        "the article again",
        async () => ((await heading.textContent().catch(() => "")) === "Police massacre in Juliaca" ? true : undefined),
        { ms: 120_000, detail: server.output },
      );
    } finally {
      await page.close();
    }
  }, 300_000);

  it("reloads a saved article's open page before the rebuild ends", async () => {
    const page = await browser.newPage();
    /** Each reload the server sent the page: whether the server had ended a build since the save by then. */
    const reloads: boolean[] = [];
    let savedAt = Infinity;
    // Eleventy logs "Wrote N files" once a build has ended, search index and exports included.
    const buildEnded = () => server.output().indexOf(" Wrote ", savedAt) >= 0;
    page.on("websocket", (socket) =>
      socket.on("framereceived", ({ payload }) => {
        if (String(payload).includes('"eleventy.reload"')) reloads.push(buildEnded());
      }),
    );
    try {
      await page.goto(url + ARTICLE_URL);
      await expect.poll(() => page.locator("h1").first().textContent()).toBe("Police massacre in Juliaca");
      const file = path.join(articles, "iwo/a.md");
      const sentence = "A sentence saved while the page is open.";
      savedAt = server.output().length;
      await writeFile(file, `${await readFile(file, "utf8")}\n${sentence}\n`);
      await waitFor(
        "the saved sentence in the open page",
        async () =>
          (
            await page
              .locator("main")
              .textContent()
              .catch(() => "")
          )?.includes(sentence)
            ? true
            : undefined,
        { ms: 120_000, detail: server.output },
      );
      await waitFor("the end of the rebuild", () => (buildEnded() ? true : undefined), { ms: 120_000, detail: server.output });
      // The reload that showed it came before the build had ended (Eleventy's own comes after).
      expect(reloads[0]).toBe(false);
    } finally {
      await page.close();
    }
  }, 300_000);
});
