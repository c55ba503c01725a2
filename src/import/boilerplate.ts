/**
 * Boilerplate: text on a page that is not an article's text. Every rule has a
 * reason, because dropped lines are reported, never silently lost. Rules are
 * general (English and Spanish web and print furniture), not per site.
 */
import { lexiconReason } from "./boilerplate-lexicon.ts";
import { fold, stripMarkdown, wordCount } from "./markdown-text.ts";

interface Rule {
  reason: string;
  /** The rule's id, for code that acts on which rule matched (messages are for people and may be reworded). */
  origin?: string;
  test: (text: string, raw: string, words: number) => boolean;
}

const READ_MORE =
  /^(?:read more|read the (?:full )?(?:article|story)|read full (?:article|story)|read on|continue reading|keep reading|full story|more|leer más|leer mas|leer nota|leer artículo|leer completo|seguir leyendo|sigue leyendo|ver más|ver mas|leia mais|continue lendo|lire la suite|lire plus)\s*(?:\.{2,3}|…|\[…\])?\s*(?:»|›|→|>>|-->|\+)?$/i;

const NAVIGATION_WORDS = new Set(
  [
    "home",
    "menu",
    "search",
    "about",
    "about us",
    "contact",
    "contact us",
    "donate",
    "donar",
    "dona",
    "login",
    "log in",
    "sign in",
    "register",
    "inicio",
    "portada",
    "buscar",
    "búsqueda",
    "contacto",
    "quiénes somos",
    "quienes somos",
    "nosotros",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "compartir esto",
    "comparte",
    "follow us",
    "síguenos",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "instagram",
    "youtube",
    "telegram",
    "whatsapp",
    "email",
    "e-mail",
    "print",
    "imprimir",
    "compartir",
    "next",
    "previous",
    "next page",
    "previous page",
    "siguiente",
    "anterior",
    "older posts",
    "newer posts",
    "older entries",
    "newer entries",
    "load more",
    "cargar más",
    "ver todo",
    "view all",
    "see all",
    "more news",
    "más noticias",
    "latest",
    "latest news",
    "últimas noticias",
    "news",
    "noticias",
    "top",
    "back to top",
    "volver arriba",
    "close",
    "cerrar",
    "toggle navigation",
    "main menu",
    "menú",
    "rss",
    "feed",
    "subscribe",
    "suscríbete",
    "suscribirse",
    "support us",
    "apóyanos",
    "related",
    "related articles",
    "artículos relacionados",
    "most read",
    "más leídas",
    "lo más leído",
    "trending",
    "popular",
    "categories",
    "categorías",
    "tags",
    "etiquetas",
    "archives",
    "archivo",
    "comments",
    "comentarios",
    "advertisement",
    "publicidad",
    "anuncio",
    "sponsored",
    "patrocinado",
    "»",
    "«",
    "›",
    "‹",
    "…",
    "...",
    "→",
    "←",
  ].map(fold),
);

