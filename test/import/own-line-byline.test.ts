/**
 * `by Jane Roe` on a line of its own under a paragraph starts in lower case,
 * as a sentence going on would, but it is the byline: it is a unit of its own
 * with the item's authors. A lower-case line that goes on with a sentence still
 * joins the line above. Placeholder words only.
 */
import { describe, expect, it } from "vitest";
import { toUnits } from "../../src/import/blocks.ts";
import { classifyUnit } from "../../src/import/classify-units.ts";
import type { Line } from "../../src/import/types.ts";

const lines = (texts: readonly string[]): Line[] => texts.map((text, i) => ({ n: i + 1, text }));

describe("a lower-case byline on its own line", () => {
  it("is a unit of its own; a sentence going on is not", () => {
    const units = toUnits(lines(["Amber anchor arrow atlas aspen alder agate acorn.", "by Jane Roe", "by the willow walnut wagon wheat"]));
    expect(units.map((unit) => unit.lines.map((line) => line.n))).toEqual([[1], [2, 3]]);
  });

  it("reads as a byline with its names", () => {
    const units = toUnits(lines(["Willow walnut wagon wheat whistle window winter wizard.", "por Ana Ruiz de la Cruz"])).map((block) =>
      classifyUnit(block, "Placeholder"),
    );
    expect(units.map((unit) => unit.kind)).toEqual(["text", "byline"]);
    expect(units[1]!.kind === "byline" && units[1]!.authors).toEqual(["Ana Ruiz de la Cruz"]);
  });
});
