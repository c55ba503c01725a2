/**
 * The line model: fitted on labelled pages it labels unseen lines by their
 * shapes, the importer drops on its word only what it is sure is boilerplate
 * (saying so in the report), and the model kept in the repository is the one
 * `npm run train:import` fits from the development pages. Placeholder words.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fitLineModel, type LabelledPage } from "../../src/import/fit-line-model.ts";
import { FEATURE_NAMES, lineFeatures } from "../../src/import/line-features.ts";
import { importFiles } from "../../src/import/index.ts";
import { labelLines, LineModelSchema, storedLineModel, type LineLabel } from "../../src/import/line-model.ts";
import type { Line } from "../../src/import/types.ts";
import { readCorpus, readDevDomains, truthLabels } from "../../src/import-score/index.ts";
import { expectEveryLineAccounted, REPO, tempRoot, writePage } from "./support.ts";

const VOCABULARIES = [
  "amber anchor arrow atlas aspen alder agate acorn",
  "willow walnut wagon wheat whistle window winter wizard",
  "copper cotton candle carpet castle cedar cider cobalt",
  "dolphin dragon drummer dunes dahlia daisy denim delta",
].map((words) => words.split(" "));
const MENU = ["home", "menu", "sections", "subscribe", "log in", "share", "contact us", "about"];

const sentence = (words: readonly string[], count: number, shift = 0) =>
  `${Array.from({ length: count }, (_, i) => words[(i * 3 + shift) % words.length])
    .join(" ")
    .replace(/^./, (c) => c.toUpperCase())}`;

/** A page: a menu of short lines, then items of headline and teaser, then the menu again; with each line's label. */
function page(vocabulary: readonly string[], items: number, shift: number): { lines: Line[]; labels: Map<number, LineLabel> } {
  const texts: Array<[string, LineLabel]> = [];
  for (const entry of MENU.slice(0, 5)) texts.push([entry, "boilerplate"]);
  for (let k = 0; k < items; k++) {
    texts.push([sentence(vocabulary, 7, k + shift), "headline"]);
    texts.push([`${sentence(vocabulary, 32, k + shift + 1)}.`, "start"]);
  }
  for (const entry of MENU.slice(3)) texts.push([entry, "boilerplate"]);
  const lines: Line[] = [];
  const labels = new Map<number, LineLabel>();
  texts.forEach(([text, label]) => {
    lines.push({ n: lines.length + 1, text });
    labels.set(lines.length, label);
    lines.push({ n: lines.length + 1, text: "" });
  });
  return { lines, labels };
}

const training: LabelledPage[] = VOCABULARIES.slice(0, 3).map((vocabulary, k) => ({
  ...page(vocabulary, 3 + k, k),
  domain: `d${k}.example`,
}));
const model = fitLineModel(training, { date: "2000-01-01" });

describe("the line model", () => {
  it("describes every line by as many features as it has weights", () => {
    const { lines, features } = lineFeatures(page(VOCABULARIES[0]!, 2, 0).lines);
    expect(features).toHaveLength(lines.length);
    for (const vector of features) {
      expect(vector).toHaveLength(FEATURE_NAMES.length);
      for (const value of vector) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it("labels the lines of a page it was not fitted on by their shapes", () => {
    const unseen = page(VOCABULARIES[3]!, 4, 2);
    const labelled = labelLines(unseen.lines, model);
    const right = labelled.filter((entry) => entry.label === unseen.labels.get(entry.line.n)).length;
    expect(right).toBe(labelled.length);
  });

  it("is refused when its features are not the importer's", () => {
    const other = { ...model, features: [...model.features.slice(1), "bias"] };
    expect(() => LineModelSchema.parse(other)).toThrow(/retrain it with `npm run train:import`/);
  });

  it("makes the importer drop what it is sure is boilerplate, with its reason, every line still accounted for", async () => {
    const root = await tempRoot();
    const dir = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-raw-"));
    const unseen = page(VOCABULARIES[3]!, 4, 2);
    const file = await writePage(dir, "page.md", unseen.lines.map((line) => line.text).join("\n"));
    const withModel = await importFiles([file], { root, publication: "Example Outlet", lineModel: model });
    const byModel = withModel.reports[0]!.dropped.filter((entry) => /line model, p = /.test(entry.reason));
    expect(byModel.length).toBeGreaterThan(0);
    for (const entry of byModel) expect(MENU).toContain(entry.text);
    expect(withModel.records).toHaveLength(4);
    await expectEveryLineAccounted(withModel, root);

    const rulesAlone = await importFiles([file], { root: await tempRoot(), publication: "Example Outlet", lineModel: null, dryRun: true });
    expect(rulesAlone.reports[0]!.dropped.some((entry) => /line model/.test(entry.reason))).toBe(false);
  });
});

describe("the stored model", () => {
  it("is the one fitted from today's development pages (run `npm run train:import` after changing them)", async () => {
    const devDomains = await readDevDomains(path.join(REPO, "test/import/dev-domains.txt"));
    const dev = (await readCorpus(path.join(REPO, "test/fixtures/pages"))).filter((corpusPage) => devDomains.has(corpusPage.truth.domain));
    const fitted = fitLineModel(dev.map(truthLabels));
    const stored = storedLineModel();
    expect(stored.trainedOn.pages).toBe(fitted.trainedOn.pages);
    expect(stored.trainedOn.lines).toBe(fitted.trainedOn.lines);
    stored.weights.forEach((row, label) => row.forEach((weight, i) => expect(weight).toBeCloseTo(fitted.weights[label]![i]!, 2)));
    expect(stored.transitions).toEqual(fitted.transitions);
  });
});
