/**
 * The importer on pages of outlets it was not built on: development pages
 * kept verbatim under dev-pages/ (their addresses in ADDRESSES.txt, their
 * domains in dev-domains.txt), and the shapes the rules read (bylines, date
 * expressions) on fragments of real pages.
 */
import { copyFile, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeBlock } from "../../src/import/blocks.ts";
import { classifyUnit } from "../../src/import/classify-units.ts";
import { datelineAgency, gluedHeadlineAndDate } from "../../src/import/derive-headline.ts";
import { datelineDate, findDates, parseDateLine } from "../../src/import/extract-date.ts";
import { detectLayout, importFiles, type ImportResult } from "../../src/import/index.ts";
import type { SourceKind } from "../../src/import/types.ts";
import { expectEveryLineAccounted, REPO, tempRoot, writePage } from "./support.ts";

let root: string;
beforeAll(async () => {
  root = await tempRoot();
});

/** Imports a development page as a raw page, and checks that every line is accounted for. */
async function importDev(name: string, kind?: SourceKind): Promise<ImportResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-dev-"));
  const file = path.join(dir, name);
  await copyFile(path.join(REPO, "test/import/dev-pages", name), file);
  const result = await importFiles([file], { root, publication: `Dev ${name}`, ...(kind ? { kind } : {}) });
  await expectEveryLineAccounted(result, root);
  return result;
}

const droppedReasons = (result: ImportResult) =>
  Object.fromEntries(result.reports[0]!.dropped.map((entry) => [entry.text.trim(), entry.reason]));

const unit = (text: string) => classifyUnit(makeBlock([{ n: 1, text }], 0));

describe("bylines in the shapes real pages print them", () => {
  it("reads `Por X`, `By X`, names joined by and / y / & / commas, and keeps agencies as printed", () => {
    expect(unit("Por Germán Ayala Osorio").authors).toEqual(["Germán Ayala Osorio"]);
    expect(unit("By AFP").authors).toEqual(["AFP"]);
    expect(unit("| By AFP | Name and Name |").authors).toEqual(["AFP", "Name", "Name"]);
    expect(unit("Por: Germán Ayala Osorio").authors).toEqual(["Germán Ayala Osorio"]);
    expect(unit("Texto de la ley").kind).toBe("text");
  });

  it("reads a byline opening a line of text, and leaves the text", () => {
    const inline = unit("By Gwynne Dyer – Could there be...");
    expect(inline.kind).toBe("text");
    expect(inline.inlineAuthors).toEqual(["Gwynne Dyer"]);
    expect(inline.block.text).toBe("Could there be...");
  });

  it("reads a column's name and its writer's byline run in with the text, the name ended by the text's first word", () => {
    const column = unit("Amber Column, by Ann Author The amber anchor arrow atlas aspen alder agate acorn.");
    expect(column.kind).toBe("text");
    expect(column.inlineAuthors).toEqual(["Ann Author"]);
    expect(column.block.text).toBe("The amber anchor arrow atlas aspen alder agate acorn.");
    expect(unit("Columna Ámbar, por Ana María Autora El ancla ámbar del atlas y el aliso.").inlineAuthors).toEqual(["Ana María Autora"]);
    expect(unit("Amber Column, by Ann Author – the amber anchor arrow atlas aspen.").inlineAuthors).toEqual(["Ann Author"]);
    // No function word or dash where a name could end: no byline read.
    expect(unit("Amber Column, by Ann Author Willow Walnut Wagon Wheat amber anchor.").inlineAuthors).toBeUndefined();
    expect(unit("Amber anchor, by the arrow atlas aspen alder agate acorn.").inlineAuthors).toBeUndefined();
  });

  it("reads `De X` only before names", () => {
    expect(unit("De Germán Ayala Osorio").authors).toEqual(["Germán Ayala Osorio"]);
    expect(unit("De Lima a Cusco").kind).toBe("text");
  });
});

