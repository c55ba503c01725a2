import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import remarkDropGfmConstructs, {
  OPTIONAL_GFM_CONSTRUCTS,
  unusedGfmConstructs,
  type OptionalGfmConstruct,
} from "../../../src/markdown/remark-drop-gfm-constructs.ts";
import remarkGuardLinkLiterals from "../../../src/markdown/remark-guard-link-literals.ts";
import { renderMarkdown } from "../../../src/markdown/render-markdown.ts";
import { generateArticle } from "../../../src/bench/generate-corpus.ts";
import { createRandom } from "../../../src/bench/prng.ts";

const withGfm = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();
const leavingOut = (unused: readonly OptionalGfmConstruct[]) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDropGfmConstructs, unused)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
/** As render-markdown.ts parses a body: without the constructs it cannot use. */
const pruned = (markdown: string) => html(leavingOut(unusedGfmConstructs(markdown)), markdown);
const guarded = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkGuardLinkLiterals)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();
const html = (processor: typeof withGfm, markdown: string) => String(processor.processSync(markdown));
/** All of GFM's HTML of a body: what every fast path must give. Made once per body for the whole file (the tests below compare the collection's bodies twice). */
const withGfmHtml = new Map<string, string>();
const reference = (markdown: string) => {
  let made = withGfmHtml.get(markdown);
  if (made === undefined) withGfmHtml.set(markdown, (made = html(withGfm, markdown)));
  return made;
};

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

let collectionBodies: string[] | undefined;
/** Every body the tests below compare, read once. */
const collection = () =>
  (collectionBodies ??= [
    ...edgeCases,
    ...markdownFiles("content/articles").map((file) => matter(readFileSync(file, "utf8")).content),
    // The broken fixtures are left out: built to be refused or to be slow, they only slow this test down.
    ...markdownFiles("test/fixtures")
      .filter((file) => !file.includes("/broken/"))
      .map((file) => readFileSync(file, "utf8")),
    ...Array.from({ length: 40 }, (_, index) => generateArticle(index).text),
  ]);

/** Each optional construct at work, some in forms that are easy to miss. */
const constructsAtWork = [
  "Write to press@example.org.",
  "See www.example.pe and WwW.Mixed.pe.",
  "See http://a.pe and HTTPS://B.PE/x.",
  "| a | b |\n|---|---|\n| 1 | 2 |",
  "a\n:-",
  "a\n-:",
  "a | b\n- | -",
  "~~struck~~ and ~one~",
  "- [ ] open\n- [x] done\n- [X] done",
  "- [\t] tab\n\n* [\r\n] line ending",
  "A note[^1].\n\n[^1]: The note.",
];

const namesIn = (processor: ReturnType<typeof leavingOut>) =>
  new Set(
    (processor.data().micromarkExtensions ?? []).flatMap((extension) =>
      Object.entries(extension)
        .filter(([field]) => field !== "attentionMarkers" && field !== "disable")
        .flatMap(([, byCode]) => Object.values(byCode ?? {}).flat() as Array<{ name?: string }>)
        .map((construct) => construct.name),
    ),
  );

describe("each body is parsed without the GFM constructs it cannot use", () => {
  it("gives the same HTML as all of GFM for every body of the collection", () => {
    const bodies = [...collection(), ...constructsAtWork];
    expect(bodies.length).toBeGreaterThan(100);
    for (const body of bodies) expect(pruned(body)).toBe(reference(body));
  });

  it("gives the same HTML for thousands of random strings of the pieces GFM constructs are made of", () => {
    const random = createRandom(20230607);
    const pieces = [
      "a",
      "1",
      " ",
      "\t",
      "\n",
      "\r\n",
      "|",
      ":",
      "-",
      ":-",
      "-:",
      "~",
      "~~",
      "[",
      "]",
      "^",
      "[^",
      "[ ]",
      "[x]",
      "x",
      "www.",
      "WwW.",
      "http://",
      "HTTPS://",
      "@",
      "*",
      "> ",
      "- ",
      "1. ",
      "\\",
    ];
    const differing: string[] = [];
    for (let sample = 0; sample < 4000; sample++) {
      const body = Array.from({ length: random.int(1, 10) }, () => random.pick(pieces)).join("");
      if (pruned(body) !== html(withGfm, body)) differing.push(body);
    }
    expect(differing).toEqual([]);
  });

  it("keeps a construct whenever the body uses it", () => {
    for (const body of constructsAtWork) {
      const used = (Object.keys(OPTIONAL_GFM_CONSTRUCTS) as OptionalGfmConstruct[]).filter(
        (construct) => !unusedGfmConstructs(body).includes(construct),
      );
      expect(used.length, body).toBeGreaterThan(0);
      expect(pruned(body), body).toBe(html(withGfm, body));
    }
    expect(html(withGfm, "a\n:-")).toContain("<table>");
    expect(html(withGfm, "* [\r\n] line ending")).toContain('type="checkbox"');
  });

  it("really takes the constructs out of the parser, and only those", () => {
    const all = namesIn(leavingOut([]));
    const optional = Object.values(OPTIONAL_GFM_CONSTRUCTS).flatMap((construct) => construct.names);
    for (const name of optional) expect(all).toContain(name);
    const plain = unusedGfmConstructs("Plain words, a [link](/x) and **emphasis**.");
    expect(plain).toEqual(Object.keys(OPTIONAL_GFM_CONSTRUCTS));
    const left = namesIn(leavingOut(plain));
    for (const name of optional) expect(left).not.toContain(name);
    expect(unusedGfmConstructs("a | b\n- | -")).not.toContain("table");
  });

  it("links the addresses of a body with an `@`", () => {
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
    for (const body of bodies) expect(html(guarded, body)).toBe(reference(body));
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
