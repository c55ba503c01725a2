/** An article without a summary is described by the start of its text, cut between words. */
import { describe, expect, it } from "vitest";
import { textToDescription } from "../../src/render/components.ts";

describe("textToDescription", () => {
  it("keeps a short text whole, with its whitespace collapsed", () => {
    expect(textToDescription("  Police   massacre\nin Juliaca.  ")).toBe("Police massacre in Juliaca.");
  });

  it("cuts a long text at the last word boundary before the limit, with an ellipsis", () => {
    const text =
      "The general strike called by the unions of the south spread to Lima, where thousands marched, despite the state of emergency declared.";
    const description = textToDescription(text, 60);
    expect(description.length).toBeLessThanOrEqual(60);
    expect(description).toBe("The general strike called by the unions of the south…");
    expect(text.startsWith(description.slice(0, -1))).toBe(true);
  });

  it("drops punctuation left hanging at the cut", () => {
    expect(textToDescription("Strikes, marches, roadblocks, and more strikes everywhere", 31)).toBe("Strikes, marches, roadblocks…");
  });

  it("cuts a text with no space in reach at the limit itself", () => {
    expect(textToDescription("x".repeat(300), 160)).toBe(`${"x".repeat(159)}…`);
  });
});
