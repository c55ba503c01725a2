/**
 * The boilerplate lexicon on lines of real pages (kept under dev-pages/ with
 * their addresses): credits, lead-ins to other articles, labels and controls
 * are dropped with their reason; captions and headlines are not.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LEXICON, lexiconReason } from "../../../src/import/boilerplate-lexicon.ts";
import { boilerplateReason } from "../../../src/import/boilerplate.ts";
import { REPO } from "../../import/support.ts";

const devLines = (name: string) =>
  readFileSync(path.join(REPO, "test/import/dev-pages", name), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

describe("the boilerplate lexicon", () => {
  it("is a table of phrases by language and reason", () => {
    for (const row of LEXICON) {
      expect(row.reason).not.toBe("");
      expect(["en", "es", "pt", "any"]).toContain(row.language);
      expect((row.lines?.length ?? 0) + (row.starts?.length ?? 0) + (row.patterns?.length ?? 0)).toBeGreaterThan(0);
    }
    expect(new Set(LEXICON.filter((row) => row.starts).map((row) => row.language))).toEqual(new Set(["en", "es", "pt", "any"]));
  });

  it("drops photo credits and keeps captions that say what the photo shows", () => {
    const afp = devLines("blogs-afp-correspondent-listing.md");
    expect(lexiconReason(afp.find((line) => line.startsWith("(AFP Photo"))!)).toBe("photo credit");
    expect(lexiconReason(afp.find((line) => line.startsWith("(Photo: AFP"))!)).toBe("photo credit");
    expect(lexiconReason(afp.find((line) => line.startsWith("A man carrying a sailfish"))!)).toBeUndefined();
    expect(lexiconReason(devLines("ayalalaotratribuna-blogspot-label.md").find((line) => line.startsWith("Foto:"))!)).toBe("photo credit");
    expect(lexiconReason("Photo: Ernesto Benavides / AFP")).toBe("photo credit");
    expect(lexiconReason("Foto: Juan Pérez / EFE")).toBe("photo credit");
    expect(lexiconReason("Photo: Protesters march in Lima")).toBeUndefined();
  });

  it("drops lead-ins to other articles in English, Spanish and Portuguese, not sentences that open alike", () => {
    expect(lexiconReason("Read also: Something else")).toMatch(/Read also/);
    expect(lexiconReason("Continue reading at The Guardian")).toMatch(/Read also/);
    expect(lexiconReason("También lea: El Congreso")).toMatch(/También lea/);
    expect(lexiconReason("Le puede interesar: Otra nota")).toMatch(/También lea/);
    expect(lexiconReason("También puedes leer: Otra nota")).toMatch(/También lea/);
    expect(lexiconReason("Leia também: Outra")).toMatch(/Leia também/);
    expect(lexiconReason("Recommended changes to the law were approved")).toBeUndefined();
    expect(lexiconReason("See also the report")).toBeUndefined();
  });

  it("drops labels, controls, share and comment furniture of real pages", () => {
    const royal = devLines("royalexaminer-opinion.md");
    expect(boilerplateReason(royal[0]!)).toBe("share buttons");
    expect(boilerplateReason(royal[1]!)).toBe("category label");
    expect(boilerplateReason(royal[3]!)).toBe("metadata label without its value");
    expect(boilerplateReason(royal[4]!)).toBe("metadata label without its value");
    expect(boilerplateReason(royal[2]!)).toBeUndefined();
    expect(boilerplateReason(devLines("croniosv-article.md")[0]!)).toBe("category label");
    expect(boilerplateReason(devLines("ayalalaotratribuna-blogspot-label.md")[0]!)).toBe("archive page notice");
    expect(lexiconReason("previous arrow")).toBe("slider or gallery control");
    expect(lexiconReason("12 comments")).toBe("comment count or comment section");
    expect(lexiconReason("banner-728x90.jpg")).toBe("advertisement");
    expect(lexiconReason("Facebook Twitter WhatsApp")).toBe("share buttons");
  });

  it("drops an audio player's label and clock, and keeps a time of day printed alone", () => {
    // Lines of a development page's audio player.
    expect(lexiconReason("Escucha este artículo")).toBe("audio player");
    expect(lexiconReason("Audio generado con IA de Google")).toBe("audio player");
    expect(lexiconReason("0:00")).toBe("audio player");
    expect(lexiconReason("/")).toBe("audio player");
    expect(lexiconReason("Listen to this article")).toBe("audio player");
    expect(lexiconReason("12:30")).toBeUndefined();
    expect(lexiconReason("Listen to the people of the valley")).toBeUndefined();
  });
});
