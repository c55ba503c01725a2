/**
 * The line model measured by leaving one outlet out at a time on the dev
 * fold: each outlet's pages are labelled and imported with a model fitted on
 * the other outlets' pages only, beside the rules alone (`npm run
 * train:import -- --cross-validate`).
 */
import { makeBlock } from "../import/blocks.ts";
import { classifyUnit } from "../import/classify-units.ts";
import { fitLineModel } from "../import/fit-line-model.ts";
import { LINE_LABELS, labelLines, type LineModel } from "../import/line-model.ts";
import { totalsToText } from "./format-score.ts";
import type { CorpusPage } from "./read-corpus.ts";
import { scorePages } from "./score-corpus.ts";
import { truthLabels } from "./truth-labels.ts";

interface Confusion {
  [truth: string]: Record<string, number>;
}

function confusionToText(title: string, confusion: Confusion): string {
  const out = [`${title} (rows: truth, columns: model)`, `  ${"".padEnd(12)}${LINE_LABELS.map((label) => label.padStart(12)).join("")}`];
  for (const truth of LINE_LABELS) {
    out.push(`  ${truth.padEnd(12)}${LINE_LABELS.map((label) => String(confusion[truth]?.[label] ?? 0).padStart(12)).join("")}`);
  }
  return out.join("\n");
}

/** The report in words: lines labelled (truth against model), boilerplate found, and the score totals. */
export async function crossValidateLineModel(
  dev: readonly CorpusPage[],
  devDomains: ReadonlySet<string>,
  thresholds: number[],
): Promise<string> {
  const labelled = new Map(dev.map((page) => [page, truthLabels(page)]));
  const domains = [...new Set(dev.map((page) => page.truth.domain))].sort();
  const models = new Map<string, LineModel>();
  for (const domain of domains) {
    models.set(domain, fitLineModel(dev.filter((page) => page.truth.domain !== domain).map((page) => labelled.get(page)!)));
  }
  const confusion: Confusion = {};
  // The rules' own boilerplate test on the same lines, for comparison.
  let rulesHit = 0;
  let rulesFalse = 0;
  let modelHit = 0;
  let modelFalse = 0;
  let boilerplate = 0;
  for (const page of dev) {
    const truth = labelled.get(page)!;
    const decoded = labelLines(truth.lines, models.get(page.truth.domain)!, truth.publication);
    for (const result of decoded) {
      const wanted = truth.labels.get(result.line.n) ?? "text";
      confusion[wanted] ??= {};
      confusion[wanted][result.label] = (confusion[wanted][result.label] ?? 0) + 1;
      const unit = classifyUnit(makeBlock([result.line], 1), truth.publication);
      const rules = unit.kind === "boilerplate" || unit.kind === "read-more";
      const model = result.label === "boilerplate";
      if (wanted === "boilerplate") boilerplate++;
      if (rules && wanted === "boilerplate") rulesHit++;
      else if (rules) rulesFalse++;
      if (model && wanted === "boilerplate") modelHit++;
      else if (model) modelFalse++;
    }
  }
  const rulesAlone = await scorePages(dev, devDomains, { lineModelFor: () => null });
  const withModel: string[] = [];
  for (const threshold of thresholds) {
    const score = await scorePages(dev, devDomains, {
      lineModelFor: (page) => ({ ...models.get(page.truth.domain)!, boilerplateThreshold: threshold }),
    });
    withModel.push("", totalsToText(`Rules and the line model, boilerplate threshold ${threshold} (cross-validated)`, score.totals.all));
  }
  return [
    `Leave-one-outlet-out on the dev fold: ${dev.length} pages, ${domains.length} outlets`,
    confusionToText("Lines labelled", confusion),
    `Boilerplate lines (${boilerplate}): rules alone find ${rulesHit} (and ${rulesFalse} wrongly); the model's decoding ${modelHit} (and ${modelFalse} wrongly)`,
    "",
    totalsToText("Rules alone", rulesAlone.totals.all),
    ...withModel,
  ].join("\n");
}
