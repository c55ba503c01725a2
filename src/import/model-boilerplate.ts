/**
 * Boilerplate the rules do not know, found by the line model: a line the
 * model's decoding labels boilerplate, with the regression sure enough of it,
 * is taken out of the page before the layout is chosen and the page split,
 * and dropped to the report with that reason. Only lines the rules read as
 * text, printed once on the page, are dropped so: the rules' boilerplate
 * keeps their reasons, a byline or date line belongs to an item however
 * short it is, and a line printed again is a label the rules part items at.
 */
import { makeBlock } from "./blocks.ts";
import { classifyUnit } from "./classify-units.ts";
import { labelLines, type LineModel } from "./line-model.ts";
import type { DroppedLine, Line } from "./types.ts";

export interface ModelBoilerplate {
  /** The page's lines with those dropped made blank (so blocks still part where they stood). */
  lines: Line[];
  dropped: DroppedLine[];
}

export function dropModelBoilerplate(
  lines: readonly Line[],
  model: LineModel,
  publication?: string,
  threshold = model.boilerplateThreshold,
): ModelBoilerplate {
  const drop = new Map<number, number>();
  const printed = new Map<string, number>();
  for (const line of lines) printed.set(line.text.trim(), (printed.get(line.text.trim()) ?? 0) + 1);
  for (const labelled of labelLines(lines, model, publication)) {
    if (labelled.label !== "boilerplate" || labelled.boilerplate < threshold) continue;
    // A line the page prints again is a label over items or a separator: the rules part items at it.
    if (printed.get(labelled.line.text.trim())! > 1) continue;
    const unit = classifyUnit(makeBlock([labelled.line], 1), publication);
    // Bylines, date lines and bare names (a byline's, as the rules read it in context) are an item's, however
    // short; the rules' boilerplate has reasons of its own.
    if (unit.kind !== "text" || unit.nameOnly) continue;
    drop.set(labelled.line.n, labelled.boilerplate);
  }
  return {
    lines: lines.map((line) => (drop.has(line.n) ? { n: line.n, text: "" } : line)),
    dropped: lines
      .filter((line) => drop.has(line.n))
      .map((line) => ({
        line: line.n,
        text: line.text,
        reason: `boilerplate by its shape (line model, p = ${drop.get(line.n)!.toFixed(2)})`,
      })),
  };
}
