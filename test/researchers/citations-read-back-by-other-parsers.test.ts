/**
 * Every citation file, read back by a parser that did not write it, says what
 * the article says: each author (a person split into family and given names,
 * a body whole), the date at its precision with circa and both ends of an
 * interval, the whole id and the one url; and a hostile byline stays inside
 * its field. BibTeX is read by @retorquere/bibtex-parser (Better BibTeX's),
 * RIS by biblatex-csl-converter's RIS parser, CSL-JSON by JSON.parse.
 */
import { parse as parseBibtex, type Creator } from "@retorquere/bibtex-parser";
import { RISParser } from "biblatex-csl-converter";
import { describe, expect, it } from "vitest";
import { articleToCitations } from "../../src/exports/citation-cache.ts";
import type { CslName } from "../../src/exports/citation-names.ts";
import { parseArticle } from "../../src/records/parse-article.ts";

const SITE = { baseUrl: "https://example.org/archive", title: "Hemeroteca", language: "en" } as Parameters<
  typeof articleToCitations
>[1]["site"];
const HOSTILE = "Evil}}, note = {\\input{/etc/passwd}}, x = {{";

interface DateCase {
  edtf: string | undefined;
  year?: string;
  month?: string;
  date?: string;
  da?: string;
  issued?: { "date-parts": number[][]; circa?: true };
}
const DATES: Record<string, DateCase> = {
  day: { edtf: "2023-01-09", year: "2023", month: "1", date: "2023-01-09", da: "2023/01/09/", issued: { "date-parts": [[2023, 1, 9]] } },
  month: { edtf: "2022-12", year: "2022", month: "12", date: "2022-12", da: "2022/12//", issued: { "date-parts": [[2022, 12]] } },
  year: { edtf: "2021", year: "2021", date: "2021", da: "2021///", issued: { "date-parts": [[2021]] } },
  uncertain: {
    edtf: "2022-12-07?",
    year: "2022",
    month: "12",
    date: "2022-12-07?",
    da: "2022/12/07/circa",
    issued: { "date-parts": [[2022, 12, 7]], circa: true },
  },
  approximate: {
    edtf: "2023-02~",
    year: "2023",
    month: "2",
    date: "2023-02~",
    da: "2023/02//circa",
    issued: { "date-parts": [[2023, 2]], circa: true },
  },
  interval: {
    edtf: "2022-12/2023-01",
    year: "2022",
    month: "12",
    date: "2022-12/2023-01",
    da: "2022/12//to 2023-01",
    issued: {
      "date-parts": [
        [2022, 12],
        [2023, 1],
      ],
    },
  },
  "uncertain interval": {
    edtf: "2022-12-07?/2023-01-15",
    year: "2022",
    month: "12",
    date: "2022-12-07?/2023-01-15",
    da: "2022/12/07/circa to 2023-01-15",
    issued: {
      "date-parts": [
        [2022, 12, 7],
        [2023, 1, 15],
      ],
      circa: true,
    },
  },
  undated: { edtf: undefined },
};

const AUTHORS: Record<string, { bylines: string[] | undefined; names?: CslName[] }> = {
  none: { bylines: undefined },
  personal: { bylines: ["Ana Negri"], names: [{ family: "Negri", given: "Ana" }] },
  several: {
    bylines: ["Jim Byrne", "Ana de la Cruz", "García López, María José"],
    names: [
      { family: "Byrne", given: "Jim" },
      { family: "Cruz", given: "Ana", "non-dropping-particle": "de la" },
      { family: "García López", given: "María José" },
    ],
  },
  agency: {
    bylines: ["Agencia Andina", "EFE", "Partido Comunista de Venezuela"],
    names: [{ literal: "Agencia Andina" }, { literal: "EFE" }, { literal: "Partido Comunista de Venezuela" }],
  },
  staff: { bylines: ["staff", "Redacción"], names: [{ literal: "staff" }, { literal: "Redacción" }] },
  hostile: { bylines: [HOSTILE, "Ana Negri"], names: [{ literal: HOSTILE }, { family: "Negri", given: "Ana" }] },
};

const TITLE = "Huelga {general} & paro: 100% de $ # _ ~ ^ \\ en Lima";
const PUBLICATION = "La Izquierda Diario & Co";

const cases = Object.entries(DATES).flatMap(([dateKind, date]) =>
  Object.entries(AUTHORS).map(([authorKind, authors]) => {
    const id = `an-article-whose-id-is-much-longer-than-twenty-characters-${dateKind.replace(/ /g, "-")}-${authorKind}`;
    const front = [
      "---",
      `title: ${JSON.stringify(TITLE)}`,
      `publication: ${JSON.stringify(PUBLICATION)}`,
      "language: es",
      ...(date.edtf ? [`date: ${JSON.stringify(date.edtf)}`] : []),
      ...(authors.bylines ? [`authors: ${JSON.stringify(authors.bylines)}`] : []),
      `id: ${id}`,
      "---",
      "",
      "Texto.",
      "",
    ].join("\n");
    const parsed = parseArticle(`content/articles/x/${id}.md`, new TextEncoder().encode(front));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return {
      name: `${dateKind} date, ${authorKind} author`,
      id,
      date,
      names: authors.names,
      citations: articleToCitations(parsed.record, { site: SITE }),
    };
  }),
);

