import { describe, expect, it } from "vitest";
import { buildArchive } from "../../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../../src/archive/site-config.ts";
import type { ArticleRecord } from "../../../src/records/article-record.ts";
import { parseArticle } from "../../../src/records/parse-article.ts";
import { languagesOfArchive, searchExamples, searchPlaceholder } from "../../../src/render/search-hints.ts";

function record(name: string, fields: { tags: string[]; language?: string; text: string }): ArticleRecord {
  const file = `---\ntitle: Fixture ${name}\npublication: Fixture Weekly\nlanguage: ${fields.language ?? "en"}\ndate: 2021-05-0${(name.length % 9) + 1}\ntags: [${fields.tags.join(", ")}]\n---\n\n${fields.text}\n`;
  const result = parseArticle(`content/articles/fixture-weekly/${name}.md`, new TextEncoder().encode(file));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.record;
}

const site = siteConfigFromEnv({});

describe("searchExamples", () => {
  // "gamma" is the most used tag, but its articles hold only longer words that start with it.
  const archive = buildArchive(
    [
      record("one", { tags: ["gamma", "alpha"], text: "Placeholder gammas and ALPHA." }),
      record("two", { tags: ["gamma", "alpha", "Río Grande"], text: "Placeholder gammaray, alpha, rio grande." }),
      record("three", { tags: ["gamma", "beta"], text: "Placeholder text with beta in it." }),
    ],
    site,
  );

  it("offers the most used tags whose names a search finds in their articles, case and accents aside", () => {
    expect(searchExamples(archive, 5)).toEqual(["alpha", "beta", "Río Grande"]);
    expect(searchExamples(archive, 2)).toEqual(["alpha", "beta"]);
  });

  it("makes a placeholder of them, or says something plain when there is none", () => {
    expect(searchPlaceholder(archive, 2)).toBe("e.g. alpha, beta");
    const untagged = buildArchive([record("four", { tags: [], text: "Placeholder." })], site);
    expect(searchExamples(untagged, 3)).toEqual([]);
    expect(searchPlaceholder(untagged, 3)).toBe("Words to find");
  });
});

describe("languagesOfArchive", () => {
  const english = record("one", { tags: [], text: "Placeholder." });
  const spanish = record("two", { tags: [], language: "es", text: "Texto de relleno." });

  it("names the languages in the interface's language", () => {
    expect(languagesOfArchive(buildArchive([english, spanish], site))).toBe("English and Spanish");
    expect(languagesOfArchive(buildArchive([english, spanish], { ...site, language: "es" }))).toBe("inglés y español");
  });

  it("says nothing of languages when there is one", () => {
    expect(languagesOfArchive(buildArchive([english], site))).toBeUndefined();
  });
});