describe("dates only from explicit date expressions", () => {
  it("never from relative words", () => {
    for (const text of ["last week", "Two days after", "last few hours", "hace dos días", "next month", "a month ago"]) {
      expect(findDates(text), text).toEqual([]);
    }
  });

  it("reads a date line with its section label or a byline lead-in the conversion emptied", () => {
    expect(parseDateLine("Friday 29 May 2015 - Eye witness")?.date).toMatchObject({ year: 2015, month: 5, day: 29 });
    expect(parseDateLine("domingo, 26 de octubre de 2025")?.date).toMatchObject({ year: 2025, month: 10, day: 26 });
  });

  it("takes a date in dateline position, not one the text talks about", () => {
    expect(datelineDate("Miami, 24 jun (EFE).- La presidenta")).toMatchObject({
      place: "Miami",
      agency: "EFE",
      date: { month: 6, day: 24 },
    });
    expect(datelineDate("will be voted on March 28, 2022")).toBeUndefined();
  });
});

describe("development pages", () => {
  it("a single article among its site's chrome is an article; the chrome is dropped with reasons", async () => {
    const result = await importDev("croniosv-article.md");
    expect(result.reports[0]!.kind).toBe("article");
    expect(result.records).toHaveLength(1);
    const [article] = result.records;
    expect(article!.title).toBe("VIDEOS: Periodista enloquece en plena transmisión al saber que se ganó la lotería, mira su reacción");
    expect(article!.body).toContain("La multitud coreaba el nombre de Basilio");
    expect(article!.body).not.toContain("India caza un elefante");
    // The kept copy's header takes six lines: line n of the page is line n + 6 of the copy.
    const reasons = result.reports[0]!.dropped.map((entry) => [entry.line - 6, entry.reason]);
    expect(reasons).toEqual([
      [1, "category label"],
      [10, "category label"],
      [11, "page chrome after the article text (related links, comments, footer)"],
      [12, "page chrome after the article text (related links, comments, footer)"],
    ]);
    expect(article!.review).toEqual([
      "text left out as page chrome (related items, comments), line 18: check that it is not part of the article",
    ]);
  });

  it("an opinion page: the chrome above the headline is dropped, never taken for the title", async () => {
    const result = await importDev("royalexaminer-opinion.md");
    expect(result.reports[0]!.kind).toBe("article");
    expect(result.records.map((record) => record.title)).toEqual(["Response to the Crooked Run West Council presentation October 21"]);
    expect(droppedReasons(result)).toEqual({
      "Connect with us": "share buttons",
      Opinion: "category label",
      Published: "metadata label without its value",
      on: "metadata label without its value",
    });
  });

  it("--kind article: headline, byline, date; the photo credit and the archive notice dropped", async () => {
    const result = await importDev("ayalalaotratribuna-blogspot-label.md", "article");
    const [article] = result.records;
    expect([article!.title, article!.authors, article!.date]).toEqual([
      "EL TIEMPO RESPALDA A TRUMP; EL ESPECTADOR, LO FUSTIGA",
      ["Germán Ayala Osorio"],
      "2025-10-26",
    ]);
    expect(result.reports[0]!.dropped.map((entry) => entry.reason)).toEqual(["archive page notice", "archive page notice", "photo credit"]);
  });

  it("a listing of teasers without headlines: one item per teaser, a provisional headline, a note with the line", async () => {
    const result = await importDev("yahoo-es-efe-teasers.md");
    expect(result.reports[0]!.kind).toBe("listing");
    const records = result.records;
    expect(records.map((record) => record.source!.lines)).toEqual([
      [7, 8],
      [9, 9],
      [10, 10],
      [11, 11],
    ]);
    expect(records[0]!.title).toBe('Guardiola: "Ganar la Premier es más difícil que ganar la Champions"');
    expect(records[1]!.title).toBe("La presidenta de la Comunidad de Madrid, Isabel Díaz Ayuso…");
    expect([records[1]!.place, records[1]!.authors, records[1]!.date]).toEqual(["Miami", ["EFE"], undefined]);
    expect(records[1]!.review).toEqual([
      "the page prints no headlines: headline derived from the teaser (line 9), its first sentence or clause",
      "date printed without a year (`24 jun`, line 9) and no dated item near it; no date given",
    ]);
    expect(records[3]!.review).toEqual([
      "the page prints no headlines: headline derived from the teaser (line 11), its first sentence or clause",
    ]);
  });

  it("a listing with date lines, captions and credits: dates from the date lines, never from the captions' events", async () => {
    const result = await importDev("blogs-afp-correspondent-listing.md");
    expect(result.reports[0]!.kind).toBe("listing");
    expect(result.records.map((record) => [record.title, record.date ?? null])).toEqual([
      ["The best pizza in Mogadishu", null],
      ["Elephants, hunters and storybooks", "2015-05-29"],
    ]);
    const reasons = droppedReasons(result);
    expect(reasons["(AFP Photo / Carl de Souza)"]).toBe("photo credit");
    expect(reasons["(Photo: AFP / Chris Jek)"]).toBe("photo credit");
    expect(reasons["Continue reading..."]).toBe("read-more link");
  });

  it("a listing of dated teasers: each date line opens its item, each teaser gets a provisional headline", async () => {
    const result = await importDev("theclimatepod-libsyn-dated-teasers.md");
    expect(result.records.map((record) => record.date)).toEqual(["2022-09-28", "2022-09-21", "2022-09-14", "2022-09-07"]);
    expect(result.records.map((record) => record.title)).toEqual([
      "Around the globe, people are on the move",
      "Jackson, Mississippi. Flint, Michigan",
      "In his latest piece, Secret Data, Tiny Islands and a Quest for Treasure on the Ocean Floor…",
      "As war erupted in Ukraine earlier this year…",
    ]);
  });

  it("a Portuguese blog page: counters, credits, social promotions and breadcrumbs are dropped with reasons, source lines credit their story", async () => {
    const result = await importDev("portalrndiario-blog-listing.md");
    const reasons = result.reports[0]!.dropped.map((entry) => entry.reason);
    expect(reasons).toContain("breadcrumb navigation");
    expect(reasons.filter((reason) => reason === "counter without its label (comments, shares)")).toHaveLength(3);
    // `Fonte: Agência Brasil de Noticias` under a story is its byline.
    expect(reasons).not.toContain("source credit");
    expect(result.records.filter((record) => record.authors?.includes("Agência Brasil de Noticias"))).toHaveLength(2);
    expect(reasons).toContain("social media promotion");
    const titles = result.records.map((record) => record.title);
    expect(titles).toContain("Incêndio destrói empresas e creche na zona leste de São Paulo");
    expect(titles).toContain("Congonhas confirma terceiro vazamento em mina, em menos de uma semana");
    expect(titles.some((title) => /^(?:0|Fonte|>>|Início)/.test(title))).toBe(false);
    // Several paragraphs read as one item: the note names their lines.
    const first = result.records.find((record) => record.title.startsWith("Mega-sena"))!;
    expect(first.review).toEqual([
      "split uncertain: lines 15-19 were read as one item of 3 paragraphs; check that they are not several items",
    ]);
  });

  it("a day's listing with ad slots and a caption printed twice: the ads and the copy are dropped", async () => {
    const result = await importDev("sidneysilva-day-listing.md");
    expect(result.reports[0]!.kind).toBe("listing");
    const dropped = result.reports[0]!.dropped.map((entry) => [entry.line - 6, entry.reason]);
    expect(dropped).toContainEqual([3, "advertisement"]);
    expect(dropped).toContainEqual([6, "repeated line (the same text as line 10)"]);
  });

  it("a section page: each date line under its headline goes to that item; the page's own date is its header", async () => {
    const result = await importDev("oasesnews-category-listing.md");
    expect(result.records.map((record) => [record.title, record.date])).toEqual([
      ["London’s knife-terrorist released from jail few days ago", "2020-02-03"],
      ["The Shocking Story Of Sinaga, The PhD Student Who Drugged And R*ped Many Male Students", "2020-01-08"],
    ]);
    expect(result.reports[0]!.dropped[0]).toMatchObject({
      line: 7,
      reason: "page header before the first item (site name, tagline or navigation)",
    });
  });

  it("a featured item printed above the dated list is an item, not the page header", async () => {
    // The first lines of a development page (a listing whose items carry date lines): the item above the
    // first date line has none.
    const page = `Correspondent / behind the news

Behind the image

Rwandan inmates crowding the main yard at the local prison in Gisovu. (AFP Photo/Marco Longari)

Waiting for justice: Rwanda’s ‘genocidaires'

AFP Johannesburg photographer Marco Longari visited Rwanda prisons in 2001, where he photographed some of the nation’s suspected “genocidaires”, accused of taking part in the 1994 massacres. It is only now that he is able to publish his images.

Continue reading...

Above the fold

How to survive a media scrum

Wednesday 16 July 2014 - Eye witness


What happens when too many journalists are trying to nab the same information at the same time? AFP's Roland de Courson gives an insight into the media scrum.

(AFP Photo/Joe Klamar)

Continue reading...

Reporter short-circuits after interviewing robot

Wednesday 16 July 2014 - Eye witness


AFP Tokyo reporter Alastair Himmer tried to interview a robot. The robot apparently had other plans.
`;
    const dir = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-dev-"));
    const file = await writePage(dir, "featured-above-dated.md", page);
    const result = await importFiles([file], { root, publication: "Dev featured" });
    await expectEveryLineAccounted(result, root);
    const titles = result.records.map((record) => record.title);
    expect(titles).toContain("Waiting for justice: Rwanda’s ‘genocidaires'");
    expect(titles.slice(-2)).toEqual(["How to survive a media scrum", "Reporter short-circuits after interviewing robot"]);
    expect(droppedReasons(result)["Correspondent / behind the news"]).toBe(
      "page header before the first item (site name, tagline or navigation)",
    );
  });
});

