/**
 * Issue 6, in a real browser: Chromium opens every page built from the
 * hostile corpus, pokes every element with the events handlers listen for, and
 * runs a search that lists every hostile article. No attacker's script may
 * run (`window.__pwned` stays undefined), no dialog may open, and the console
 * stays free of errors other than the expected ones.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/records/article-record.ts";
import { launchBrowser } from "../support/browser.ts";
import { serveDirectory, type StaticServer } from "../support/static-server.ts";
import { searchPageState } from "./support/search-page.ts";
import { buildHostileSite, hostileRecords, listBuiltFiles, SEARCH_WORD, type HostileSite } from "../support/hostile-site.ts";

/** A transparent pixel for images outside the site: the test runs offline, and a broken image is not an attack. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
/** Chromium's notes about a CSP that arrives in a meta element are expected, not attacks. */
const EXPECTED_CONSOLE = [/The Content Security Policy directive 'frame-ancestors' is ignored when delivered via a <meta> element/];

interface Watch {
  dialogs: string[];
  errors: string[];
  foreignRequests: string[];
}

let site: HostileSite;
let server: StaticServer;
let browser: Browser;
let records: ArticleRecord[];

beforeAll(async () => {
  records = await hostileRecords();
  site = await buildHostileSite();
  server = await serveDirectory(site.output);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.close();
});

async function watchedPage(): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch: Watch = { dialogs: [], errors: [], foreignRequests: [] };
  const missingImages = new Set<string>();
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    watch.foreignRequests.push(`${route.request().resourceType()} ${url}`);
    if (route.request().resourceType() === "image") return route.fulfill({ status: 200, contentType: "image/gif", body: PIXEL });
    return route.abort();
  });
  page.on("dialog", (dialog) => {
    watch.dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => watch.errors.push(`${page.url()}: uncaught ${error.message}`));
  page.on("response", (response) => {
    if (response.status() === 404 && response.request().resourceType() === "image") missingImages.add(response.url());
  });
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // Bodies may point images at addresses that do not exist (`<img src=x>`): a 404, not an attack.
    if (/Failed to load resource/.test(text) && missingImages.has(message.location().url)) return;
    if (EXPECTED_CONSOLE.some((pattern) => pattern.test(text))) return;
    watch.errors.push(`${page.url()}: console ${text}`);
  });
  return { page, watch };
}

