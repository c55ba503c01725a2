import { describe, expect, it } from "vitest";
import { SECOND_SEARCH_WORKER_LIMIT, searchWorkersFor, searchWorkersFromEnv } from "../../../src/site/build-run.ts";

describe("the search index's workers", () => {
  it("are two up to the limit and one past it, unless the setting says", () => {
    expect(searchWorkersFor(SECOND_SEARCH_WORKER_LIMIT, undefined)).toBe(2);
    expect(searchWorkersFor(SECOND_SEARCH_WORKER_LIMIT + 1, undefined)).toBe(1);
    expect(searchWorkersFor(SECOND_SEARCH_WORKER_LIMIT + 1, 2)).toBe(2);
    expect(searchWorkersFor(10, 1)).toBe(1);
  });

  it("are read from HEMEROTECA_SEARCH_WORKERS, 1 or 2, and any other value is an error naming it", () => {
    expect(searchWorkersFromEnv(undefined)).toBeUndefined();
    expect(searchWorkersFromEnv("")).toBeUndefined();
    expect(searchWorkersFromEnv("1")).toBe(1);
    expect(searchWorkersFromEnv("2")).toBe(2);
    expect(() => searchWorkersFromEnv("3")).toThrow("Cannot read `HEMEROTECA_SEARCH_WORKERS=3`: expected 1 or 2");
  });
});
