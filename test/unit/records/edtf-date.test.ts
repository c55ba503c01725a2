import { describe, expect, it } from "vitest";
import { dateToDatetimeAttribute, parseEdtfDate } from "../../../src/records/edtf-date.ts";
import { articleToPermalink, dateToPathPrefix } from "../../../src/records/permalink.ts";

function parse(text: string) {
  const result = parseEdtfDate(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe("EDTF dates keep their precision", () => {
  it.each([
    ["2023-01-09", "day", "2023-01-09"],
    ["2022-12", "month", "2022-12"],
    ["2021", "year", "2021"],
  ])("%s has %s precision", (text, precision, datetime) => {
    const date = parse(text);
    expect(date.start.precision).toBe(precision);
    expect(dateToDatetimeAttribute(date)).toBe(datetime);
  });

  it("never invents a day for a month", () => {
    const date = parse("2022-12");
    expect(date.start.day).toBeUndefined();
    expect(new Date(date.min).toISOString()).toBe("2022-12-01T00:00:00.000Z");
    expect(new Date(date.max).toISOString()).toBe("2022-12-31T23:59:59.999Z");
  });

  it("keeps uncertainty and approximation", () => {
    expect(parse("2022-12-07?").start).toMatchObject({ uncertain: true, approximate: false });
    expect(parse("2023-01~").start).toMatchObject({ uncertain: false, approximate: true });
    expect(parse("2021~").start).toMatchObject({ uncertain: false, approximate: true });
  });

  it("reads intervals as a span", () => {
    const date = parse("2022-12/2023-01");
    expect(date.kind).toBe("interval");
    expect(new Date(date.min).toISOString()).toBe("2022-12-01T00:00:00.000Z");
    expect(new Date(date.max).toISOString()).toBe("2023-01-31T23:59:59.999Z");
  });

  it.each(["2023-02-30", "2023-13", "yesterday", "../2023", "2022/..", "21", "2001-21", "{2021,2022}", "1985-04-12T23:20:30", "202X"])(
    "rejects %s with a message that shows the value",
    (text) => {
      const result = parseEdtfDate(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(`\`${text}\``);
    },
  );
});

describe("permalinks follow the date's precision", () => {
  it.each([
    ["2023-01-09", "/2023/01/09/x/"],
    ["2022-12", "/2022/12/x/"],
    ["2021", "/2021/x/"],
    ["2022-12-07?", "/2022/12/07/x/"],
    ["2023-01-03/2023-01-20", "/2023/01/x/"],
    ["2022-12/2023-01", "/2022/x/"],
  ])("%s -> %s", (text, url) => {
    expect(articleToPermalink("x", parse(text))).toBe(url);
  });

  it("files undated articles under /undated/", () => {
    expect(dateToPathPrefix(null)).toBe("/undated/");
  });
});

describe("a day must be on the calendar", () => {
  it.each([
    ["2023-02-29", "there is no 29 February in 2023: that month has 28 days"],
    ["1900-02-29", "there is no 29 February in 1900"],
    ["2023-04-31", "there is no 31 April in 2023: that month has 30 days"],
    ["2023-02-29?", "there is no 29 February in 2023"],
    ["2023-02-20/2023-02-29", "there is no 29 February in 2023"],
  ])("refuses %s", (text, error) => {
    const result = parseEdtfDate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });

  it.each(["2024-02-29", "2000-02-29", "2023-01-31", "2023-12-31"])("takes %s as written", (text) => {
    const result = parseEdtfDate(text);
    expect(result.ok && dateToDatetimeAttribute(result.value)).toBe(text);
  });
});
