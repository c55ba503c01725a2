/**
 * The search boxes of the home page and the not-found page suggest words
 * that are in the archive's articles (the search page's are tried in
 * Chromium, in search-page-finds-both-languages-in-chromium.test.ts).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResearchSite, type ResearchSite } from "./research-site.ts";

let site: ResearchSite;
beforeAll(() => {
  site = buildResearchSite();
});
afterAll(() => site?.remove());

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

describe("the search boxes", () => {
  it.each(["/index.html", "/404.html"])("of %s suggest words the articles hold", (address) => {
    const placeholder = /<input[^>]*type="search"[^>]*placeholder="([^"]*)"/.exec(readFileSync(site.file(address), "utf8"))?.[1] ?? "";
    const examples = /^e\.g\. (.+)$/.exec(placeholder)?.[1]?.split(", ") ?? [];
    expect(examples, placeholder).toHaveLength(2);
    const texts = readFileSync(site.file("/data/archive.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { title: string; text: string })
      .map((record) => fold(`${record.title}\n${record.text}`));
    for (const example of examples)
      expect(
        texts.some((text) => text.includes(fold(example))),
        example,
      ).toBe(true);
  });
});
