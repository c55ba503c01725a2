/** A feed's rights line and the line above each entry's text are in the interface's language, English or Spanish. */
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { feedDocument, feedInput } from "../../src/render/feeds.ts";
import { generatedRecords } from "../support/generated-records.ts";

function feedsIn(language: "en" | "es") {
  const records = generatedRecords(3);
  const { date: _, parsedDate: __, ...undated } = records[2]!;
  const archive = buildArchive([records[0]!, records[1]!, { ...undated, parsedDate: null }], { ...siteConfigFromEnv({}), language });
  const input = feedInput(archive, archive.feeds[0]!);
  return { atom: feedDocument(input, "atom"), json: JSON.parse(feedDocument(input, "json")) as { items: Array<{ content_html: string }> } };
}

describe("feeds in the interface's language", () => {
  it("says who the articles belong to, and where and when each was published, in English", () => {
    const { atom, json } = feedsIn("en");
    expect(atom).toContain("<rights>Each article belongs to its publication</rights>");
    expect(json.items.map((item) => item.content_html.split("\n")[0])).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^<p>Published in <i>[^<]+<\/i>, <time datetime="[\d-]+">\d{1,2} [A-Z][a-z]+ \d{4}<\/time>\.<\/p>$/),
        expect.stringMatching(/^<p>Published in <i>[^<]+<\/i>, undated\.<\/p>$/),
      ]),
    );
  });

  it("says the same in Spanish, with Spanish dates, and no English words of its own", () => {
    const { atom, json } = feedsIn("es");
    expect(atom).toContain("<rights>Cada artículo pertenece a su publicación</rights>");
    expect(atom).not.toMatch(/Published in|belongs to/);
    expect(json.items.map((item) => item.content_html.split("\n")[0])).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^<p>Publicado en <i>[^<]+<\/i>, <time datetime="[\d-]+">\d{1,2} de [a-z]+ de \d{4}<\/time>\.<\/p>$/),
        expect.stringMatching(/^<p>Publicado en <i>[^<]+<\/i>, sin fecha\.<\/p>$/),
      ]),
    );
  });
});
