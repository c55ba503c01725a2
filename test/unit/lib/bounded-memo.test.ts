/** `boundedMemo` computes once per input while it holds the result, and never holds more than its limit. */
import { describe, expect, it } from "vitest";
import { boundedMemo } from "../../../src/lib/bounded-memo.ts";

describe("boundedMemo", () => {
  it("computes a result once per input, and again only after it was emptied at its limit", () => {
    const computed: string[] = [];
    const upper = boundedMemo((input) => (computed.push(input), input.toUpperCase()), 2);
    expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
    expect(computed).toEqual(["a", "b"]);
    // Full at two entries: a third input empties it first.
    expect(upper("c")).toBe("C");
    expect(upper("a")).toBe("A");
    expect(computed).toEqual(["a", "b", "c", "a"]);
  });
});