const RULES: Rule[] = [
  {
    reason: "`skip to content` link",
    test: (text) => /^(?:skip to (?:main )?content|skip to navigation|saltar al contenido|ir al contenido)\b/i.test(text),
  },
  {
    reason: "read-more link",
    test: (text, _raw, words) => words <= 6 && READ_MORE.test(text.trim()),
  },
  {
    reason: "camera placeholder caption",
    test: (text) =>
      /\b(?:enter|add|insert|write)\s+(?:a|an|the)?\s*(?:descriptive\s+)?(?:sentence|caption|description|text)\b.*\b(?:photo|image|picture|here)\b/i.test(
        text,
      ) ||
      /\b(?:caption|description) (?:goes )?here\b/i.test(text) ||
      /^(?:image|photo|picture|foto|imagen)(?: placeholder| here)?\.?$/i.test(text) ||
      /\b(?:escriba|añada|agregue) (?:una )?(?:frase|descripción|leyenda)\b.*\b(?:foto|imagen)\b/i.test(text),
  },
  {
    reason: "sign-up box",
    test: (text, _raw, words) =>
      words <= 25 &&
      /\b(?:sign up|signup|subscribe|subscription|newsletter|mailing list|your e-?mail|email address|enter your email|suscr[ií]b|bolet[ií]n|tu correo|correo electr[oó]nico|get (?:our|the) (?:latest|updates)|join (?:our|the) (?:list|mailing))/i.test(
        text,
      ),
  },
  {
    reason: "copyright notice",
    test: (text, _raw, words) =>
      words <= 30 && /^(?:©|\(c\)|copyright\b)|all rights reserved|todos los derechos reservados|derechos reservados/i.test(text),
  },
  {
    reason: "cookie notice",
    test: (text, _raw, words) =>
      words <= 40 && /\bcookies?\b/i.test(text) && /\b(?:use|uses|accept|aceptar|utiliza|usamos|consent|policy|política)\b/i.test(text),
  },
  {
    reason: "metadata line (tags, categories, comments)",
    test: (text, _raw, words) =>
      words <= 20 &&
      (/^(?:tags?|etiquetas?|categor(?:y|ies|ía|ías)|filed under|posted in|publicado en|temas?|topics?)\s*:/i.test(text) ||
        /^\d+\s+(?:comments?|comentarios?)$/i.test(text) ||
        /^(?:no comments|leave a (?:comment|reply)|deja un comentario|sin comentarios)\b/i.test(text)),
  },
  {
    reason: "navigation",
    test: (text, raw, words) => {
      const folded = fold(text)
        .replace(/[.:|]+$/, "")
        .trim();
      if (words <= 4 && NAVIGATION_WORDS.has(folded)) return true;
      if (/^(?:page|página|pagina)\s+\d+(?:\s+(?:of|de)\s+\d+)?$/i.test(text)) return true;
      if (/^[\d\s.…|«»‹›<>-]+$/.test(text) && /\d/.test(text) && words <= 12 && /\d\s+\d/.test(text)) return true;
      const parts = text.split(/\s*[|•·]\s*|\s{3,}/).filter(Boolean);
      if (parts.length >= 3 && parts.every((part) => wordCount(part) <= 3)) return true;
      const links = raw.match(/\[[^\]]+\]\([^)]*\)/g) ?? [];
      const outside = raw.replace(/\[[^\]]+\]\([^)]*\)/g, "").replace(/[\s|•·,*-]/g, "");
      return links.length >= 3 && outside.length === 0 && links.every((link) => wordCount(stripMarkdown(link)) <= 4);
    },
  },
  {
    reason: "image without a caption",
    test: (_text, raw) => /^!\[[^\]]*\]\([^)]*\)$/.test(raw.trim()) && wordCount(/^!\[([^\]]*)\]/.exec(raw.trim())?.[1] ?? "") < 3,
  },
  {
    reason: "web or e-mail address",
    test: (text, _raw, words) =>
      words <= 6 && /^(?:[/]?e-?mail:?\s*)?(?:<)?(?:https?:\/\/|www\.)\S+(?:>)?$|^[\w.+-]+@[\w-]+\.[\w.]+$/i.test(text.trim()),
  },
];

/** Why a unit of a web page is boilerplate, or undefined when it is not. */
/** Why a photo's caption or credit printed among an item's paragraphs is dropped. */
export const CAPTION_REASON = "photo caption or credit (not the item's text)";

/** Words a caption or credit has at most: a longer unit with a photo cue (`una foto de Mandela ...`) is a paragraph about one. */
const CAPTION_MAX_WORDS = 30;

/** A unit the rules flag as a photo's caption (its wording) that is short enough to be one, not a paragraph about a photo. */
export function isCaptionOrCredit(unit: { captionCue: boolean; block: { words: number } }): boolean {
  return unit.captionCue && unit.block.words <= CAPTION_MAX_WORDS;
}

export function boilerplateReason(raw: string, publication?: string): string | undefined {
  const text = stripMarkdown(raw);
  if (text === "") return "markup without text";
  const words = wordCount(text);
  if (publication && isPublicationName(text, publication)) return "site name";
  for (const rule of RULES) if (rule.test(text, raw, words)) return rule.reason;
  if (!/[\p{L}\p{N}]/u.test(text)) return "separator (no letters or digits)";
  return lexiconReason(text);
}

