/**
 * The explicit allow-list for article HTML. Article files come from people we
 * do not know, so only plain document structure survives: no script, style,
 * form, frame, object, embed or meta; links and images only over http(s)
 * (plus `mailto:` for links); every user id and name is prefixed so it cannot
 * clobber globals or the page's own ids.
 */
import { defaultSchema } from "rehype-sanitize";
import type { Options as SanitizeSchema } from "rehype-sanitize";

export const CLOBBER_PREFIX = "user-content-";

const GLOBAL_ATTRIBUTES = ["abbr", "align", "alt", "colSpan", "dir", "headers", "height", "hrefLang", "id", "lang", "rowSpan", "scope", "start", "summary", "title", "width"];

export const sanitizeSchema: SanitizeSchema = {
  strip: ["script", "style", "template", "noscript", "iframe", "object", "embed", "form", "math", "svg"],
  clobberPrefix: CLOBBER_PREFIX,
  clobber: ["ariaDescribedBy", "ariaLabelledBy", "id", "name"],
  tagNames: [
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dfn", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strike", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
  ],
  ancestors: defaultSchema.ancestors,
  attributes: {
    a: ["href", "dataFootnoteBackref", "dataFootnoteRef", ["className", "data-footnote-backref"], "ariaLabel", "ariaDescribedBy"],
    blockquote: ["cite"],
    code: [["className", /^language-[\w-]+$/]],
    del: ["cite"],
    h2: [["className", "sr-only"]],
    img: ["src", "alt", "title", "width", "height"],
    ins: ["cite"],
    q: ["cite"],
    section: ["dataFootnotes", ["className", "footnotes"]],
    time: ["dateTime"],
    "*": GLOBAL_ATTRIBUTES,
  },
  protocols: {
    href: ["http", "https", "mailto"],
    cite: ["http", "https"],
    src: ["http", "https"],
    longDesc: ["http", "https"],
  },
  required: {},
};