describe("a headline and date glued to their teaser", () => {
  it("parts the headline as printed and the date from the teaser, only where a full date is glued to the words and a dash follows", () => {
    const glued = gluedHeadlineAndDate(
      "A made-up headline for this testApr 19, 2010 11:00 pm - The teaser of the item starts here and goes on.",
    );
    expect([glued?.headline, glued?.date.year, glued?.date.month, glued?.date.day, glued?.rest]).toEqual([
      "A made-up headline for this test",
      2010,
      4,
      19,
      "The teaser of the item starts here and goes on.",
    ]);
    expect(gluedHeadlineAndDate("The meeting was held on Apr 19, 2010 - and nothing came of it.")).toBeUndefined();
    expect(gluedHeadlineAndDate("A made-up headline for this testApr 19 - no year, so no date.")).toBeUndefined();
  });
});

describe("listings whose items read as one run of prose", () => {
  const layoutOf = (texts: string[]) => detectLayout(texts.map((text, index) => ({ n: index + 1, text })));

  it("paragraphs that open with a full date (headline glued to its date line) are a listing's items", () => {
    // The first lines of a development page.
    const page = [
      "Opinion Columns",
      "-",
      "Arizona proving itself to be the state of hypocrisyApr 19, 2010 11:00 pm - In the late 1990s, I took a job writing for a newspaper and moved to Arizona. At least I think it was Arizona. The place I remember bears little resemblance to the one ...",
      "-",
      "One condition for value-added taxApr 19, 2010 11:00 pm - When liberals advocate a value-added tax, conservatives should respond: Taxing consumption has merits, so we will consider it - after the 16th Amendment is repealed. A ...",
      "-",
      "A 30 and out retirement plan? HardlyApr 18, 2010 11:00 pm - This symbol: - 30 - is something you will never see at the beginning of a new story. For generations of reporters, it signified the end of a story they had written. Most...",
      "-",
      "Nuclear posturing, part deuxApr 18, 2010 11:00 pm - There was something oddly disproportionate about the just-concluded nuclear summit to which President Obama summoned 46 world leaders, the largest such gathering on Amer...",
      "-",
    ];
    expect(layoutOf(page)).toBe("listing");
  });

  it("one paragraph under each short line, three times or more, is a listing of headline and teaser", () => {
    // The first lines of a development page.
    const page = [
      "Zelenski pide integridad territorial",
      "",
      "GUERRA UCRANIA-RUSIA Lectura: 2 minutos La administración Trump ha indicado a Ucrania que las garantías de seguridad estadounidenses dependen de que Kiev acepte un acuerdo de paz que probablemente le exija ceder la región del Dombás a Rusia, informó el Financial Times el martes. Washington también ha indicado que podría ofrecer a Ucrania más armas para reforzar su ejército en tiempos de paz si Kiev … Continúa leyendo Zelenski pide integridad territorial",
      "",
      "Tensas conversaciones entre Rusia y Ucrania",
      "",
      "GUERRA UCRANIA-RUSIA Lectura: 5 minutos Negociadores ucranianos y rusos se reunieron el viernes en Abu Dabi para abordar la crucial cuestión territorial, sin indicios de acuerdo, ya que los ataques aéreos rusos sumieron a Ucrania en su peor crisis energética de los cuatro años de guerra. Kiev se encuentra bajo una creciente presión estadounidense para alcanzar un acuerdo de paz en la guerra desencadenada por … Continúa leyendo Tensas conversaciones entre Rusia y Ucrania",
      "",
      "Nueva estrategia de defensa de EE. UU.",
      "",
      "INTERNACIONAL Lectura: 7 minutos El Pentágono publicó el viernes por la noche una Estrategia de Defensa Nacional que reorienta las prioridades y que reprende a los aliados de EE. UU. por asumir el control de su propia seguridad, reafirmando el enfoque de la administración Trump en el dominio del hemisferio occidental por encima de su objetivo a largo plazo de contrarrestar a China. El documento … Continúa leyendo Nueva estrategia de defensa de EE. UU.",
      "",
      "Reunión clave Trump-Zelenski",
      "",
      "GUERRA UCRANIA-RUSIA Lectura: 4 minutos Unos 4.000 edificios en Kiev permanecieron sin calefacción el miércoles, y casi el 60% de la capital ucraniana se quedó sin electricidad, según declaró el presidente ucraniano, Volodimír Zelenski, tras días de bombardeos rusos a la red eléctrica ucraniana y mientras el presidente estadounidense, Donald Trump, se preparaba para reunirse con el líder ucraniano. Con temperaturas ",
    ];
    expect(layoutOf(page)).toBe("listing");
  });
});

