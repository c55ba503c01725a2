/**
 * The dek under the headline is the summary, unless the body opens with the
 * same words: a listing's teaser is kept as both, and a reader should not read
 * it twice.
 */
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import type { ArticleCitations } from "../../src/exports/citation-cache.ts";
import { render, summaryOpensBody } from "../../templates/article.11ty.ts";
import { generatedRecords } from "../support/generated-records.ts";

const citationsOf = (): ArticleCitations => ({ reference: "", "cite.bib": "", "cite.ris": "", "cite.json": "" });
const dekOf = (page: string) => /<p class="dek"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1];
const teaser = "Miners of Cerro de Pasco stopped work on Monday.";

describe("the dek", () => {
  const [own, whole, opening, spaced, empty] = generatedRecords(5);
  const records = [
    { ...own!, summary: "A summary of its own." },
    { ...whole!, summary: teaser, text: teaser, html: `<p>${teaser}</p>` },
    {
      ...opening!,
      summary: teaser,
      text: `${teaser}\n\nThe strike spread to the smelters.`,
      html: `<p>${teaser}</p>\n<p>The strike spread to the smelters.</p>`,
    },
    { ...spaced!, summary: "Miners of Cerro de Pasco\nstopped work  on Monday.", text: teaser, html: `<p>${teaser}</p>` },
    { ...empty!, summary: teaser, text: "", html: "" },
  ];
  const archive = buildArchive(records, siteConfigFromEnv({}));
  const page = (index: number) => render({ archive, article: archive.articles.find((a) => a.id === records[index]!.id)!, citationsOf });

  it("shows a summary that the body does not open with", () => {
    expect(dekOf(page(0))).toBe("A summary of its own.");
  });

  it("is left out when the body is the summary, or opens with it, whatever the spacing", () => {
    for (const index of [1, 2, 3]) {
      expect(summaryOpensBody(records[index]!)).toBe(true);
      expect(dekOf(page(index))).toBeUndefined();
      expect(page(index)).toContain(`<p>${teaser}</p>`);
    }
  });

  it("stays when the summary is all the source gives", () => {
    expect(summaryOpensBody(records[4]!)).toBe(false);
    expect(dekOf(page(4))).toBe(teaser);
  });
});