const URL = (id: string) => `https://example.org/archive/a/${id}/`;

function creatorToCslName(creator: Creator): CslName {
  if (creator.name !== undefined) return { literal: creator.name };
  return { family: creator.lastName!, given: creator.firstName!, ...(creator.prefix ? { "non-dropping-particle": creator.prefix } : {}) };
}

describe.each(cases)("$name", ({ id, date, names, citations }) => {
  it("has BibTeX that Better BibTeX's parser reads back field by field", () => {
    const parsed = parseBibtex(citations["cite.bib"], { fieldMode: { date: "verbatim" } });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(1);
    const [entry] = parsed.entries;
    expect(entry!.key).toBe(id);
    expect(entry!.type).toBe("article");
    const fields = entry!.fields as unknown as Record<string, unknown>;
    expect(fields.title).toBe(TITLE);
    expect(fields.journal).toBe(PUBLICATION);
    expect(fields.url).toBe(URL(id));
    expect(fields.year).toBe(date.year);
    expect(fields.month).toBe(date.month);
    expect(fields.date).toBe(date.date);
    expect(((fields.author ?? undefined) as Creator[] | undefined)?.map(creatorToCslName)).toEqual(names);
    // Nothing a value holds became a field of its own.
    expect(Object.keys(fields).sort()).toEqual(
      ["author", "date", "journal", "language", "month", "title", "url", "year"].filter((field) => fields[field] !== undefined),
    );
    expect(citations["cite.bib"]).not.toMatch(/\{[a-z]+\}-?\s*\n/);
    expect(citations["cite.bib"]).not.toMatch(/month = \{/);
  });

  it("has RIS that biblatex-csl-converter reads back field by field", () => {
    const parser = new RISParser(citations["cite.ris"]);
    // The parser's own reading of the tags, before its mapping to BibLaTeX drops `ID` and `DA`.
    const [record, ...others] = (parser as unknown as { parseRISFormat(): Array<Record<string, string[]>> }).parseRISFormat();
    expect(others).toEqual([]);
    expect(record!.TY).toEqual(["NEWS"]);
    expect(record!.ID).toEqual([id]);
    expect(record!.TI).toEqual([TITLE]);
    expect(record!.T2).toEqual([PUBLICATION]);
    expect(record!.UR).toEqual([URL(id)]);
    expect(record!.PY).toEqual(date.year ? [date.year] : undefined);
    expect(record!.DA).toEqual(date.da ? [date.da] : undefined);
    const corporate = (literal: string) => /\s/.test(literal) && !literal.includes(",");
    const expectedAu = names?.map((name) =>
      "literal" in name
        ? corporate(name.literal)
          ? `${name.literal},`
          : name.literal
        : `${[name["non-dropping-particle"], name.family].filter(Boolean).join(" ")}, ${name.given}`,
    );
    expect(record!.AU).toEqual(expectedAu);
    const result = new RISParser(citations["cite.ris"]).parse();
    expect(result.errors).toEqual([]);
    const entry = Object.values(result.entries)[0]!;
    expect(entry.bib_type).toBe("article-newspaper");
    const text = (value: unknown) => (value as Array<{ text: string }>).map((node) => node.text).join("");
    expect(text(entry.fields.title)).toBe(TITLE);
    expect(text(entry.fields.journaltitle)).toBe(PUBLICATION);
    expect(entry.fields.url).toBe(URL(id));
    if (date.year) expect(entry.fields.date).toBe(date.year);
    const authors = (entry.fields.author ?? []) as Array<Record<string, unknown>>;
    expect(authors).toHaveLength(names?.length ?? 0);
    // A body's name with commas in it cannot be told from `Family, Given` in RIS; every other name reads back whole,
    // a body's of several words as a family name alone (RIS's corporate author).
    authors.forEach((author, index) => {
      const name = names![index]!;
      if ("literal" in name) {
        if (corporate(name.literal)) expect([text(author.family), text(author.given)]).toEqual([name.literal, ""]);
        else if (!name.literal.includes(",")) expect(text(author.literal)).toBe(name.literal);
      } else {
        expect(text(author.family)).toBe([name["non-dropping-particle"], name.family].filter(Boolean).join(" "));
        expect(text(author.given)).toBe(name.given);
      }
    });
  });

  it("has CSL-JSON with every author, the date and the permanent address", () => {
    const [item, ...others] = JSON.parse(citations["cite.json"]);
    expect(others).toEqual([]);
    expect(item).toMatchObject({ id, type: "article-newspaper", title: TITLE, "container-title": PUBLICATION, URL: URL(id) });
    expect(item.author).toEqual(names);
    expect(item.issued).toEqual(date.issued);
  });
});

describe("a hostile byline", () => {
  it("is one author of BibTeX, in braces, and no field of its own", () => {
    const { citations } = cases.find((c) => c.names?.some((name) => "literal" in name && name.literal === HOSTILE))!;
    const parsed = parseBibtex(citations["cite.bib"]);
    const fields = parsed.entries[0]!.fields as unknown as Record<string, unknown>;
    expect(fields.note).toBeUndefined();
    expect(fields.x).toBeUndefined();
    expect(citations["cite.bib"]).not.toContain("\\input{");
  });
});
