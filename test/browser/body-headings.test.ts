/** Article bodies' headings are renumbered under the page's h1 (src/site/body-headings.ts). */
import { describe, expect, it } from "vitest";
import { bodyToPageHeadings } from "../../src/site/body-headings.ts";

describe("bodyToPageHeadings", () => {
  it("leaves a body that already starts at h2 and skips nothing as it is", () => {
    const body = '<h2 id="a">A</h2><p>x</p><h3 id="b">B</h3>';
    expect(bodyToPageHeadings(body)).toBe(body);
  });

  it("lifts a body that starts at h3 so it starts at h2", () => {
    expect(bodyToPageHeadings('<h3 id="a">A</h3><p>x</p><h4>B</h4>')).toBe('<h2 id="a">A</h2><p>x</p><h3>B</h3>');
  });

  it("moves a body's own h1 under the page's h1, and closes the gaps between levels", () => {
    expect(bodyToPageHeadings("<h1>T</h1><h2>A</h2><h5>B</h5>")).toBe("<h2>T</h2><h3>A</h3><h4>B</h4>");
  });

  it("touches no escaped text and no other element", () => {
    const body = "<p>&lt;h3&gt; is a tag</p><h4>A</h4><header>x</header><hr>";
    expect(bodyToPageHeadings(body)).toBe("<p>&lt;h3&gt; is a tag</p><h2>A</h2><header>x</header><hr>");
  });

  it("returns a body without headings unchanged", () => {
    expect(bodyToPageHeadings("<p>only text</p>")).toBe("<p>only text</p>");
  });
});