describe("the agency of a dateline without a date", () => {
  it("reads the agency in brackets after a place in capitals, and nothing from a sentence", () => {
    // Openings of teasers on a development page.
    expect(datelineAgency("YEREVAN/BAKU (Reuters) - U.S. Secretary of State Mike Pompeo urged Armenia")).toBe("Reuters");
    expect(datelineAgency("NEW YORK (Reuters) - The United Nations on Tuesday canceled")).toBe("Reuters");
    expect(datelineAgency("The United Nations (UN) - on Tuesday")).toBeUndefined();
    expect(datelineAgency("U.S. Secretary of State Mike Pompeo urged Armenia")).toBeUndefined();
  });

  it("reads it after a place in capitals followed by its state or country as printed", () => {
    expect(datelineAgency("AMBERTON, Willowshire (WXYZ) – Anchor arrow atlas aspen.")).toBe("WXYZ");
    expect(datelineAgency("AMBER FALLS, Wi. (AB) — Anchor arrow atlas aspen.")).toBe("AB");
    expect(datelineAgency("AMBERTON, New Willowshire (AB) - Anchor arrow atlas aspen.")).toBe("AB");
    // The place itself must be in capitals, and the state one or two words: not a sentence's subject.
    expect(datelineAgency("Amberton, Willowshire (AB) – Anchor arrow atlas aspen.")).toBeUndefined();
    expect(datelineAgency("AMBERTON, Willow Wagon Wheat Whistle (AB) – Anchor arrow.")).toBeUndefined();
  });
});

describe("a byline followed by its numeric date or time", () => {
  it("keeps the names and leaves the date and time out of them", () => {
    // Byline lines of a development page.
    expect(unit("Por Repórter Brasil | 17.09.2025 11h52").authors).toEqual(["Repórter Brasil"]);
    expect(unit("Por CartaCapital | 17.09.2025 12h12").authors).toEqual(["CartaCapital"]);
    expect(unit("Por Deutsche Welle").authors).toEqual(["Deutsche Welle"]);
  });
});
