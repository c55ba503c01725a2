/**
 * `npm run eval:import -- [--json] [--page DIR] [--check]`: the importer's
 * score on the corpus of real pages (src/import-score), or with --check only
 * the truth files read and placed. Exits 1 when a truth file is wrong.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  addCounts,
  floorFrom,
  foldOf,
  readCorpusFolds,
  scoreCorpus,
  scoreRates,
  scoreToText,
  TruthFileError,
  type Fold,
} from "../src/import-score/index.ts";

const HELP = `Usage: npm run eval:import -- [options]

Runs the importer (a dry run: nothing is written) on every page of the corpus
in test/fixtures/pages/ and compares its records with each page's truth file:
items found, merged, split, missed; extra records; boilerplate lines taken into
records; headlines exact; bylines right; dates right, wrong, missing and given
where none is printed; language right; layout detected right; lines
unaccounted. Pages are totalled by fold: "dev" (the domains listed in
test/import/dev-domains.txt), "fresh" (the page folders listed in
test/import/fresh-pages.txt: outlets found nowhere else in the corpus,
scored once per round and never tuned on), "held-out" (all others), then
"all". See IMPORTING.md.

Options:
  --json            print one JSON object { pages, totals, rates } instead of
                    tables (totals: counts; rates: the same as fractions)
  --page DIR        score only the page folder DIR
  --corpus DIR      the corpus folder (default: test/fixtures/pages)
  --dev-domains F   the dev-domains list (default: test/import/dev-domains.txt)
  --fresh-pages F   the fresh-pages list (default: test/import/fresh-pages.txt)
  --leave-out-fresh neither import nor total the fresh pages: for runs while
                    developing, so that the fresh fold is read only once a round
  --check           only read every truth file and place it on its page, and
                    check the folds; the importer is not run and nothing is
                    scored (for writing a truth file without seeing a score)
  --write-floor F   also write the total rates of the dev and held-out pages
                    to F as the floor the corpus floor test keeps
                    (test/import/corpus-score-floor.json); fresh pages are
                    never part of the floor
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
        "fresh-pages": { type: "string", default: "test/import/fresh-pages.txt" },
        check: { type: "boolean", default: false },
        "leave-out-fresh": { type: "boolean", default: false },
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
    const options = {
      corpusDir: path.resolve(values.corpus),
      devDomainsFile: path.resolve(values["dev-domains"]),
      freshPagesFile: path.resolve(values["fresh-pages"]),
      leaveOutFresh: values["leave-out-fresh"],
      ...(values.page !== undefined ? { page: path.resolve(values.page) } : {}),
    };
    if (values.check) {
      const { pages, devDomains, freshPages } = await readCorpusFolds(options);
      const count = (fold: Fold) => pages.filter((page) => foldOf(page, devDomains, freshPages) === fold).length;
      const items = pages.reduce((sum, page) => sum + page.items.length, 0);
      process.stdout.write(
        `${pages.length} truth file${pages.length === 1 ? "" : "s"} read and placed on their pages (${items} items): dev ${count("dev")}, held-out ${count("held-out")}, fresh ${count("fresh")}; nothing imported\n`,
      );
      return 0;
    }
    const score = await scoreCorpus(options);
    if (values["write-floor"] !== undefined) {
      if (values.page !== undefined) {
        process.stderr.write("eval:import: --write-floor measures the whole corpus; leave out --page\n");
        return 2;
      }
      const floor = floorFrom(addCounts(score.totals.dev, score.totals.heldOut), new Date().toISOString().slice(0, 10));
      await writeFile(values["write-floor"], `${JSON.stringify(floor, null, 2)}\n`);
    }
    const rates = {
      all: scoreRates(score.totals.all),
      heldOut: scoreRates(score.totals.heldOut),
      dev: scoreRates(score.totals.dev),
      fresh: scoreRates(score.totals.fresh),
    };
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
