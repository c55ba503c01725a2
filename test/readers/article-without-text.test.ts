/**
 * An article whose source gives no text (a listing item with a headline and a
 * "read more" link only) says so on its page instead of showing nothing; one
 * with no source, written in by hand without its text, says that its text has
 * not been added, blaming no source.
 */
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import type { ArticleCitations } from "../../src/exports/citation-cache.ts";
import { render } from "../../templates/article.11ty.ts";
import { generatedRecords } from "../support/generated-records.ts";

const citationsOf = (): ArticleCitations => ({ reference: "", "cite.bib": "", "cite.ris": "", "cite.json": "" });

/** The article body element's inner HTML. */
const bodyOf = (page: string) => /<div class="article-body">([\s\S]*?)<\/div>\s*<\/article>/.exec(page)?.[1]?.trim();

describe("an article without text", () => {
  const [withText, headlineOnly, withSummary, bySomeone] = generatedRecords(4);
  const source = { file: "content/sources/test-press/listing.md", sha256: "0".repeat(64), lines: [3, 4] as [number, number] };
  const records = [
    withText!,
    { ...headlineOnly!, html: "", text: "", summary: undefined, url: undefined, source },
    { ...withSummary!, html: "\n", text: "", url: "https://example.org/original", source },
    { ...bySomeone!, html: "", text: "", source: undefined, url: "https://example.org/original" },
  ];
  const archive = buildArchive(records, siteConfigFromEnv({}));
  const page = (id: string) => render({ archive, article: archive.articles.find((a) => a.id === id)!, citationsOf });

  it("says that the source shows only its headline, in the site's language", () => {
    const body = bodyOf(page(headlineOnly!.id));
    expect(body).toMatch(
      /^<p class="body-missing"( lang="en")?>The source shows only the headline of this article; its text is not in the archive\.<\/p>$/,
    );
    if (headlineOnly!.language !== "en") expect(body).toContain('lang="en"');
  });

  it("names the summary when there is one, and points to the original when its address is known", () => {
    expect(bodyOf(page(withSummary!.id))).toContain(
      "The source shows only the headline and summary of this article; its text is not in the archive. The original may have it: see Provenance.",
    );
  });

  it("with no source, says that its text has not been added, and points to the original", () => {
    expect(bodyOf(page(bySomeone!.id))).toContain(
      "The archive holds the details of this article only; its text has not been added. The original may have it: see Provenance.",
    );
  });

  it("shows the text, and no such note, when there is text", () => {
    const body = bodyOf(page(withText!.id))!;
    expect(body).toBe(withText!.html.trim());
    expect(body).not.toContain("body-missing");
  });
});
