/** Every built HTML page is valid HTML by html-validate's recommended rules. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReaderSite, listHtmlFiles, type ReaderSite } from "./support/reader-site.ts";
import { validateHtml } from "./support/site-checks.ts";

let site: ReaderSite;
let files: string[];

beforeAll(async () => {
  site = await buildReaderSite();
  files = await listHtmlFiles(site.output);
});

afterAll(async () => {
  await site?.close();
});

describe("html-validate", () => {
  it("finds no error on any built page", async () => {
    expect(files.length).toBeGreaterThan(100);
    const problems = await validateHtml(site.output, files);
    expect(problems, problems.slice(0, 40).join("\n")).toEqual([]);
  });
});
