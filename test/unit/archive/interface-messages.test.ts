/** The interface's words: dates by `Intl` with their precision, counts by plural rules, messages with their values. */
import { describe, expect, it } from "vitest";
import { countOf, dateLabel, formatMessage, messagesFor, monthName, monthYearTitle } from "../../../src/archive/interface-messages.ts";
import { parseEdtfDate } from "../../../src/records/edtf-date.ts";
import { html, htmlMessage } from "../../../src/render/html.ts";

const date = (edtf: string) => {
  const parsed = parseEdtfDate(edtf);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

const en = messagesFor("en");
const es = messagesFor("es");

describe("dateLabel", () => {
  it("writes English dates with their precision", () => {
    expect(dateLabel(en, date("2023-01-09"))).toBe("9 January 2023");
    expect(dateLabel(en, date("2022-12"))).toBe("December 2022");
    expect(dateLabel(en, date("2021"))).toBe("2021");
    expect(dateLabel(en, date("2021~"))).toBe("c. 2021");
    expect(dateLabel(en, date("2022-12-07?"))).toBe("7 December 2022?");
    expect(dateLabel(en, date("2022-12/2023-01"))).toBe("between December 2022 and January 2023");
    expect(dateLabel(en, date("0999"))).toBe("999");
    expect(dateLabel(en, null)).toBe("undated");
  });

  it("writes Spanish dates with their precision", () => {
    expect(dateLabel(es, date("2023-01-09"))).toBe("9 de enero de 2023");
    expect(dateLabel(es, date("2022-12"))).toBe("diciembre de 2022");
    expect(dateLabel(es, date("2021"))).toBe("2021");
    expect(dateLabel(es, date("2021~"))).toBe("hacia 2021");
    expect(dateLabel(es, date("2022-12-07?"))).toBe("7 de diciembre de 2022?");
    expect(dateLabel(es, date("2022-12/2023-01"))).toBe("entre diciembre de 2022 y enero de 2023");
    expect(dateLabel(es, undefined)).toBe("sin fecha");
  });

  it("names months on their own and with their year, capitalized as labels", () => {
    expect(monthName(en, 9)).toBe("September");
    expect(monthName(es, 9)).toBe("Septiembre");
    expect(monthYearTitle(en, 2023, 1)).toBe("January 2023");
    expect(monthYearTitle(es, 2023, 1)).toBe("Enero de 2023");
  });
});

describe("counts and messages", () => {
  it("picks the plural form of the language", () => {
    expect([countOf(en, 1), countOf(en, 0), countOf(en, 2, "tag")]).toEqual(["1 article", "0 articles", "2 tags"]);
    expect([countOf(es, 1, "publication"), countOf(es, 3, "publication")]).toEqual(["1 publicación", "3 publicaciones"]);
  });

  it("puts values in a message, and escapes its text and values in markup except links it is given", () => {
    expect(formatMessage("{a} and {b}, {c}", { a: 1, b: "two" })).toBe("1 and two, {c}");
    expect(htmlMessage("<{x}> & {link}", { x: "<b>", link: html`<a href="/">home</a>` }).value).toBe(
      '&lt;&lt;b&gt;&gt; &amp; <a href="/">home</a>',
    );
  });

  it("falls back to English for a language without a table", () => {
    expect(messagesFor("fr")).toBe(en);
  });
});
