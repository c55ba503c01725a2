/** Article bodies' headings are ranked under the page's h1 by the Markdown pipeline. */
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/markdown/render-markdown.ts";

const headings = (markdown: string) => [...renderMarkdown(markdown).html.matchAll(/<(h\d)\b/g)].map((m) => m[1]);

describe("heading levels in an article body", () => {
  it("leaves a body that starts at h2 and skips nothing as it is", () => {
    expect(headings("## A\n\nx\n\n### B")).toEqual(["h2", "h3"]);
  });

  it("lifts a body that starts at h3 so it starts at h2", () => {
    expect(headings("### A\n\nx\n\n#### B")).toEqual(["h2", "h3"]);
  });

  it("moves a body's own h1 under the page's h1 and closes gaps between levels", () => {
    expect(headings("# T\n\n## A\n\n##### B")).toEqual(["h2", "h3", "h4"]);
  });

  it("ranks headings written as raw HTML too, and keeps their anchors", () => {
    const { html } = renderMarkdown("<h4>Raw</h4>\n\nSee [it](#raw).");
    expect(html).toContain('<h2 id="user-content-raw">Raw</h2>');
    expect(html).toContain('href="#user-content-raw"');
  });

  it("touches no text that merely looks like a tag", () => {
    expect(renderMarkdown("`<h3>` is a tag\n\n#### A").html).toContain("<code>&#x3C;h3></code>");
    expect(headings("`<h3>` is a tag\n\n#### A")).toEqual(["h2"]);
  });
});