function nameKey(text: string): string {
  return fold(text)
    .replace(/['’`]s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\b(?:the|el|la|los|las)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** `The International Workers' Organizer` is the publication `International Workers Organizer`. */
export function isPublicationName(text: string, publication: string): boolean {
  const key = nameKey(text);
  return key !== "" && key === nameKey(publication);
}

/** A read-more line, with the address it links to if any. */
export function isReadMore(raw: string): boolean {
  return boilerplateReason(raw) === "read-more link";
}

const PRINT_RULES: Rule[] = [
  {
    origin: "price",
    reason: "print: price",
    test: (text, _raw, words) => words <= 8 && /^(?:solidarity |precio |price|precio)\b.*\d/i.test(text),
  },
  {
    origin: "page-pointer",
    reason: "print: pointer to another page (`see back cover`)",
    test: (text, _raw, words) =>
      words <= 6 &&
      /^(?:see|ver|véase|vea) (?:the )?(?:back|front) (?:cover|page)|^(?:ver|véase) (?:contratapa|contraportada|portada)/i.test(text),
  },
  {
    origin: "jump-line",
    reason: "print: jump line (continued on/from another page)",
    test: (text, _raw, words) =>
      words <= 12 &&
      /(?:continued|continues|cont\.) (?:on|from|in) (?:page|p\.)\s*\d+|\bon page\.?\s*\d+$|^(?:→\s*)?continued from|see (?:in )?page\.?\s*\d+|(?:viene|contin[úu]a) (?:de|en) (?:la )?p[áa]g(?:ina|\.)?\s*\d+|sigue en (?:la )?p[áa]g/i.test(
        text,
      ),
  },
  {
    origin: "website-pointer",
    reason: "print: pointer to the publication's website",
    test: (text, _raw, words) =>
      words <= 14 &&
      (/^(?:follow us|s[íi]guenos)\b/i.test(text) ||
        /^(?:see|read|watch|ver|lea|leer|mira)\b.*\b(?:on|in|at|en)\s+(?:https?:\/\/)?www\./i.test(text) ||
        /^(?:see|ver) other publications$|^(?:ver )?otras publicaciones$/i.test(text)),
  },
  { origin: "page-number", reason: "print: page number", test: (text) => /^(?:p(?:age|ág(?:ina)?)?\.?\s*)?\d{1,3}$/i.test(text.trim()) },
  { origin: "social-handle", reason: "print: social media handle", test: (text) => /^@[\w.]{3,}$|^[a-z0-9_]{12,}$/.test(text.trim()) },
  {
    origin: "advertisement",
    reason: "print: advertisement",
    test: (text, _raw, words) =>
      words <= 40 &&
      /\b(?:purchase|buy (?:it|now|the book)|order (?:it|now)|on sale|presentation of the book|publishing house|ediciones|editorial socialista|editorial\b(?= \p{Lu})|compre|cómpralo|presentación del libro)/iu.test(
        text,
      ),
  },
];

/** What a block of a print issue that is page furniture is: the rule's id, and the reason the report gives. */
export interface PrintFurniture {
  origin: string;
  reason: string;
}

/** Why a block of a print issue is page furniture, or undefined. */
export function printFurniture(raw: string, publication?: string): PrintFurniture | undefined {
  const text = stripMarkdown(raw);
  if (text === "") return { origin: "empty-markup", reason: "markup without text" };
  const words = wordCount(text);
  if (publication && isPublicationName(text, publication))
    return { origin: "publication-name", reason: "print: publication name (page header)" };
  for (const rule of PRINT_RULES) if (rule.test(text, raw, words)) return { origin: rule.origin!, reason: rule.reason };
  const web = boilerplateReason(raw);
  if (web === "web or e-mail address" || web === "`skip to content` link" || web === "camera placeholder caption")
    return { origin: "web-furniture", reason: web };
  return undefined;
}
