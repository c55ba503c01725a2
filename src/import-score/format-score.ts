/** The score as text: a table of pages, then the totals with their rates, fold by fold (dev, held-out, fresh), then all. */
import type { Counts } from "./count-page.ts";
import type { CorpusScore } from "./score-corpus.ts";

const COLUMNS: Array<{ head: string; cell: (c: Counts) => string }> = [
  { head: "items", cell: (c) => `${c.items}` },
  { head: "found", cell: (c) => `${c.found}` },
  { head: "merged", cell: (c) => `${c.merged}` },
  { head: "split", cell: (c) => `${c.split}` },
  { head: "missed", cell: (c) => `${c.missed}` },
  { head: "extra/rec", cell: (c) => `${c.extra}/${c.records}` },
  { head: "boil-in-rec", cell: (c) => `${c.boilerplateInRecords}/${c.boilerplateLines}` },
  { head: "headlines", cell: (c) => `${c.headlinesExact}/${c.headlinesPrinted}` },
  { head: "bylines", cell: (c) => `${c.bylinesRight}/${c.bylinesPrinted}` },
  { head: "by-none", cell: (c) => `${c.bylinesWhereNone}` },
  { head: "dates r/w/m", cell: (c) => `${c.datesRight}/${c.datesWrong}/${c.datesMissing} of ${c.datesPrinted}` },
  { head: "date-none", cell: (c) => `${c.datesWhereNone}` },
  { head: "lang", cell: (c) => `${c.languageRight}/${c.items}` },
  { head: "unacc", cell: (c) => `${c.linesUnaccounted}` },
];

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function rate(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`;
}

export function totalsToText(label: string, c: Counts): string {
  if (c.pages === 0) return `${label}: no pages`;
  return [
    `${label}: ${c.pages} page${c.pages === 1 ? "" : "s"}, ${c.items} items, ${c.records} records`,
    `  items found             ${c.found}/${c.items} (${rate(c.found, c.items)}); merged ${c.merged}, split ${c.split}, missed ${c.missed}; ${c.hosts} more hold merged items`,
    `  extra records           ${c.extra}/${c.records} (${rate(c.extra, c.records)})`,
    `  boilerplate in records  ${c.boilerplateInRecords} of ${c.boilerplateLines} boilerplate lines`,
    `  headlines exact         ${c.headlinesExact}/${c.headlinesPrinted} (${rate(c.headlinesExact, c.headlinesPrinted)})`,
    `  bylines right           ${c.bylinesRight}/${c.bylinesPrinted} (${rate(c.bylinesRight, c.bylinesPrinted)}); given where none printed ${c.bylinesWhereNone}`,
    `  dates                   right ${c.datesRight}, wrong ${c.datesWrong} (${c.datesWrongOnlyQualified} of them the printed date marked uncertain), missing ${c.datesMissing} of ${c.datesPrinted}; given where none printed ${c.datesWhereNone}`,
    `  language right          ${c.languageRight}/${c.items} (${rate(c.languageRight, c.items)})`,
    `  layout detected right   ${c.layoutRight}/${c.pages}`,
    `  lines unaccounted       ${c.linesUnaccounted} of ${c.nonBlankLines} non-blank lines`,
    ...(c.refused > 0 ? [`  pages refused           ${c.refused}`] : []),
  ].join("\n");
}

export function scoreToText(score: CorpusScore): string {
  const rows = [["page", "set", "layout", ...COLUMNS.map((column) => column.head)]];
  for (const page of score.pages) {
    const layout = page.layout.truth === page.layout.detected ? page.layout.truth : `${page.layout.truth}->${page.layout.detected}`;
    rows.push([page.name, page.set, layout, ...COLUMNS.map((column) => column.cell(page.counts))]);
  }
  const errors = score.pages
    .filter((page) => page.error !== undefined)
    .map((page) => `${page.name}: the importer refused the page: ${page.error}`);
  return [
    table(rows),
    ...(errors.length > 0 ? ["", ...errors] : []),
    "",
    totalsToText("dev", score.totals.dev),
    "",
    totalsToText("held-out", score.totals.heldOut),
    "",
    totalsToText("fresh", score.totals.fresh),
    "",
    totalsToText("all", score.totals.all),
  ].join("\n");
}
