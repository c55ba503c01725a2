/** The page's formatted reference: CSL rich-text tags in a title are text, never markup; the style adds only `<i>`. */
import { describe, expect, it } from "vitest";
import { cslItemToReferenceHtml, type CslItem } from "../../src/exports/citations.ts";

const item: CslItem = {
  id: "x",
  "citation-key": "x",
  type: "article-newspaper",
  title: "Plain title",
  "container-title": "Fight Back! News",
  URL: "https://archive.example.org/2023/x/",
  language: "en",
  archive: "Hemeroteca",
  issued: { "date-parts": [[2023, 1, 9]] },
  author: [{ literal: "staff" }],
};

describe("cslItemToReferenceHtml", () => {
  it("formats an APA reference with the publication in italics", () => {
    expect(cslItemToReferenceHtml(item, "en")).toBe(
      "staff. (2023, January 9). Plain title. <i>Fight Back! News</i>. Hemeroteca. https://archive.example.org/2023/x/",
    );
  });

  it.each([
    "<i>italic</i> <b>bold</b>",
    '<span style="font-variant:small-caps;">caps</span> <sup>2</sup>',
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
  ])("keeps %s as text", (title) => {
    const reference = cslItemToReferenceHtml({ ...item, title, author: [{ literal: "<b>A</b>" }] }, "en");
    expect(reference.match(/<[^>]*>/g)).toEqual(["<i>", "</i>"]);
    expect(reference).not.toContain("\uE000");
  });

  it("writes an undated reference as n.d. and an approximate one with ca.", () => {
    const { issued: _issued, ...undated } = item;
    expect(cslItemToReferenceHtml(undated, "en")).toContain("(n.d.)");
    expect(cslItemToReferenceHtml({ ...item, issued: { "date-parts": [[2023, 1]], circa: true } }, "en")).toContain("(ca. 2023, January)");
  });
});
