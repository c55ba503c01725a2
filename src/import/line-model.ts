/**
 * The line model: each non-blank line of a page gets a label (headline, the
 * start of an item's text, more text, boilerplate) from its shallow features
 * (line-features.ts), scored by a softmax regression and chosen for the page
 * as a whole by a Viterbi decoder over the labels' transitions (a headline is
 * followed by text, boilerplate comes in runs). The weights are fitted on the
 * development pages' truth files by `npm run train:import` and kept in
 * line-model.json; nothing in them names a site.
 */
import { z } from "zod";
import { FEATURE_NAMES, lineFeatures, type FeatureVector } from "./line-features.ts";
import storedModel from "./line-model.json" with { type: "json" };
import type { Line } from "./types.ts";

export const LINE_LABELS = ["headline", "start", "text", "boilerplate"] as const;
export type LineLabel = (typeof LINE_LABELS)[number];

const matrix = (rows: number, columns: number) => z.array(z.array(z.number().finite()).length(columns)).length(rows);

export const LineModelSchema = z
  .object({
    version: z.literal(1),
    features: z.array(z.string()),
    labels: z.array(z.enum(LINE_LABELS)).length(LINE_LABELS.length),
    /** One row of weights per label, one column per feature. */
    weights: matrix(LINE_LABELS.length, FEATURE_NAMES.length),
    /** log P(first label). */
    initial: z.array(z.number().finite()).length(LINE_LABELS.length),
    /** log P(label | previous label), row = previous. */
    transitions: matrix(LINE_LABELS.length, LINE_LABELS.length),
    /** log P(label) over the training lines: the decoder divides the regression's posteriors by it. */
    priors: z.array(z.number().finite()).length(LINE_LABELS.length),
    /** How sure the regression must be of boilerplate for the importer to drop a line on the model's word (chosen by cross-validation). */
    boilerplateThreshold: z.number().min(0).max(1),
    trainedOn: z.object({ pages: z.number().int(), lines: z.number().int(), domains: z.number().int(), date: z.string() }),
  })
  .strict()
  .refine((model) => model.features.join(",") === FEATURE_NAMES.join(","), {
    message: "the model's features are not the importer's (retrain it with `npm run train:import`)",
  })
  .refine((model) => model.labels.join(",") === LINE_LABELS.join(","), { message: "the model's labels are not the importer's" });

export type LineModel = z.infer<typeof LineModelSchema>;

let parsed: LineModel | undefined;
/** The model kept in the repository (line-model.json), checked against the features once. */
export function storedLineModel(): LineModel {
  parsed ??= LineModelSchema.parse(storedModel);
  return parsed;
}

/** log-softmax of the regression's scores for one line. */
export function labelLogProbabilities(model: LineModel, features: FeatureVector): number[] {
  const scores = model.weights.map((row) => row.reduce((sum, weight, i) => sum + weight * features[i]!, 0));
  const top = Math.max(...scores);
  const total = Math.log(scores.reduce((sum, score) => sum + Math.exp(score - top), 0)) + top;
  return scores.map((score) => score - total);
}

export interface LabelledLine {
  line: Line;
  label: LineLabel;
  /** The regression's probability of the chosen label, before decoding. */
  probability: number;
  /** The regression's probability that the line is boilerplate. */
  boilerplate: number;
}

/** The most likely labels of a page's non-blank lines as a sequence (Viterbi; emissions are posteriors over priors). */
export function labelLines(lines: readonly Line[], model: LineModel, publication?: string): LabelledLine[] {
  const { lines: nonBlank, features } = lineFeatures(lines, publication);
  if (nonBlank.length === 0) return [];
  const k = LINE_LABELS.length;
  const posteriors = features.map((vector) => labelLogProbabilities(model, vector));
  const emission = posteriors.map((row) => row.map((value, label) => value - model.priors[label]!));
  let best = emission[0]!.map((value, label) => value + model.initial[label]!);
  const back: number[][] = [];
  for (let t = 1; t < nonBlank.length; t++) {
    const pointers: number[] = [];
    best = Array.from({ length: k }, (_, label) => {
      let from = 0;
      let score = -Infinity;
      for (let previous = 0; previous < k; previous++) {
        const candidate = best[previous]! + model.transitions[previous]![label]!;
        if (candidate > score) [score, from] = [candidate, previous];
      }
      pointers.push(from);
      return score + emission[t]![label]!;
    });
    back.push(pointers);
  }
  const path = [best.indexOf(Math.max(...best))];
  for (let t = back.length - 1; t >= 0; t--) path.unshift(back[t]![path[0]!]!);
  const boilerplate = LINE_LABELS.indexOf("boilerplate");
  return nonBlank.map((line, t) => ({
    line,
    label: LINE_LABELS[path[t]!]!,
    probability: Math.exp(posteriors[t]![path[t]!]!),
    boilerplate: Math.exp(posteriors[t]![boilerplate]!),
  }));
}
