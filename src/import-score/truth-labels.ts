/**
 * A corpus page read as the line model's training data: each non-blank line
 * labelled as its truth file reads it (an item's headline, the start of its
 * text, boilerplate; any other line of an item is more text).
 */
import type { LabelledPage } from "../import/fit-line-model.ts";
import type { LineLabel } from "../import/line-model.ts";
import type { Line } from "../import/types.ts";
import type { LocatedPage } from "./locate-truth.ts";

export function truthLabels(page: LocatedPage): LabelledPage {
  const lines: Line[] = page.lines.map((text, index) => ({ n: index + 1, text }));
  const labels = new Map<number, LineLabel>();
  for (const line of page.boilerplateLines) labels.set(line, "boilerplate");
  for (const item of page.items) {
    const [first, second] = item.anchors;
    if (first === undefined) continue;
    if (item.truth.headline !== null) {
      labels.set(first, "headline");
      if (second !== undefined) labels.set(second, "start");
    } else labels.set(first, "start");
  }
  return { lines, labels, publication: page.truth.outlet, domain: page.truth.domain };
}
