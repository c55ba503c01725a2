/**
 * Listing pages of made-up outlets, written here, in layouts the default
 * collection does not have: the importer must split them with its general
 * rules (no rule knows these sites) into exactly their items, with the exact
 * headline and teaser of each, the right language, and no boilerplate.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importFiles, type ImportResult } from "../../src/import/index.ts";
import { expectEveryLineAccounted, tempRoot, writePage } from "./support.ts";

let root: string;
let pages: string;
beforeAll(async () => {
  root = await tempRoot();
  pages = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-pages-"));
});

/** Imports a made-up page into the temporary project and checks that every line is accounted for. */
async function importPage(name: string, text: string, publication: string): Promise<ImportResult> {
  const file = await writePage(pages, name, text);
  const result = await importFiles([file], { root, publication });
  await expectEveryLineAccounted(result, root);
  return result;
}

const headlineTeaser = `Workers Voice Online
Home | News | Analysis | About | Donate
Skip to content
Latest news

Miners strike spreads across the southern highlands

Thousands of copper miners walked off the job on Monday, demanding higher wages and safer conditions in the pits.

Teachers march on the capital

Teachers from twelve regions arrived in the capital to press for the budget promised last year.

Court frees jailed union organizer

A judge ordered the release of the organizer after three months in pre-trial detention, citing a lack of evidence.

Is the new cabinet any different?

The prime minister promised dialogue, but the first week brought more soldiers to the southern provinces.

Sign up for our newsletter

Get the latest stories in your inbox every week.

© 2023 Workers Voice. All rights reserved.

Older posts »
`;

const bylinesMixed = `Voz Obrera
Menú
Buscar

Paro nacional paraliza el sur del país
Por María Quispe
12 de enero de 2023
Los gremios de transportistas y campesinos bloquearon las carreteras de Puno y Cusco en rechazo al gobierno.
Leer más...

National strike paralyzes the south
By María Quispe
January 12, 2023
Transport and peasant unions blocked the highways of Puno and Cusco in rejection of the government.
Read more

Estudiantes toman la universidad
Por Redacción
Los estudiantes de San Marcos ocuparon el campus para alojar a las delegaciones de las regiones.
Leer más...

Police raid university in Lima
By staff
10 January 2023
Police evicted students who had occupied the campus to house delegations from the regions.
Read more »

Suscríbete a nuestro boletín
`;

describe("a headline-and-teaser listing in English, with a site header, menu and sign-up box", () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importPage("workers-voice.txt", headlineTeaser, "Workers Voice");
  });

  it("finds exactly the four items, each with its exact headline and teaser", () => {
    expect(result.records.map((record) => [record.title, record.summary])).toEqual([
      [
        "Miners strike spreads across the southern highlands",
        "Thousands of copper miners walked off the job on Monday, demanding higher wages and safer conditions in the pits.",
      ],
      ["Teachers march on the capital", "Teachers from twelve regions arrived in the capital to press for the budget promised last year."],
      [
        "Court frees jailed union organizer",
        "A judge ordered the release of the organizer after three months in pre-trial detention, citing a lack of evidence.",
      ],
      [
        "Is the new cabinet any different?",
        "The prime minister promised dialogue, but the first week brought more soldiers to the southern provinces.",
      ],
    ]);
    for (const record of result.records) {
      expect(record.language).toBe("en");
      expect(record.body).toBe(record.summary);
      expect(record.review).toBeUndefined();
    }
  });

  it("reports the site header, menu, sign-up box, copyright and pagination as dropped", () => {
    const dropped = new Map(result.reports[0]!.dropped.map((entry) => [entry.text, entry.reason]));
    expect([...dropped.keys()]).toEqual([
      "Workers Voice Online",
      "Home | News | Analysis | About | Donate",
      "Skip to content",
      "Latest news",
      "Sign up for our newsletter",
      "Get the latest stories in your inbox every week.",
      "© 2023 Workers Voice. All rights reserved.",
      "Older posts »",
    ]);
    expect(dropped.get("Skip to content")).toBe("`skip to content` link");
    expect(dropped.get("Sign up for our newsletter")).toBe("sign-up box");
  });
});

