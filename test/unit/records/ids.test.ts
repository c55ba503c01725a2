import { describe, expect, it } from "vitest";
import { isPathSafeId, titleToId, textToSlug } from "../../../src/records/ids.ts";

describe("ids are path-safe, readable slugs", () => {
  it("derives an id from a headline, folding accents", () => {
    expect(titleToId("Enver León: “La mayoría de los peruanos quieren un cambio de Constitución”")).toBe(
      "enver-leon-la-mayoria-de-los-peruanos-quieren-un-cambio-de-constitucion",
    );
  });

  it("cuts long headlines at a word boundary", () => {
    const id = titleToId(
      "Peru Presidential Elections: Surprise Victory of Militant Union Leader Reflects Crisis of the Regime and More Words",
    );
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id.endsWith("-")).toBe(false);
    expect(isPathSafeId(id)).toBe(true);
  });

  it.each(["../etc", "a/b", "A", "a--b", "-a", "a-", "", "index", "pagefind", "con", "x".repeat(101), "a b", "a.b"])(
    "refuses %j",
    (value) => expect(isPathSafeId(value)).toBe(false),
  );

  it("never derives a reserved or empty id", () => {
    expect(titleToId("Index")).toBe("article-index");
    expect(titleToId("¡¿!?")).toBe("article");
    expect(titleToId("2023")).toBe("article-2023");
  });

  it("slugs tags and publications the same way", () => {
    expect(textToSlug("Fight Back! News")).toBe("fight-back-news");
    expect(textToSlug("Perú")).toBe(textToSlug("peru"));
  });
});
