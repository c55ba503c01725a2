/**
 * Fits the line model (line-model.ts) on labelled pages: a softmax regression
 * with an L2 penalty by full-batch gradient descent, and the label
 * transitions and priors by counting (add-one smoothing). Deterministic: the
 * same pages give the same weights.
 */
import { FEATURE_NAMES, lineFeatures } from "./line-features.ts";
import { LINE_LABELS, type LineLabel, type LineModel } from "./line-model.ts";
import type { Line } from "./types.ts";

export interface LabelledPage {
  lines: readonly Line[];
  publication?: string;
  /** The label of each non-blank line, by line number. */
  labels: ReadonlyMap<number, LineLabel>;
  domain: string;
}

export interface FitOptions {
  iterations?: number;
  l2?: number;
  rate?: number;
  date?: string;
  boilerplateThreshold?: number;
}

export function fitLineModel(pages: readonly LabelledPage[], options: FitOptions = {}): LineModel {
  const iterations = options.iterations ?? 1500;
  const l2 = options.l2 ?? 0.001;
  const rate = options.rate ?? 0.5;
  const k = LINE_LABELS.length;
  const d = FEATURE_NAMES.length;
  const xs: number[][] = [];
  const ys: number[] = [];
  const initial = new Array<number>(k).fill(1);
  const transitions = Array.from({ length: k }, () => new Array<number>(k).fill(1));
  const counts = new Array<number>(k).fill(1);
  for (const page of pages) {
    const { lines, features } = lineFeatures(page.lines, page.publication);
    let previous: number | undefined;
    lines.forEach((line, index) => {
      const label = LINE_LABELS.indexOf(page.labels.get(line.n) ?? "text");
      xs.push(features[index]!);
      ys.push(label);
      counts[label]!++;
      if (previous === undefined) initial[label]!++;
      else transitions[previous]![label]!++;
      previous = label;
    });
  }
  // Flat typed arrays and plain loops: the fit runs in the tests, and the cross-validation fits once per outlet.
  const n = xs.length;
  const x = new Float64Array(n * d);
  xs.forEach((row, r) => x.set(row, r * d));
  const w = new Float64Array(k * d);
  const gradient = new Float64Array(k * d);
  const scores = new Float64Array(k);
  for (let step = 0; step < iterations; step++) {
    gradient.fill(0);
    for (let r = 0; r < n; r++) {
      const offset = r * d;
      let top = -Infinity;
      for (let label = 0; label < k; label++) {
        let sum = 0;
        for (let i = 0; i < d; i++) sum += w[label * d + i]! * x[offset + i]!;
        scores[label] = sum;
        if (sum > top) top = sum;
      }
      let total = 0;
      for (let label = 0; label < k; label++) total += scores[label] = Math.exp(scores[label]! - top);
      for (let label = 0; label < k; label++) {
        const error = scores[label]! / total - (ys[r] === label ? 1 : 0);
        for (let i = 0; i < d; i++) gradient[label * d + i]! += error * x[offset + i]!;
      }
    }
    for (let label = 0; label < k; label++) {
      for (let i = 0; i < d; i++) {
        const at = label * d + i;
        const penalty = i === 0 ? 0 : l2 * w[at]!;
        w[at]! -= rate * (gradient[at]! / Math.max(1, n) + penalty);
      }
    }
  }
  const weights = Array.from({ length: k }, (_, label) => Array.from(w.subarray(label * d, (label + 1) * d)));
  const logNormalise = (row: number[]) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((value) => Math.log(value / total));
  };
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  return {
    version: 1,
    features: [...FEATURE_NAMES],
    labels: [...LINE_LABELS],
    weights: weights.map((row) => row.map(round)),
    initial: logNormalise(initial).map(round),
    transitions: transitions.map((row) => logNormalise(row).map(round)),
    priors: logNormalise(counts).map(round),
    boilerplateThreshold: options.boilerplateThreshold ?? 0.85,
    trainedOn: {
      pages: pages.length,
      lines: xs.length,
      domains: new Set(pages.map((page) => page.domain)).size,
      date: options.date ?? new Date().toISOString().slice(0, 10),
    },
  };
}