describe("a listing with bylines, dates and read-more links, Spanish and English mixed", () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importPage("voz-obrera.txt", bylinesMixed, "Voz Obrera");
  });

  it("finds exactly the four items with their headlines, teasers, bylines and languages", () => {
    expect(result.records.map((record) => [record.title, record.summary, record.authors, record.language])).toEqual([
      [
        "Paro nacional paraliza el sur del país",
        "Los gremios de transportistas y campesinos bloquearon las carreteras de Puno y Cusco en rechazo al gobierno.",
        ["María Quispe"],
        "es",
      ],
      [
        "National strike paralyzes the south",
        "Transport and peasant unions blocked the highways of Puno and Cusco in rejection of the government.",
        ["María Quispe"],
        "en",
      ],
      [
        "Estudiantes toman la universidad",
        "Los estudiantes de San Marcos ocuparon el campus para alojar a las delegaciones de las regiones.",
        ["Redacción"],
        "es",
      ],
      [
        "Police raid university in Lima",
        "Police evicted students who had occupied the campus to house delegations from the regions.",
        ["staff"],
        "en",
      ],
    ]);
  });

  it("reads printed dates, and gives an undated item no date but a note of the interval its neighbours bound", () => {
    expect(result.records.map((record) => record.date)).toEqual(["2023-01-12", "2023-01-12", undefined, "2023-01-10"]);
    expect(result.records[2]!.review).toEqual([
      "no date printed; its listing neighbours (newest first) date it 2023-01-10/2023-01-12: between “Police raid university in Lima” (2023-01-10) and “National strike paralyzes the south” (2023-01-12); no date given",
    ]);
  });

  it("pairs the Spanish and English versions of the same report, and only those", () => {
    const [es, en, other, last] = result.records;
    expect(es!.translations).toEqual([en!.id]);
    expect(en!.translations).toEqual([es!.id]);
    expect(other!.translations).toBeUndefined();
    expect(last!.translations).toBeUndefined();
  });

  it("drops the header, read-more links and sign-up box with their reasons", () => {
    expect(result.reports[0]!.dropped.map((entry) => [entry.text, entry.reason])).toEqual([
      ["Voz Obrera", "site name"],
      ["Menú", "navigation"],
      ["Buscar", "navigation"],
      ["Leer más...", "read-more link"],
      ["Read more", "read-more link"],
      ["Leer más...", "read-more link"],
      ["Read more »", "read-more link"],
      ["Suscríbete a nuestro boletín", "sign-up box"],
    ]);
    for (const record of result.records) expect(record.body).not.toMatch(/Leer más|Read more/);
  });
});

