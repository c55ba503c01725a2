/**
 * `npm run eval:import -- [--json] [--page DIR]`: the importer's score on the
 * corpus of real pages (src/import-score). Exits 1 when a truth file is wrong.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { floorFrom, scoreCorpus, scoreRates, scoreToText, TruthFileError } from "../src/import-score/index.ts";

const HELP = `Usage: npm run eval:import -- [options]

Runs the importer (a dry run: nothing is written) on every page of the corpus
in test/fixtures/pages/ and compares its records with each page's truth file:
items found, merged, split, missed; extra records; boilerplate lines taken into
records; headlines exact; bylines right; dates right, wrong, missing and given
where none is printed; language right; layout detected right; lines
unaccounted. Pages of the domains listed in test/import/dev-domains.txt are
totalled as "dev", all others as "held-out". See IMPORTING.md.

Options:
  --json            print one JSON object { pages, totals, rates } instead of
                    tables (totals: counts; rates: the same as fractions)
  --page DIR        score only the page folder DIR
  --corpus DIR      the corpus folder (default: test/fixtures/pages)
  --dev-domains F   the dev-domains list (default: test/import/dev-domains.txt)
  --write-floor F   also write today's total rates to F as the floor the
                    corpus floor test keeps (test/import/corpus-score-floor.json)
  -h, --help        show this help
`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        json: { type: "boolean", default: false },
        page: { type: "string" },
        corpus: { type: "string", default: "test/fixtures/pages" },
        "dev-domains": { type: "string", default: "test/import/dev-domains.txt" },
        "write-floor": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`eval:import: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    const score = await scoreCorpus({
      corpusDir: path.resolve(values.corpus),
      devDomainsFile: path.resolve(values["dev-domains"]),
      ...(values.page !== undefined ? { page: path.resolve(values.page) } : {}),
    });
    if (values["write-floor"] !== undefined) {
      if (values.page !== undefined) {
        process.stderr.write("eval:import: --write-floor measures the whole corpus; leave out --page\n");
        return 2;
      }
      const floor = floorFrom(score.totals.all, new Date().toISOString().slice(0, 10));
      await writeFile(values["write-floor"], `${JSON.stringify(floor, null, 2)}\n`);
    }
    const rates = { all: scoreRates(score.totals.all), heldOut: scoreRates(score.totals.heldOut), dev: scoreRates(score.totals.dev) };
    process.stdout.write(values.json ? `${JSON.stringify({ ...score, rates }, null, 2)}\n` : `${scoreToText(score)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof TruthFileError) {
      process.stderr.write(`eval:import: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
