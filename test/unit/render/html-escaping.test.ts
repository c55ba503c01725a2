import { describe, expect, it } from "vitest";
import type { Archive } from "../../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../../src/archive/site-config.ts";
import { escapeHtml, html, jsonForScript, langAttribute, trustedHtml } from "../../../src/render/html.ts";
import { page } from "../../../src/render/layout.ts";

describe("templates escape every value", () => {
  it("escapes text and attribute values", () => {
    const value = `"><img src=x onerror=alert(1)>'\``;
    expect(String(html`<a title="${value}">${value}</a>`)).toBe(
      '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&#96;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&#96;</a>',
    );
  });

  it("escapes each item of a list, and nests safely", () => {
    const items = ["<b>", "&"];
    expect(String(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`)).toBe("<ul><li>&lt;b&gt;</li><li>&amp;</li></ul>");
  });

  it("prints nothing for null, undefined and false", () => {
    expect(String(html`${null}${undefined}${false}`)).toBe("");
  });

  it("prints markup only when it is marked trusted", () => {
    expect(String(html`${trustedHtml("<p>ok</p>")}`)).toBe("<p>ok</p>");
    expect(escapeHtml("<p>")).toBe("&lt;p&gt;");
  });

  it("keeps JSON inside a script element from closing it", () => {
    expect(String(jsonForScript({ t: "</script><script>alert(1)</script>" }))).not.toContain("</script>");
  });
});

describe("template indentation", () => {
  it("leaves out the indentation of the template, and keeps the line breaks", () => {
    const out = html`<ul>
      <li>${"one"}</li>
      <li>two</li>
    </ul>`;
    expect(out.value).toBe("<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
  });

  it("never touches the indentation inside a value, such as an article's code block", () => {
    const code = trustedHtml("<pre><code>if (x) {\n    return 1;\n}</code></pre>");
    expect(
      html`<div>
    ${code}
  </div>`.value,
    ).toBe("<div>\n<pre><code>if (x) {\n    return 1;\n}</code></pre>\n</div>");
  });

  it("leaves no blanks at the end of a page's lines when optional parts are empty, and keeps those of the content", () => {
    const archive = { site: siteConfigFromEnv({}) } as Archive;
    const content = trustedHtml("<pre><code>two spaces  \nend</code></pre>");
    const out = page({ archive, title: "A page", url: "/a/", content, stylesheets: [], scripts: [] });
    expect(out).toContain("two spaces  \nend");
    expect(
      out
        .replace("two spaces  \n", "")
        .split("\n")
        .filter((line) => /[ \t]$/.test(line)),
    ).toEqual([]);
  });
});

describe("langAttribute", () => {
  it("marks a language only where it differs from the inherited one", () => {
    expect(String(langAttribute("es", "en"))).toBe(' lang="es"');
    expect(langAttribute("en", "en")).toBe("");
  });
});