describe("other layouts the general rules cover", () => {
  it("Markdown headings with links: takes each address the page states", async () => {
    const result = await importPage(
      "red-review.md",
      `# The Red Review

[Home](/) [World](/world) [Labour](/labour) [About](/about)

## [Dockers refuse to load arms shipment](https://red.example.org/2023/02/dockers)

*February 3, 2023*

Port workers in Genoa said they would not handle cargo bound for the war.

## [Nurses win pay deal after ten-day strike](https://red.example.org/2023/01/nurses)

*January 28, 2023*

The agreement raises wages by nine percent over two years.

[Read more](https://red.example.org/2023/01/nurses)
`,
      "The Red Review",
    );
    expect(result.records.map((record) => [record.title, record.url, record.date, record.summary])).toEqual([
      [
        "Dockers refuse to load arms shipment",
        "https://red.example.org/2023/02/dockers",
        "2023-02-03",
        "Port workers in Genoa said they would not handle cargo bound for the war.",
      ],
      [
        "Nurses win pay deal after ten-day strike",
        "https://red.example.org/2023/01/nurses",
        "2023-01-28",
        "The agreement raises wages by nine percent over two years.",
      ],
    ]);
  });

  it("a blog archive converted to Markdown: menu lists, `Posted on DATE by NAME`, `Continue reading →`", async () => {
    const result = await importPage(
      "solidarity-times.md",
      `[Skip to content](#content)

[![Solidarity Times](https://site.example/logo.png)](https://site.example/)

* [Home](https://site.example/)
* [News](https://site.example/news/)
* [About](https://site.example/about/)

# Category: Peru

## [Mine workers block highway to the coast](https://site.example/2023/01/mine-workers/)

Posted on [January 9, 2023](https://site.example/2023/01/09/) by [Jane Doe](https://site.example/author/jane/)

Hundreds of mine workers blocked the highway near Nazca, demanding the release of detained union leaders. […]

[Continue reading →](https://site.example/2023/01/mine-workers/)

## [Students occupy university in Arequipa](https://site.example/2023/01/students/)

Posted on [January 5, 2023](https://site.example/2023/01/05/) by [John Roe](https://site.example/author/john/)

Students took over the main campus to shelter delegations arriving from the countryside. […]

[Continue reading →](https://site.example/2023/01/students/)

* [Older posts](https://site.example/page/2/)

© 2023 Solidarity Times · Powered by WordPress
`,
      "Solidarity Times",
    );
    expect(result.records.map((record) => [record.title, record.summary, record.authors, record.date, record.url])).toEqual([
      [
        "Mine workers block highway to the coast",
        "Hundreds of mine workers blocked the highway near Nazca, demanding the release of detained union leaders. […]",
        ["Jane Doe"],
        "2023-01-09",
        "https://site.example/2023/01/mine-workers/",
      ],
      [
        "Students occupy university in Arequipa",
        "Students took over the main campus to shelter delegations arriving from the countryside. […]",
        ["John Roe"],
        "2023-01-05",
        "https://site.example/2023/01/students/",
      ],
    ]);
    expect(result.reports[0]!.dropped).toHaveLength(10);
  });

  it("bylines printed after the teaser close their item", async () => {
    const result = await importPage(
      "southern-worker.txt",
      `Southern Worker

Dockers strike for second week
Port workers kept the terminals closed as talks with the employers stalled again.
By Ana Torres

Miners occupy pit head
Hundreds of miners refused to leave the site after the company announced layoffs.
By Luis Paz
`,
      "Southern Worker",
    );
    expect(result.records.map((record) => [record.title, record.summary, record.authors])).toEqual([
      [
        "Dockers strike for second week",
        "Port workers kept the terminals closed as talks with the employers stalled again.",
        ["Ana Torres"],
      ],
      ["Miners occupy pit head", "Hundreds of miners refused to leave the site after the company announced layoffs.", ["Luis Paz"]],
    ]);
  });

  it("bylines closing each item, teasers cut short without their final point: items found by the period, not the punctuation", async () => {
    const result = await importPage(
      "closing-cut.txt",
      `Section front of the made-up outlet

First item headline with several words
First item teaser that the site cut short in the middle of a sentence that would have gone on for a good while longer than the
By Ana Torres | 11.10.2023 16h06
Second item headline with several words
Second item teaser that the site also cut short before its end, as listings do when they keep only the first words of each
By Luis Paz | 11.10.2023 12h34
Third item headline with several words
Third item teaser, cut short like the others, still long enough to read as the start of running prose under its
By Eva Ruiz | 10.10.2023 09h12
Fourth item headline with several words
Fourth item teaser cut where the page ends
`,
      "Closing Cut",
    );
    expect(result.records.map((record) => [record.title, record.authors])).toEqual([
      ["First item headline with several words", ["Ana Torres"]],
      ["Second item headline with several words", ["Luis Paz"]],
      ["Third item headline with several words", ["Eva Ruiz"]],
      ["Fourth item headline with several words", undefined],
    ]);
  });

  it("separator lines and a label printed over every item are dropped, never glued to a headline or made an item", async () => {
    const result = await importPage(
      "labels.txt",
      `Columns

-
Column label
First column headline here
The first column's teaser runs long enough to read as running prose, with a final point.
-
Column label
Second column headline here
The second column's teaser runs long enough to read as running prose, with a final point.
-
Column label
Third column headline here
The third column's teaser runs long enough to read as running prose, with a final point.
`,
      "Labels Weekly",
    );
    expect(result.records.map((record) => record.title)).toEqual([
      "First column headline here",
      "Second column headline here",
      "Third column headline here",
    ]);
    const reasons = result.reports[0]!.dropped.map((entry) => [entry.text, entry.reason]);
    expect(reasons.filter(([text]) => text === "-")).toHaveLength(3);
    expect(reasons.filter(([text]) => text === "Column label").map(([, reason]) => reason)).toEqual(
      Array(3).fill("a short line printed 3 times on the page (a label or menu entry)"),
    );
  });

  it("a teaser-only listing whose items stand between separators: one item between two separators, however many paragraphs", async () => {
    const result = await importPage(
      "between-separators.txt",
      `Opinion

The first item opens here with a paragraph long enough to read as running prose, as teasers on such pages do. It goes on.
-
The second item opens here with a paragraph long enough to read as running prose, as teasers on such pages do. It goes on.
Its second paragraph follows straight after the first, with nothing between them, and it is just as long as the first one.
-
The third item opens here with a paragraph long enough to read as running prose, as teasers on such pages do. It goes on.
-
The fourth item opens here with a paragraph long enough to read as running prose, as teasers on such pages do. It goes on.
`,
      "Separated Teasers",
    );
    expect(result.records.map((record) => record.source!.lines.map((line) => line - result.records[0]!.source!.lines[0]! + 3))).toEqual([
      [3, 3],
      [5, 6],
      [8, 8],
      [10, 10],
    ]);
    expect(result.records.every((record) => record.review?.some((note) => note.startsWith("the page prints no headlines")))).toBe(true);
  });

  it("an opinion page whose headlines open with the columnist's name: the name is the byline, the headline stays as printed", async () => {
    const result = await importPage(
      "columns.txt",
      `Columns

Ana Torres: The first column's headline
The first column's teaser, long enough to read as running prose under its headline, ends here.
Luis Paz: The second column's headline
The second column's teaser, long enough to read as running prose under its headline, ends here.
Ana Torres: The third column's headline
The third column's teaser, long enough to read as running prose under its headline, ends here.
`,
      "Columns Daily",
    );
    expect(result.records.map((record) => [record.title, record.authors])).toEqual([
      ["Ana Torres: The first column's headline", ["Ana Torres"]],
      ["Luis Paz: The second column's headline", ["Luis Paz"]],
      ["Ana Torres: The third column's headline", ["Ana Torres"]],
    ]);
    // One such headline on a page is a speaker quoted, not a byline.
    const quoted = await importPage(
      "quoted.txt",
      `News

Ana Torres: the strike will go on
The first item's teaser, long enough to read as running prose under its headline, ends here.
Second item's headline without a name
The second item's teaser, long enough to read as running prose under its headline, ends here.
Third item's headline without a name
The third item's teaser, long enough to read as running prose under its headline, ends here.
`,
      "Quoted Daily",
    );
    expect(quoted.records.map((record) => record.authors)).toEqual([undefined, undefined, undefined]);
  });

  it("a short section heading between headline-and-teaser items is dropped as such, not made an item", async () => {
    const result = await importPage(
      "sections.txt",
      `World

First item headline with several words
FIRST CITY (Agency) - The first item's teaser runs long enough to read as running prose under its headline.

More Stories From Here

Second item headline with several words
SECOND CITY (Agency) - The second item's teaser runs long enough to read as running prose under its headline.

Third item headline with several words
THIRD CITY (Agency) - The third item's teaser runs long enough to read as running prose under its headline.

Fourth item headline with several words
FOURTH CITY (Agency) - The fourth item's teaser runs long enough to read as running prose under its headline.
`,
      "Sections Daily",
    );
    expect(result.records.map((record) => record.title)).toEqual([
      "First item headline with several words",
      "Second item headline with several words",
      "Third item headline with several words",
      "Fourth item headline with several words",
    ]);
    expect(result.reports[0]!.dropped.find((entry) => entry.text === "More Stories From Here")?.reason).toMatch(
      /^section heading between items/,
    );
  });

  it("a name alone closing several items is their byline", async () => {
    const result = await importPage(
      "names-close.txt",
      `Columnists

January 7, 2019
The first column opens with a paragraph long enough to read as running prose on a page like this one.
Ana Torres

January 6, 2019
The second column opens with a paragraph long enough to read as running prose on a page like this one.
Luis Paz

January 5, 2019
The third column opens with a paragraph long enough to read as running prose on a page like this one.
`,
      "Columnists Weekly",
    );
    expect(result.records.map((record) => [record.date, record.authors])).toEqual([
      ["2019-01-07", ["Ana Torres"]],
      ["2019-01-06", ["Luis Paz"]],
      ["2019-01-05", undefined],
    ]);
  });

  it("category labels above headlines are reported, not taken for headlines", async () => {
    const result = await importPage(
      "labor-latino.txt",
      `Labor Notes Latino

Análisis
Los sindicatos frente al nuevo gobierno
Un repaso de las posiciones de las centrales obreras tras la caída del gabinete.

Opinion
Why the strike wave matters
The walkouts of the past month show a new willingness to fight among young workers.
`,
      "Labor Notes Latino",
    );
    expect(result.records.map((record) => [record.title, record.language])).toEqual([
      ["Los sindicatos frente al nuevo gobierno", "es"],
      ["Why the strike wave matters", "en"],
    ]);
    expect(result.reports[0]!.dropped.map((entry) => entry.text)).toEqual(["Labor Notes Latino", "Análisis", "Opinion"]);
  });

  it("a read-more link at the end of a teaser line is cut off and reported, and its address kept", async () => {
    const result = await importPage(
      "inline-more.txt",
      `Andes Labour Review

Copper miners vote to strike

Workers at the Las Bambas mine approved an indefinite strike starting next week. [Read more »](https://andes.example.org/las-bambas)

Teachers reject new evaluation

The union said the test was designed to fire experienced teachers. Read more
`,
      "Andes Labour Review",
    );
    expect(result.records.map((record) => [record.title, record.summary, record.url])).toEqual([
      [
        "Copper miners vote to strike",
        "Workers at the Las Bambas mine approved an indefinite strike starting next week.",
        "https://andes.example.org/las-bambas",
      ],
      ["Teachers reject new evaluation", "The union said the test was designed to fire experienced teachers.", undefined],
    ]);
    expect(result.reports[0]!.dropped.filter((entry) => entry.partial).map((entry) => [entry.text, entry.reason])).toEqual([
      ["[Read more »](https://andes.example.org/las-bambas)", "read-more link (end of the line)"],
      ["Read more", "read-more link (end of the line)"],
    ]);
  });

  it("teasers without headlines get a provisional headline from their own first sentence", async () => {
    const result = await importPage(
      "teasers.txt",
      `By staff

Lima, Peru – Thousands marched on Congress on Thursday. Police used tear gas against the crowd near the Plaza San Martín.

Read more

By staff

Striking teachers in Cusco said they would stay out until the regional government pays the promised bonus.

Read more
`,
      "Teasers Weekly",
    );
    expect(result.records.map((record) => [record.title, record.place, record.review])).toEqual([
      [
        "Thousands marched on Congress on Thursday",
        "Lima, Peru",
        ["headline derived from teaser (its first sentence or clause); the page shows none"],
      ],
      [
        "Striking teachers in Cusco said they would stay out until the regional government pays the promised bonus",
        undefined,
        ["headline derived from teaser (its first sentence or clause); the page shows none"],
      ],
    ]);
  });
});

