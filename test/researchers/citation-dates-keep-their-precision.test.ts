/** CSL dates say what the EDTF date says: year, month or day; uncertain or approximate is `circa`; intervals have two ends. */
import { describe, expect, it } from "vitest";
import { dateToCslDate } from "../../src/exports/citations.ts";
import { parseEdtfDate } from "../../src/records/edtf-date.ts";

function csl(edtf: string) {
  const parsed = parseEdtfDate(edtf);
  if (!parsed.ok) throw new Error(parsed.error);
  return dateToCslDate(parsed.value);
}

describe("dateToCslDate", () => {
  it.each([
    ["2023-01-09", { "date-parts": [[2023, 1, 9]] }],
    ["2022-12", { "date-parts": [[2022, 12]] }],
    ["2021", { "date-parts": [[2021]] }],
    ["2022-12-07?", { "date-parts": [[2022, 12, 7]], circa: true }],
    ["2023-01~", { "date-parts": [[2023, 1]], circa: true }],
    ["2021%", { "date-parts": [[2021]], circa: true }],
    [
      "2022-12/2023-01",
      {
        "date-parts": [
          [2022, 12],
          [2023, 1],
        ],
      },
    ],
    [
      "2022-12-07/2023-01~",
      {
        "date-parts": [
          [2022, 12, 7],
          [2023, 1],
        ],
        circa: true,
      },
    ],
  ])("%s", (edtf, expected) => {
    expect(csl(edtf)).toEqual(expected);
  });
});
