/**
 * Finds executable vectors in built HTML with a real HTML parser (parse5, the
 * parser browsers follow), so an escaping slip cannot hide behind a regular
 * expression. Each finding names the element and the reason.
 */
import { parse, parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { sanitizeSchema, CLOBBER_PREFIX } from "../../src/markdown/sanitize-schema.ts";

type Node = DefaultTreeAdapterMap["node"];
export type Element = DefaultTreeAdapterMap["element"];

export function isElement(node: Node): node is Element {
  return "tagName" in node;
}

export function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  const children = "childNodes" in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  if (isElement(node) && node.tagName === "template") yield* elements((node as DefaultTreeAdapterMap["template"]).content);
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(element: Element, name: string): boolean {
  return (attr(element, "class") ?? "").split(/\s+/).includes(name);
}

export function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "srcset",
  "xlink:href",
  "poster",
  "data",
  "background",
  "cite",
  "longdesc",
  "ping",
  "manifest",
  "icon",
  "lowsrc",
  "dynsrc",
  "codebase",
  "archive",
  "srcdoc",
  "imagesrcset",
]);
/** Never allowed, wherever they come from. */
const NEVER = new Set([
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "portal",
  "base",
  "style",
  "svg",
  "math",
  "xmp",
  "plaintext",
  "listing",
  "isindex",
]);
/** `javascript:`, `vbscript:` or `data:` once browsers have dropped the whitespace and control characters they ignore. */
const SCRIPT_URL = /^(?:javascript|vbscript|data|livescript):/;

export function scriptUrl(value: string): boolean {
  return (
    // eslint-disable-next-line no-control-regex
    SCRIPT_URL.test(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase()) ||
    value.split(",").some((part) => SCRIPT_URL.test(part.trim().toLowerCase()))
  );
}

export interface SiteRules {
  /** Script files of the site's own, by address: the only scripts a page may load. */
  ownScripts: ReadonlySet<string>;
  /** Does an address of the site exist in the build (for `src` of own scripts)? */
  exists?: (address: string) => boolean;
}

/** Every executable vector in an element tree, as `<tag attr>: reason` lines. */
export function findVectors(root: Node, rules: SiteRules, where: string): string[] {
  const found: string[] = [];
  const report = (element: Element, reason: string) =>
    found.push(`${where}: <${element.tagName}${element.attrs.map((a) => ` ${a.name}="${a.value.slice(0, 60)}"`).join("")}>: ${reason}`);
  for (const element of elements(root)) {
    const tag = element.tagName;
    if (NEVER.has(tag)) report(element, `\`${tag}\` element`);
    for (const { name, value } of element.attrs) {
      const lower = name.toLowerCase();
      if (lower.startsWith("on")) report(element, `event handler \`${name}\``);
      if (lower === "style") report(element, "inline style");
      if (URL_ATTRIBUTES.has(lower) && scriptUrl(value)) report(element, `script or data address in \`${name}\``);
      if (lower === "srcdoc") report(element, "`srcdoc`");
    }
    if (tag === "script") {
      const type = (attr(element, "type") ?? "").toLowerCase();
      const src = attr(element, "src");
      // A data block (JSON-LD, or JSON for a script of the site's own) is not run; it must stay the JSON it was.
      if ((type === "application/ld+json" || type === "application/json") && src === undefined) {
        const json = textOf(element);
        try {
          JSON.parse(json);
        } catch {
          report(element, `${type} that is not JSON (a value broke out of it)`);
        }
        if (/<\/script|<!--/i.test(json)) report(element, `${type} containing \`</script\` or \`<!--\``);
      } else if (src === undefined) {
        report(element, "inline script");
      } else if (!src.startsWith("/") || src.startsWith("//") || !rules.ownScripts.has(src.split(/[?#]/)[0]!)) {
        report(element, `script \`${src}\` is not one of the site's own`);
      } else if (rules.exists && !rules.exists(src)) {
        report(element, `script \`${src}\` is not in the build`);
      } else if (textOf(element).trim()) {
        report(element, "script with both `src` and inline code");
      }
    }
    if (tag === "meta") {
      const equiv = (attr(element, "http-equiv") ?? "").toLowerCase();
      const content = attr(element, "content") ?? "";
      if (equiv === "refresh" && !/^0; url=\/(?:[a-z0-9-]+\/)*$/.test(content))
        report(element, "meta refresh to somewhere other than an article of the site");
      if (equiv && equiv !== "refresh" && equiv !== "content-security-policy") report(element, `meta http-equiv \`${equiv}\``);
      if (attr(element, "charset") !== undefined && attr(element, "charset")!.toLowerCase() !== "utf-8")
        report(element, "a charset other than UTF-8");
    }
    if (tag === "form" && attr(element, "action") !== "/search/") report(element, "a form that is not the site's own search form");
    if (tag === "link") {
      const href = attr(element, "href") ?? "";
      const rel = (attr(element, "rel") ?? "").toLowerCase();
      if (!["stylesheet", "icon", "alternate", "canonical", "preload", "modulepreload"].includes(rel))
        report(element, `link rel \`${rel}\``);
      if (rel !== "canonical" && rel !== "alternate" && (!href.startsWith("/") || href.startsWith("//")))
        report(element, `link to \`${href}\` outside the site`);
    }
  }
  return found;
}

const ALLOWED_BODY_TAGS = new Set(sanitizeSchema.tagNames ?? []);

/** Inside an article body: only the sanitize schema's elements, and every id and name prefixed. */
export function findBodyProblems(body: Element, where: string): string[] {
  const found: string[] = [];
  for (const element of elements(body)) {
    if (element === body) continue;
    if (!ALLOWED_BODY_TAGS.has(element.tagName)) found.push(`${where}: <${element.tagName}> is not in the sanitize schema`);
    for (const name of ["id", "name"]) {
      const value = attr(element, name);
      if (value !== undefined && !value.startsWith(CLOBBER_PREFIX))
        found.push(`${where}: <${element.tagName} ${name}="${value}"> can clobber the page's names`);
    }
  }
  return found;
}

export function parseHtml(text: string) {
  return parse(text);
}

export function parseHtmlFragment(text: string) {
  return parseFragment(text);
}