describe("a page holding one article", () => {
  it("is detected as such: headline, byline, date, dateline and the text as body", async () => {
    const result = await importPage(
      "one-article.md",
      `Workers Voice

# Copper miners end 40-day strike with wage deal

By Ana Torres

March 3, 2023

Arequipa, Peru – Copper miners at the Cerro Verde mine voted on Thursday to accept a wage increase of eight percent, ending a strike that had lasted forty days and cost the company an estimated 200 million dollars in lost output.

The union said the agreement also includes a commitment to rehire the twelve workers dismissed during the conflict, and a review of safety conditions in the deepest sections of the pit, where two miners died last year.

Management had refused to negotiate for the first three weeks of the strike, insisting that the walkout was illegal. Regional authorities intervened after road blockades by supporters cut the main highway to the coast.

Share this:

Read more
`,
      "Workers Voice",
    );
    expect(result.reports[0]!.kind).toBe("article");
    expect(result.records).toHaveLength(1);
    const [article] = result.records;
    expect([article!.title, article!.authors, article!.date, article!.place]).toEqual([
      "Copper miners end 40-day strike with wage deal",
      ["Ana Torres"],
      "2023-03-03",
      "Arequipa, Peru",
    ]);
    expect(article!.body.split("\n\n")).toHaveLength(3);
    expect(result.reports[0]!.dropped.map((entry) => entry.text)).toEqual(["Workers Voice", "Share this:", "Read more"]);
  });

  it("a short article of two long paragraphs, its headline printed twice among share buttons: one article, the copy nearest the text its headline", async () => {
    const paragraph = (which: string) =>
      Array.from({ length: 9 }, (_, k) => `Sentence ${k + 1} of the ${which} paragraph, written for this test, goes on for a while.`).join(
        " ",
      );
    const result = await importPage(
      "short-article.md",
      `A headline printed twice on the page
Share on facebook
Share on twitter
A headline printed twice on the page

${paragraph("first")}

${paragraph("second")}
`,
      "Short Article Daily",
    );
    expect(result.reports[0]!.kind).toBe("article");
    expect(result.records.map((record) => [record.title, record.source!.lines[0]! < record.source!.lines[1]!])).toEqual([
      ["A headline printed twice on the page", true],
    ]);
    expect(result.reports[0]!.dropped.map((entry) => [entry.text, entry.reason.startsWith("repeated line")])).toEqual([
      ["A headline printed twice on the page", true],
      ["Share on facebook", false],
      ["Share on twitter", false],
    ]);
  });
});
