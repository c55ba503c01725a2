/** Every internal link and asset on every built page resolves (see link-check.ts). */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { findBrokenLinks } from "./support/link-check.ts";
import { buildReaderSite, listHtmlFiles, type ReaderSite } from "./support/reader-site.ts";

let site: ReaderSite;

beforeAll(async () => {
  site = await buildReaderSite();
});

afterAll(async () => {
  await site?.close();
});

describe("the link checker", () => {
  it("reports a missing page, a missing asset and a missing fragment, and ignores other hosts", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "hemeroteca-links-"));
    try {
      await mkdir(path.join(root, "a"));
      await writeFile(
        path.join(root, "a", "index.html"),
        '<!DOCTYPE html><title>a</title><h1 id="top">A</h1><a href="/">home</a><a href="#top">top</a>',
      );
      await writeFile(
        path.join(root, "index.html"),
        [
          '<!DOCTYPE html><title>home</title><link rel="stylesheet" href="/missing.css">',
          '<a href="/a/">ok</a><a href="a/#top">ok, relative</a><a href="/a/#nowhere">bad fragment</a>',
          '<a href="/b/">missing page</a><img src="/pic.png" alt=""><a href="https://example.org/x">external</a>',
          '<link rel="canonical" href="http://localhost:8080/gone/">',
        ].join(""),
      );
      const report = await findBrokenLinks(root, ["index.html", "a/index.html"], "http://localhost:8080");
      expect(report.broken).toEqual([
        "/index.html: <link href> `/missing.css`: nothing at /missing.css",
        "/index.html: <a href> `/a/#nowhere`: no element with id `nowhere`",
        "/index.html: <a href> `/b/`: nothing at /b/",
        "/index.html: <img src> `/pic.png`: nothing at /pic.png",
        "/index.html: <link href> `http://localhost:8080/gone/`: nothing at /gone/",
      ]);
      expect(report.checked).toBe(9);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("internal links of the built site", () => {
  it("every href and src on every page resolves to a built file, every fragment to an id", async () => {
    const pages = await listHtmlFiles(site.output);
    const report = await findBrokenLinks(site.output, pages, siteConfigFromEnv().baseUrl);
    expect(report.checked).toBeGreaterThan(pages.length * 10);
    expect(report.broken, report.broken.slice(0, 40).join("\n")).toEqual([]);
  });
});
