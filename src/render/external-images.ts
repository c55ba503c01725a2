/**
 * Images an article body takes from other hosts, shown as links to them
 * (`external-images: link` in `content/site.yml`, the default). A picture
 * fetched from its original host tells that host who reads which article,
 * and the host may change or remove it; a link lets the reader choose. Only
 * the article pages change: the record keeps the body as written, the feeds
 * carry it whole, and the pages' policy then allows images from the site
 * alone (layout.ts).
 *
 * The body is sanitized HTML, parsed again only when it holds an `<img`.
 */
import { unified } from "unified";
import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import type { Element, Root } from "hast";
import { formatMessage } from "../archive/interface-messages.ts";

export interface ExternalImageWords {
  /** `{host}` is the image's host. */
  externalImage: string;
  /** `{host}` and `{alt}`, the image's own description. */
  externalImageWithAlt: string;
}

/** A host no address can name, so that a relative address resolves to it and an external one does not. */
const HERE = "https://site.invalid/";

/** The image's host when `src` is on another host (`https://`, `http://` or `//`); else nothing. */
export function externalHost(src: string): string | undefined {
  let url: URL;
  try {
    url = new URL(src, HERE);
  } catch {
    return undefined;
  }
  return url.host === new URL(HERE).host ? undefined : url.host;
}

function standIn(image: Element, host: string, words: ExternalImageWords, insideLink: boolean): Element {
  const alt = typeof image.properties.alt === "string" ? image.properties.alt.trim() : "";
  const label = alt ? formatMessage(words.externalImageWithAlt, { host, alt }) : formatMessage(words.externalImage, { host });
  const title = typeof image.properties.title === "string" ? { title: image.properties.title } : {};
  // A link inside a link is not HTML: an image that is already a link's content only says what it was.
  if (insideLink)
    return {
      type: "element",
      tagName: "span",
      properties: { className: ["external-image"], ...title },
      children: [{ type: "text", value: label }],
    };
  return {
    type: "element",
    tagName: "a",
    properties: {
      className: ["external-image"],
      href: String(image.properties.src),
      rel: ["external", "nofollow", "noreferrer"],
      ...title,
    },
    children: [{ type: "text", value: label }],
  };
}

function replaceImages(parent: Root | Element, words: ExternalImageWords, insideLink: boolean): void {
  const children: Array<Root["children"][number]> = parent.children;
  children.forEach((child, index) => {
    if (child.type !== "element") return;
    const host = child.tagName === "img" && typeof child.properties.src === "string" ? externalHost(child.properties.src) : undefined;
    if (host) children[index] = standIn(child, host, words, insideLink);
    else replaceImages(child, words, insideLink || child.tagName === "a");
  });
}

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeStringify).freeze();

/** `html` (a sanitized article body) with every image from another host made a link to it. */
export function linkExternalImages(html: string, words: ExternalImageWords): string {
  if (!html.includes("<img")) return html;
  const tree = processor.parse(html);
  replaceImages(tree, words, false);
  return processor.stringify(tree);
}
