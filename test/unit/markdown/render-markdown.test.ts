import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/markdown/render-markdown.ts";

describe("article bodies are sanitized", () => {
  it.each([
    ["<script>window.__pwned = 1</script>", /<script/i],
    ['<img src="x" onerror="window.__pwned=1">', /onerror/i],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/i],
    ["[x](javascript:alert(1))", /javascript:/i],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:/i],
    ["![x](data:image/svg+xml,<svg onload=alert(1)>)", /(src|href)="data:|<svg|onload/i],
    ["![x](data:image/png;base64,AAAA)", /src="data:/i],
    ['<iframe src="https://example.org"></iframe>', /<iframe/i],
    ['<object data="x.swf"></object><embed src="x.swf">', /<object|<embed/i],
    ['<form action="https://evil.example"><input name="q"></form>', /<form|<input/i],
    ["<style>body{display:none}</style>", /<style|display:none/i],
    ['<p style="position:fixed">x</p>', /style=/i],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', /<meta|refresh/i],
    ["<svg><script>alert(1)</script></svg>", /<svg|<script/i],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', /javascript:|<math/i],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', /javascript|ascript:/i],
    ['<base href="https://evil.example/">', /<base/i],
  ])("removes %s", (input, forbidden) => {
    expect(renderMarkdown(input).html).not.toMatch(forbidden);
  });

  it("prefixes user ids and names against DOM clobbering", () => {
    const { html } = renderMarkdown('<b id="search" name="pagefind">x</b>');
    expect(html).toContain('id="user-content-search"');
    expect(html).not.toMatch(/id="search"/);
  });

  it("keeps heading anchors working under the prefix", () => {
    const { html } = renderMarkdown("## Police massacre\n\nSee [above](#police-massacre).");
    expect(html).toContain('<h2 id="user-content-police-massacre">');
    expect(html).toContain('href="#user-content-police-massacre"');
  });

  it("keeps ordinary document structure and http(s) links", () => {
    const { html } = renderMarkdown(
      "# T\n\n> quote\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n[link](https://example.org) ~~old~~ <sup>1</sup>",
    );
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<table>");
    expect(html).toContain('<a href="https://example.org">link</a>');
    expect(html).toContain("<del>old</del>");
    expect(html).toContain("<sup>1</sup>");
  });

  it("gives plain text for search and exports", () => {
    expect(renderMarkdown("# Title\n\nSome *emphasis* and [a link](https://x.org).").text).toBe("Title\n\nSome emphasis and a link.");
  });
});
