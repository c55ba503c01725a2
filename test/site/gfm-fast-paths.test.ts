import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import remarkDropEmailLiterals, { EMAIL_LITERAL } from "../../src/markdown/remark-drop-email-literals.ts";
import remarkGuardLinkLiterals from "../../src/markdown/remark-guard-link-literals.ts";
import { renderMarkdown } from "../../src/markdown/render-markdown.ts";
import { generateArticle } from "../../src/bench/generate-corpus.ts";

const withGfm = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).freeze();
const withoutEmail = unified().use(remarkParse).use(remarkGfm).use(remarkDropEmailLiterals).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).freeze();
const guarded = unified().use(remarkParse).use(remarkGfm).use(remarkGuardLinkLiterals).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).freeze();
const html = (processor: typeof withGfm, markdown: string) => String(processor.processSync(markdown));

function markdownFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith(".md")).map((file) => path.join(dir, file));
}

const edgeCases = [
  "www.example.com/_b_ and www.a.com/~x, (www.b.org). http://c.net/p?q=1#f",
  "Https://Example.COM/path) and WWW.upper.pe. hwww.x.com whttp://no",
  "| h | w |\n|---|---|\n| www.t.pe | https://t.pe/x_y_ |\n\n~~struck www.s.pe~~ [^1]\n\n[^1]: https://f.pe",
  "- [ ] task www.task.pe\n- [x] done\n\n> quote http://q.pe.\n\n`www.code.pe` <https://angle.pe> [l](https://l.pe) foo_bar-baz.qux",
  "1.2.3 a-b.c_d e+f.g h.i-j w.w.w h-t-t-p",
];

const collection = () => [
  ...edgeCases,
  ...markdownFiles("content/articles").map((file) => matter(readFileSync(file, "utf8")).content),
  // The broken fixtures are left out: built to be refused or to be slow, they only slow this test down.
  ...markdownFiles("test/fixtures").filter((file) => !file.includes("/broken/")).map((file) => readFileSync(file, "utf8")),
  ...Array.from({ length: 40 }, (_, index) => generateArticle(index).text),
];

describe("bodies without an `@` parse the same without GFM's e-mail literal", () => {
  const bodies = collection().filter((body) => !body.includes("@"));

  it("gives the same HTML for every such body", () => {
    expect(bodies.length).toBeGreaterThan(100);
    for (const body of bodies) expect(html(withoutEmail, body)).toBe(html(withGfm, body));
  });

  it("really takes the e-mail literal out of the parser, so the twin is the faster one", () => {
    const namesIn = (processor: typeof withGfm) =>
      new Set((processor.data().micromarkExtensions ?? []).flatMap((extension) => Object.values(extension.text ?? {}).flat().map((construct) => construct?.name)));
    expect(namesIn(withGfm)).toContain(EMAIL_LITERAL);
    expect(namesIn(withoutEmail)).not.toContain(EMAIL_LITERAL);
    expect(namesIn(withoutEmail)).toContain("protocolAutolink");
  });

  it("is not used for a body with an `@`: its addresses are links", () => {
    expect(renderMarkdown("Write to press@example.org or visit www.example.org.").html).toContain('href="mailto:press@example.org"');
  });
});

describe("GFM's link-literal transform runs only where it could find something", () => {
  const linkLiterals = [
    "Mail press@example.org, visit http://a.pe or www.b.pe.",
    "HTTPS://UPPER.PE and WwW.mixed.pe",
    // Character references spell what micromark does not see; only the transform links them.
    "Written &#119;ww.entity.pe",
    "Written press&#64;entity.pe",
    "Written &#104;ttps://entity.pe",
    "A [link](https://link.pe) and mailto:x@y.pe, xmpp:a@b.pe/c",
    "**www.strong.pe** _http://em.pe_ > www.quote.pe",
  ];

  it("gives the same HTML for every body, with or without literal links", () => {
    const bodies = [...collection(), ...linkLiterals];
    expect(bodies.length).toBeGreaterThan(100);
    for (const body of bodies) expect(html(guarded, body)).toBe(html(withGfm, body));
  });

  it("still links literal URLs and addresses that only the transform finds", () => {
    expect(html(guarded, "Written &#119;ww.entity.pe")).toContain('href="http://www.entity.pe"');
    expect(html(guarded, "Written press&#64;entity.pe")).toContain('href="mailto:press@entity.pe"');
    expect(html(guarded, "Written &#104;ttps://entity.pe")).toContain('href="https://entity.pe"');
  });

  it("is installed on the transform of remark-gfm", () => {
    const transforms = (guarded.data().fromMarkdownExtensions ?? []).flat().flatMap((extension) => extension.transforms ?? []);
    expect(transforms.map((transform) => transform.name)).toContain("guardedLinkLiterals");
  });
});
