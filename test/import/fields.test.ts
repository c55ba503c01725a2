/**
 * The small readers behind the fields: provisional headlines, dates with
 * honest precision, language of short text, tags, translations, layout.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseVocabulary, assignTags, detectLanguage, detectLayout } from "../../src/import/index.ts";
import { extractDateline, headlineFromTeaser, splitSentences } from "../../src/import/derive-headline.ts";
import { findDates, parseDateLine, resolveYear, toEdtf } from "../../src/import/extract-date.ts";
import { pairTranslations } from "../../src/import/pair-translations.ts";
import { noteNeighbourDates } from "../../src/import/listing-dates.ts";
import type { Draft } from "../../src/import/types.ts";
import type { ImportError } from "../../src/records/import-error.ts";
import { loadVocabulary, TAGS_FILE } from "../../src/import/assign-tags.ts";
import { runCheck } from "../../src/check/run-check.ts";

describe("provisional headlines are the teaser's own words", () => {
  it("takes the first sentence, without the dateline, not cut after an abbreviation", () => {
    expect(headlineFromTeaser("Lima, Peru – Dr. Ana Ruiz spoke to the strikers. Then she left.")).toBe(
      "Dr. Ana Ruiz spoke to the strikers",
    );
    expect(splitSentences("Fight Back! interviewed her. She said no.")).toEqual(["Fight Back! interviewed her.", "She said no."]);
  });

  it("cuts a long sentence at its first clause of 8 to 22 words", () => {
    const teaser =
      "Tucson, AZ – On December 7, a month of people’s protests was kicked off when democratically-elected President Pedro Castillo, a former union educator and strike leader, was arrested by Peruvian armed forces.";
    expect(headlineFromTeaser(teaser)).toBe(
      "On December 7, a month of people’s protests was kicked off when democratically-elected President Pedro Castillo…",
    );
    expect(teaser).toContain(headlineFromTeaser(teaser)!.replace(/…$/, ""));
  });

  it("marks a cut with an ellipsis, and a whole sentence with nothing", () => {
    const long =
      "Miners from the southern regions marched for three days across the altiplano toward the capital city where thousands more waited for them in the main square";
    expect(headlineFromTeaser(long)).toBe(
      "Miners from the southern regions marched for three days across the altiplano toward the capital city…",
    );
    expect(headlineFromTeaser("Miners marched for three days across the altiplano.")).toBe(
      "Miners marched for three days across the altiplano",
    );
  });

  it("reads a dateline", () => {
    expect(extractDateline("Caracas, Venezuela – The Communist Party ...")).toEqual({
      place: "Caracas, Venezuela",
      rest: "The Communist Party ...",
    });
    expect(extractDateline("The Communist Party – of Venezuela")).toBeUndefined();
  });
});

describe("dates: only what the text says", () => {
  it("gives no year to a date printed without one", () => {
    const [date] = findDates("On December 7, a month of protests", "en");
    expect(date).toMatchObject({ month: 12, day: 7 });
    expect(date!.year).toBeUndefined();
    expect(toEdtf(date!)).toBeUndefined();
  });

  it("keeps the precision printed: day, month", () => {
    expect(toEdtf(parseDateLine("*December 13th, 2022*")!.date)).toBe("2022-12-13");
    expect(toEdtf(parseDateLine("15 de enero de 2023")!.date)).toBe("2023-01-15");
    expect(toEdtf(parseDateLine("February 2023")!.date)).toBe("2023-02");
    expect(parseDateLine("Majes, January 10th, 2023")).toMatchObject({ place: "Majes" });
    expect(parseDateLine("January 1, Masses from all over the country arrive in Lima")).toBeUndefined();
  });

  it("resolves a year only from a publication date that proves it", () => {
    expect(resolveYear({ text: "December 13th", index: 0, month: 12, day: 13 }, { year: 2023, month: 1, day: 31 })).toBe(2022);
    expect(resolveYear({ text: "January 4", index: 0, month: 1, day: 4 }, { year: 2023, month: 1, day: 31 })).toBe(2023);
  });

  it("notes the interval dated neighbours bound, newest first, and gives no date the page does not print", () => {
    const draft = (title: string, date?: string): Draft => ({
      title,
      review: [],
      body: "",
      consumed: [],
      ...(date ? { date, dateIsFirm: true } : {}),
    });
    const listing = [draft("a", "2023-01-09"), draft("b"), draft("c", "2022-12")];
    noteNeighbourDates(listing);
    expect(listing[1]!.date).toBeUndefined();
    expect(listing[1]!.review[0]).toMatch(/^no date printed; its listing neighbours \(newest first\) date it 2022-12\/2023-01-09: /);
    const unordered = [draft("a", "2022-12-01"), draft("b"), draft("c", "2023-01-09")];
    noteNeighbourDates(unordered);
    expect(unordered[1]!.date).toBeUndefined();
    expect(unordered[1]!.review).toEqual([]);
  });
});

describe("language of short text", () => {
  it("tells Spanish from English in a headline", () => {
    expect(detectLanguage("PCV: Debemos Aprender Lecciones de Conflict Político en Brasil").language).toBe("es");
    expect(detectLanguage("Is Peru witnessing a parliamentary coup?").language).toBe("en");
    expect(detectLanguage("¿Cuál es su organización?").language).toBe("es");
    expect(detectLanguage("In the famous Red Corner in the Casa Museo José Carlos Mariátegui in Jesús María, Lima").language).toBe("en");
  });

  it("tells Portuguese from Spanish by the marks only one of them prints, and keeps to the languages asked for", () => {
    expect(detectLanguage("Não sei se a reunião das comissões será amanhã ou depois").language).toBe("pt");
    expect(detectLanguage("No sé si la reunión de las comisiones será mañana o después").language).toBe("es");
    expect(detectLanguage("A votação do projeto ficou para a próxima sessão").language).toBe("pt");
    expect(detectLanguage("La votación del proyecto quedó para la próxima sesión").language).toBe("es");
    expect(detectLanguage("Não sei se a reunião das comissões será amanhã ou depois", ["en", "es"]).language).toBe("es");
  });
});

describe("tags from the vocabulary", () => {
  const vocabulary = parseVocabulary(`
coup: { en: [coup], es: [golpe, golpista*] }
protests: { en: [protest*] }
Dina Boluarte: { any: [Boluarte] }
`);
  it("match whole words, ignoring case and accents, in the item's language", () => {
    expect(assignTags("Usurper BOLUARTE faces protesters after the coup", "en", vocabulary)).toEqual(["coup", "protests", "Dina Boluarte"]);
    expect(assignTags("El gobierno golpista de Boluarte", "es", vocabulary)).toEqual(["coup", "Dina Boluarte"]);
    expect(assignTags("A coupon for protestant workers", "en", vocabulary)).toEqual(["protests"]);
    expect(assignTags("No tag here", "en", vocabulary)).toEqual([]);
  });

  it("reject a vocabulary that is not tag -> language -> words", () => {
    expect(() => parseVocabulary("coup: [coup]")).toThrow(/content\/tags.yml/);
    try {
      parseVocabulary("coup:\n  en: [coup]\nstrike:\n  en: strike\n");
      expect.unreachable("a vocabulary with a word list that is not a list was read");
    } catch (error) {
      expect((error as ImportError).details).toEqual([
        expect.stringMatching(/^content\/tags\.yml 4:3 strike\.en: the tag vocabulary is not in the expected form: .*expected array/),
      ]);
    }
  });
});

describe("the vocabulary file is read as `npm run check` reads it", () => {
  const projects: string[] = [];
  const project = () => {
    projects.push(mkdtempSync(path.join(tmpdir(), "hemeroteca-vocabulary-")));
    return projects.at(-1)!;
  };
  afterAll(() => projects.forEach((root) => rmSync(root, { recursive: true, force: true })));
  const write = (root: string, bytes: string | Buffer) => {
    mkdirSync(path.join(root, "content"), { recursive: true });
    writeFileSync(path.join(root, TAGS_FILE), bytes);
  };

  it("is no vocabulary and no error when there is no file", async () => {
    const root = project();
    await expect(loadVocabulary(root)).resolves.toBeUndefined();
    expect((await runCheck({ root })).problems.filter((problem) => problem.file === TAGS_FILE)).toEqual([]);
  });

  it.each([
    ["not UTF-8", (root: string) => write(root, Buffer.from("huelga:\n  es: [huelga, paro, \u00f1]\n", "latin1")), "not valid UTF-8"],
    [
      "a symbolic link",
      (root: string) => {
        write(root, "");
        rmSync(path.join(root, TAGS_FILE));
        writeFileSync(path.join(root, "elsewhere.yml"), "strike:\n  en: [strike]\n");
        symlinkSync(path.join(root, "elsewhere.yml"), path.join(root, TAGS_FILE));
      },
      "not a plain file",
    ],
    ["too large", (root: string) => write(root, `strike:\n  en: [${"strike, ".repeat(150_000)}strike]\n`), "more than the limit"],
  ])("stops the import, as the check reports it, when it is %s", async (_, make, message) => {
    const root = project();
    make(root);
    const checked = (await runCheck({ root })).problems.filter((problem) => problem.file === TAGS_FILE);
    expect(checked).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining(message) })]);
    const error = await loadVocabulary(root).then(
      () => undefined,
      (thrown: unknown) => thrown as ImportError,
    );
    expect(error?.message).toMatch(/content\/tags\.yml: the tag vocabulary cannot be read; nothing was imported/);
    expect(error?.details).toEqual([expect.stringContaining(checked[0]!.message)]);
  });
});

describe("translations and layouts", () => {
  it("pairs the same piece in two languages, not pieces that only share a name", () => {
    const pairs = pairTranslations([
      {
        language: "es",
        text: "Enver León: “La mayoría de los peruanos quieren un cambio de Constitución”. A tres meses del golpe contra Pedro Castillo.",
      },
      {
        language: "en",
        text: "Enver León: “The majority of Peruvians want a change in the Constitution”. Three months since Pedro Castillo was overthrown.",
      },
      { language: "en", text: "Peruvian President Pedro Castillo leaves Free Peru party" },
    ]);
    expect(pairs).toEqual([[0, 1]]);
  });

  it("detects a print issue by its index, and a listing otherwise", () => {
    const lines = (text: string) => text.split("\n").map((line, index) => ({ n: index + 1, text: line }));
    expect(detectLayout(lines("# INDEX\n\nOne .....2\n\nTwo .....4\n\nThree .....7\n"))).toBe("print-issue");
    expect(detectLayout(lines("Headline one\n\nA teaser that says what happened.\n\nHeadline two\n\nAnother teaser.\n"))).toBe("listing");
  });
});
