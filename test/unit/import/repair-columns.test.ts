/** Sentences and words broken across print columns are joined again, and nothing else moves. */
import { describe, expect, it } from "vitest";
import { joinContinuation, repairColumns, type Piece } from "../../../src/import/repair-columns.ts";

const piece = (markdown: string, extra: Partial<Piece> = {}): Piece => ({ markdown, joinable: true, lines: [], ...extra });

describe("column repair", () => {
  it("rejoins a word split by a hyphen, also inside bold", () => {
    expect(joinContinuation("called on Castillo to dis-", "organize them.")).toBe("called on Castillo to disorganize them.");
    expect(joinContinuation("**guaranteed by a Provision-**", "**al Workers' Government**")).toBe(
      "**guaranteed by a Provisional Workers' Government**",
    );
    expect(joinContinuation("**such as the Indige-**", "nous Peoples of the Central Jungle")).toBe(
      "**such as the Indigenous** Peoples of the Central Jungle",
    );
  });

  it("continues the open paragraph across a caption, which stays after it", () => {
    const out = repairColumns([
      piece("We call to break and put an end to"),
      piece("December 13th, 2022: US ambassador and Dina Boluarte", { caption: true }),
      piece("the leaderships that put the CGTP at the feet of the bourgeoisie."),
    ]);
    expect(out.map((p) => p.markdown)).toEqual([
      "We call to break and put an end to the leaderships that put the CGTP at the feet of the bourgeoisie.",
      "December 13th, 2022: US ambassador and Dina Boluarte",
    ]);
  });

  it("nests: the innermost open paragraph takes the first continuation", () => {
    const out = repairColumns([
      piece("Since the counterrevolutionary coup"),
      piece("## A box", { joinable: false }),
      piece("The masses put the dead. Now"),
      piece("In Cusco, the masses shout", { caption: true }),
      piece("yes, civil war."),
      piece("was consummated, there are already 45 martyrs."),
    ]);
    expect(out.map((p) => p.markdown)).toEqual([
      "Since the counterrevolutionary coup was consummated, there are already 45 martyrs.",
      "## A box",
      "The masses put the dead. Now yes, civil war.",
      "In Cusco, the masses shout",
    ]);
  });

  it("leaves complete paragraphs alone", () => {
    const pieces = [piece("One sentence."), piece("Another one starts here.")];
    expect(repairColumns(pieces).map((p) => p.markdown)).toEqual(["One sentence.", "Another one starts here."]);
  });
});
