/**
 * `npm run train:import -- [--cross-validate] [--out FILE]`: fits the
 * importer's line model (src/import/line-model.ts) on the development pages
 * of the corpus, never on a held-out page, and writes it to
 * src/import/line-model.json. With --cross-validate it writes nothing and
 * measures instead, leaving one outlet out at a time: each dev outlet's
 * pages are labelled and imported with a model fitted on the other dev
 * outlets only, and the totals are printed beside the rules alone.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { fitLineModel } from "../src/import/fit-line-model.ts";
import { crossValidateLineModel, foldOf, readCorpusFolds, truthLabels, TruthFileError } from "../src/import-score/index.ts";

const HELP = `Usage: npm run train:import -- [options]

Fits the importer's line model on the corpus pages of the domains listed in
test/import/dev-domains.txt (the development fold; held-out pages are set
aside before any of their lines is used) and writes it as JSON. See
IMPORTING.md.

Options:
  --cross-validate  write nothing; measure the model leaving one dev outlet out
                    at a time (lines labelled, and the score with and without
                    the model), on the dev fold only
  --threshold P     with --cross-validate: the boilerplate threshold to score
                    (repeat it to compare several; default the fitted model's)
  --out FILE        where to write the model (default: src/import/line-model.json)
  --corpus DIR      the corpus folder (default: test/fixtures/pages)
  --dev-domains F   the dev-domains list (default: test/import/dev-domains.txt)
  -h, --help        show this help
`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        "cross-validate": { type: "boolean", default: false },
        out: { type: "string", default: "src/import/line-model.json" },
        threshold: { type: "string", multiple: true },
        corpus: { type: "string", default: "test/fixtures/pages" },
        "dev-domains": { type: "string", default: "test/import/dev-domains.txt" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`train:import: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    const { pages, devDomains, freshPages } = await readCorpusFolds({
      corpusDir: path.resolve(values.corpus),
      devDomainsFile: path.resolve(values["dev-domains"]),
      freshPagesFile: path.resolve("test/import/fresh-pages.txt"),
    });
    if (devDomains.size === 0) {
      process.stderr.write(`train:import: ${values["dev-domains"]} lists no domains; nothing to train on\n`);
      return 1;
    }
    // Held-out and fresh pages are dropped here, before anything looks at their lines.
    const dev = pages.filter((page) => foldOf(page, devDomains, freshPages) === "dev");
    if (values["cross-validate"]) {
      const thresholds = (values.threshold ?? []).map(Number);
      if (thresholds.length === 0) thresholds.push(fitLineModel([]).boilerplateThreshold);
      if (thresholds.some((value) => !(value >= 0 && value <= 1))) {
        process.stderr.write("train:import: --threshold takes a probability between 0 and 1\n");
        return 2;
      }
      process.stdout.write(`${await crossValidateLineModel(dev, devDomains, thresholds)}\n`);
      return 0;
    }
    const model = fitLineModel(dev.map(truthLabels));
    await writeFile(values.out, `${JSON.stringify(model, null, 1)}\n`);
    process.stdout.write(
      `wrote ${values.out}: fitted on ${model.trainedOn.lines} lines of ${model.trainedOn.pages} dev pages from ${model.trainedOn.domains} outlets\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof TruthFileError) {
      process.stderr.write(`train:import: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