/** Fires at every element the events inline handlers and autofocus tricks wait for. */
async function pokeEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    const events = [
      "mouseover",
      "mouseenter",
      "mousemove",
      "pointerover",
      "focus",
      "focusin",
      "toggle",
      "load",
      "error",
      "animationstart",
      "transitionend",
      "begin",
    ];
    for (const element of Array.from(document.querySelectorAll("body *"))) {
      for (const type of events) element.dispatchEvent(new Event(type, { bubbles: false }));
    }
  });
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe("the hostile corpus in Chromium", () => {
  it("runs nothing on any page built from it", async () => {
    const { page, watch } = await watchedPage();
    const files = await listBuiltFiles(site.output, ".html");
    const pages = files.map((file) => `/${file.replace(/index\.html$/, "")}`);
    const redirects = new Set(
      files
        .filter((file) => /http-equiv="refresh"/i.test(readFileSync(path.join(site.output, file), "utf8")))
        .map((file) => `/${file.replace(/index\.html$/, "")}`),
    );
    expect(redirects.size).toBeGreaterThan(0);
    expect(pages.length).toBeGreaterThan(records.length);
    const ran: string[] = [];
    for (const address of pages) {
      await page.goto(`${server.url}${address}`, { waitUntil: "load" });
      // A redirect page (an alias) moves on by itself: let it land, then look at where it landed.
      if (redirects.has(address)) await page.waitForURL((url) => url.pathname !== address, { waitUntil: "load" });
      await pokeEverything(page);
      const sentinel = await pwned(page);
      if (sentinel !== undefined) ran.push(`${address}: window.__pwned is ${String(sentinel)}`);
      if ((await page.title()).includes("PWNED")) ran.push(`${address}: title changed`);
    }
    await page.context().close();
    expect(ran).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    // Nothing comes from outside the site: other hosts' images are links by default (`external-images: link`).
    expect(watch.foreignRequests).toEqual([]);
  });

  it("runs nothing when a search lists every hostile article", async () => {
    const { page, watch } = await watchedPage();
    await page.goto(`${server.url}/search/?q=${SEARCH_WORD}`, { waitUntil: "load" });
    const expected = records.map((r) => r.permalink).sort();
    // The index itself finds all of them ...
    // A string, so the test runner does not rewrite the page's own `import()`.
    const indexed = await page.evaluate<string[]>(`(async () => {
      const pagefind = await import("/pagefind/pagefind.js");
      const search = await pagefind.search(${JSON.stringify(SEARCH_WORD)});
      return Promise.all(search.results.map(async (result) => (await result.data()).url));
    })()`);
    expect([...indexed].sort()).toEqual(expected);
    // ... and the page shows them: load every page of results, open every filter.
    const links = page.locator(".pf-result-link");
    await expect
      .poll(async () => links.count(), { timeout: 20_000 })
      .toBeGreaterThan(0)
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\n${await searchPageState(page)}\nerrors: ${watch.errors.join("\n")}`, { cause: error });
      });
    // Results load as they scroll into view (skeletons until then), and a long list may have a "more" button.
    const shown = async () => {
      const more = page.locator("button", { hasText: /load more|more results|show more/i });
      if ((await more.count()) > 0 && (await more.first().isVisible())) await more.first().click();
      await page.mouse.wheel(0, 10_000);
      await page.evaluate(() => document.querySelector(".pf-result[aria-hidden='true']")?.scrollIntoView());
      const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      return [...new Set(hrefs)].sort();
    };
    await expect.poll(shown, { timeout: 30_000, interval: 250 }).toEqual(expected);
    // Open every folded part a reader can see; each click changes which ones match, so always take the first.
    const folded = page.locator("details:not([open]) > summary:visible");
    for (let opened = 0; opened < 50 && (await folded.count()) > 0; opened++) await folded.first().click();
    await pokeEverything(page);
    expect(await pwned(page)).toBeUndefined();
    // The hostile values are shown as text in results and filters, never as markup.
    const shownTitles = await links.allTextContents();
    for (const record of records) expect(shownTitles).toContain(record.title);
    const injected = await page.evaluate(
      () =>
        document.querySelectorAll(
          "main script:not([type='application/json']), main img[onerror], main svg, main iframe, main [onload], main [onmouseover]",
        ).length,
    );
    expect(injected).toBe(0);
    await page.context().close();
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it("would see an attack: a planted script is caught by the CSP or by the sentinel", async () => {
    const { page, watch } = await watchedPage();
    const shell = readFileSync(path.join(site.output, "404.html"), "utf8");
    const plant = (name: string, html: string) => {
      mkdirSync(path.join(site.output, name), { recursive: true });
      writeFileSync(path.join(site.output, name, "index.html"), html);
    };
    // With the page's CSP: the inline script and handler are refused, and the refusal is an error.
    plant(
      "planted-with-csp",
      shell.replace("</main>", `<script>window.__pwned = 1</script><img src="/x" onerror="window.__pwned = 2"></main>`),
    );
    await page.goto(`${server.url}/planted-with-csp/`, { waitUntil: "load" });
    expect(await pwned(page)).toBeUndefined();
    expect(watch.errors.join("\n")).toMatch(/Content Security Policy/);
    // Without it, the sentinel and the dialog listener see the script run.
    plant("planted-without-csp", `<!doctype html><title>x</title><script>window.__pwned = 1; alert(1)</script>`);
    await page.goto(`${server.url}/planted-without-csp/`, { waitUntil: "load" });
    expect(await pwned(page)).toBe(1);
    expect(watch.dialogs).toHaveLength(1);
    await page.context().close();
  });
});
