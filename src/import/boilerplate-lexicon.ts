/**
 * The boilerplate lexicon: phrases that news sites print around their
 * articles, by language and by the reason reported when a line is dropped.
 * It is data, not code: to teach the importer a new phrase, add it to a row.
 *
 *   - `lines`: the whole line is the phrase (case, accents and trailing
 *     punctuation or arrows ignored);
 *   - `starts`: the line opens with the phrase (followed by `:`, a dash, a
 *     link or text), e.g. `Read also: <headline>`;
 *   - `patterns`: shapes no phrase list can hold (a credit's `/ AFP`).
 *
 * `maxWords` bounds the line: a long line is running text, whatever it opens with.
 */
import { escapeRegExp } from "../lib/escape-reg-exp.ts";
import { fold, wordCount } from "./markdown-text.ts";

export type LexiconLanguage = "en" | "es" | "pt" | "any";

export interface LexiconRow {
  reason: string;
  language: LexiconLanguage;
  lines?: readonly string[];
  starts?: readonly string[];
  patterns?: readonly RegExp[];
  maxWords: number;
  /** The `starts` phrases are unmistakable: whatever follows them, the line is theirs. */
  anyRest?: boolean;
}

/** News agencies and photo banks, as credits print them. */
export const AGENCIES = [
  "AFP",
  "AP",
  "EFE",
  "Reuters",
  "ANSA",
  "DPA",
  "Xinhua",
  "Europa Press",
  "Getty Images",
  "Getty",
  "Bloomberg",
  "Shutterstock",
  "iStock",
  "Andina",
  "Prensa Latina",
  "Notimex",
  "Telam",
  "Télam",
  "Agência Brasil",
  "Agencia Brasil",
  "Sputnik",
  "TASS",
  "EPA",
  "NurPhoto",
  "Anadolu",
  "Cuartoscuro",
  "Archivo",
  "File",
  "Handout",
] as const;

/** News agencies and services, as a story's closing credit prints them (`— Associated Press`, `(Agencias)`). */
export const NEWS_AGENCIES = [
  "Associated Press",
  "AP",
  "Reuters",
  "AFP",
  "Agence France-Presse",
  "EFE",
  "ANSA",
  "DPA",
  "Xinhua",
  "Europa Press",
  "Bloomberg",
  "Andina",
  "Prensa Latina",
  "Notimex",
  "Télam",
  "Telam",
  "Agência Brasil",
  "Agencia Brasil",
  "Sputnik",
  "TASS",
  "Anadolu",
  "UPI",
  "RFI",
  "Lusa",
  "Kyodo",
  "Yonhap",
  "Agencias",
  "Agências",
  "Agencies",
] as const;

const AGENCY = AGENCIES.map(escapeRegExp).join("|");
/** `photo` -> `[Pp]hoto|PHOTO`: the credit's words in any usual case, while names must stay capitalised. */
const anyCase = (words: readonly string[]) =>
  words.map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}|${word.toUpperCase()}`).join("|");
const CREDIT_WORD = anyCase([
  "photo credit",
  "photos",
  "photograph",
  "photo",
  "image",
  "picture",
  "credit",
  "fotos",
  "fotografía",
  "fotografia",
  "foto",
  "imagen",
  "créditos",
  "crédito",
  "credito",
]);
const PHOTO = anyCase(["photo", "foto"]);
const BY = anyCase(["by", "de", "por"]);
/** Names as credits print them: capitalised words and the particles between them, joined by `/`, `,`, `and`, `y`. */
const NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|de|del|la|las|los|da|do|dos|das|van|von|di))*";
const NAMES = `${NAME}(?:\\s*(?:[/|,&]|\\band\\b|\\by\\b|\\be\\b)\\s*${NAME})*`;

export const LEXICON: readonly LexiconRow[] = [
  // Photo credits: `Photo: Ernesto Benavides / AFP`, `Foto: El Espectador`, `(AFP Photo / Carl de Souza)`;
  // not a caption that opens with `Photo:` and goes on to say what it shows.
  {
    reason: "photo credit",
    language: "any",
    maxWords: 12,
    patterns: [
      new RegExp(`^\\(?\\s*(?:${CREDIT_WORD})\\s*(?::|(?:${BY})\\b:?)\\s*${NAMES}\\s*\\)?\\.?$`, "u"),
      new RegExp(`^\\(?\\s*(?:${AGENCY})(?:\\s+(?:${PHOTO}))?\\s*[/|]\\s*${NAMES}\\s*\\)?\\.?$`, "u"),
      new RegExp(`^\\(?\\s*${NAMES}\\s*[/|]\\s*(?:${AGENCY})(?:\\s+(?:${PHOTO}))?\\s*\\)?\\.?$`, "u"),
      new RegExp(`^\\(?\\s*(?:${AGENCY})\\s*\\)?$`, "u"),
    ],
  },
  // Advertisements and the image names converters leave where an ad was.
  {
    reason: "advertisement",
    language: "any",
    maxWords: 8,
    lines: [
      "advertisement",
      "advertising",
      "ad",
      "ads",
      "sponsored",
      "sponsored content",
      "paid content",
      "story continues below advertisement",
      "article continues below advertisement",
      "continue reading below",
      "publicidad",
      "anuncio",
      "aviso",
      "contenido patrocinado",
      "patrocinado",
      "continúa después de la publicidad",
      "sigue leyendo después del anuncio",
      "publicidade",
      "anúncio",
      "conteúdo patrocinado",
      "continua após a publicidade",
    ],
    starts: ["publicidad:", "advertisement:", "publicidade:"],
    patterns: [
      // `BANNER A - ARLEIDE ÓTICA`: an ad slot's name; not `Banner year for ...`.
      /^(?:BANNER|Banner|banner)(?:\s+[\p{Lu}\d]|[_-])/u,
      /^!?\[?[\w .-]*\]?\(?[^\s)]*(?:banner|advert|publicidad|publicidade|anuncio|sponsor|\bads?\b|[_-]ads?[_-]|\d{2,4}x\d{2,4})[^\s)]*\.(?:jpe?g|png|gif|webp|svg)\)?$/iu,
    ],
  },
  {
    reason: "image file name (an image or ad the conversion left as its name)",
    language: "any",
    maxWords: 6,
    patterns: [/^!?\[?[\w .-]*\]?\(?[\w./:-]*\.(?:jpe?g|png|gif|webp|svg|avif)\)?$/iu],
  },
  // Slider and gallery controls.
  {
    reason: "slider or gallery control",
    language: "any",
    maxWords: 6,
    lines: [
      "previous arrow",
      "next arrow",
      "previous slide",
      "next slide",
      "prev",
      "pause",
      "play",
      "open gallery",
      "view gallery",
      "enlarge image",
      "expand",
      "flecha anterior",
      "flecha siguiente",
      "diapositiva anterior",
      "diapositiva siguiente",
      "ver galería",
      "ampliar imagen",
      "ampliar",
      "seta anterior",
      "próxima",
      "ver galeria",
    ],
    patterns: [/^(?:slide|image|photo|imagen|foto|diapositiva)\s+\d+\s+(?:of|de)\s+\d+$/iu, /^\d+\s*\/\s*\d+$/u],
  },
  // Lead-ins to links to other articles, with or without the linked headline.
  {
    reason: "link to another article (`Read also:`)",
    language: "en",
    maxWords: 30,
    starts: [
      "read also",
      "also read",
      "read more:",
      "read more on",
      "related:",
      "related story",
      "related stories",
      "related articles",
      "see also",
      "continue reading at",
      "continue reading on",
      "more on this",
      "more on this story",
      "you may also like",
      "you might also like",
      "recommended",
      "recommended for you",
      "more:",
      "more from",
      "watch:",
      "listen:",
      "don't miss",
      "most read",
      "most popular",
      "trending now",
      "also on",
    ],
  },
  {
    reason: "link to another article (`También lea:`)",
    language: "es",
    maxWords: 30,
    starts: [
      "también lea",
      "tambien lea",
      "lea también",
      "lea tambien",
      "lee también",
      "lee tambien",
      "le puede interesar",
      "te puede interesar",
      "puede interesarte",
      "le podría interesar",
      "te podría interesar",
      "te recomendamos",
      "le recomendamos",
      "mira también",
      "mira tambien",
      "ver también",
      "ver tambien",
      "leer también",
      "más información",
      "noticias relacionadas",
      "notas relacionadas",
      "artículos relacionados",
      "relacionado:",
      "relacionadas:",
      "lo más leído",
      "más leídas",
      "más vistas",
      "recomendados",
      "continúa leyendo en",
      "sigue leyendo en",
      "además:",
      "también puedes leer",
      "tambien puedes leer",
      "también te puede interesar",
      "también le puede interesar",
    ],
  },
  {
    reason: "link to another article (`Leia também:`)",
    language: "pt",
    maxWords: 30,
    starts: [
      "leia também",
      "leia tambem",
      "veja também",
      "veja tambem",
      "saiba mais",
      "notícias relacionadas",
      "relacionadas:",
      "mais lidas",
      "recomendado para você",
      "continue lendo em",
    ],
  },
  // Share buttons and social links.
  {
    reason: "share buttons",
    language: "any",
    maxWords: 10,
    lines: [
      "share",
      "share this",
      "share this article",
      "share this story",
      "share on facebook",
      "share on twitter",
      "share on x",
      "share on whatsapp",
      "share on linkedin",
      "share via email",
      "copy link",
      "link copied",
      "email this",
      "print this",
      "print this article",
      "click to share on facebook",
      "click to share on twitter",
      "click to print",
      "connect with us",
      "follow us",
      "follow us on",
      "compartir",
      "compartir en facebook",
      "compartir en twitter",
      "compartir en whatsapp",
      "comparte esta noticia",
      "compartir esta noticia",
      "copiar enlace",
      "enlace copiado",
      "síguenos en",
      "síguenos",
      "compartilhar",
      "compartilhe",
      "compartilhe esta notícia",
      "copiar link",
      "siga-nos",
      "siga-nos nas redes sociais",
    ],
    patterns: [
      /^(?:(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|e-mail|correo|print|imprimir|reddit|pinterest|messenger|flipboard|threads|bluesky|mastodon|copy link|copiar enlace|copiar link)\s*[|•·,/]?\s*){2,}$/iu,
    ],
  },
  // Invitations to follow the outlet elsewhere.
  {
    reason: "social media promotion",
    language: "any",
    maxWords: 16,
    anyRest: true,
    starts: [
      "follow us on",
      "follow us:",
      "join our whatsapp",
      "join our telegram",
      "join our channel",
      "síguenos en",
      "siguenos en",
      "síguenos:",
      "sigue el canal",
      "sigue a",
      "únete a nuestro canal",
      "únete al canal",
      "siga o canal",
      "siga a",
      "siga-nos",
      "entre no canal",
      "participe do canal",
    ],
  },
  // A source credit closing an agency story (`Fonte: Agência Brasil de Noticias`, `Fonte e foto: RFI`).
  {
    reason: "source credit",
    language: "any",
    maxWords: 8,
    patterns: [
      new RegExp(
        `^(?:[Ss]ource|SOURCE|[Ff]uente|FUENTE|[Ff]onte|FONTE|[Cc]on información de|[Ww]ith information from)(?:\\s+(?:and|y|e|&)\\s+(?:${PHOTO}))?\\s*:?\\s*${NAMES}\\.?$`,
        "u",
      ),
    ],
  },
  // Breadcrumbs (`Início Site Página 36`, `Home » World`).
  {
    reason: "breadcrumb navigation",
    language: "any",
    maxWords: 8,
    patterns: [
      /^(?:home|inicio|início|portada)\s*[»›>/|]\s*\S.*$/iu,
      /^(?:home|inicio|início|portada)\b.*\b(?:page|página|pagina)\s+\d+$/iu,
    ],
  },
  // Counters printed alone (comments, shares, likes) once their icon is gone.
  {
    reason: "counter without its label (comments, shares)",
    language: "any",
    maxWords: 1,
    patterns: [/^\d{1,4}$/u],
  },
  // Audio players of an article read aloud: their label, their clock (`0:00`, `/`).
  {
    reason: "audio player",
    language: "any",
    maxWords: 8,
    lines: [
      "listen to this article",
      "listen to article",
      "listen to this story",
      "listen",
      "play audio",
      "escucha este artículo",
      "escuchar este artículo",
      "escuchar artículo",
      "escuchar noticia",
      "escuchar",
      "ouça este artigo",
      "ouvir este artigo",
      "ouvir matéria",
      "ouça a matéria",
    ],
    patterns: [
      /^(?:audio generado con ia|audio generated (?:by|with) ai|áudio gerado (?:por|com) ia)\b/iu,
      /^0:00$/u,
      /^\d{1,2}:\d{2}\s*\/\s*\d{1,2}:\d{2}$/u,
      /^\/$/u,
    ],
  },
  // Newsletter and membership boxes.
  {
    reason: "sign-up box",
    language: "any",
    maxWords: 25,
    starts: [
      "sign up for",
      "subscribe to",
      "get the newsletter",
      "get our newsletter",
      "join our newsletter",
      "become a member",
      "support our journalism",
      "support independent journalism",
      "suscríbete a",
      "suscríbase a",
      "regístrate",
      "recibe nuestro",
      "recibe las noticias",
      "únete a nuestro",
      "apoya el periodismo",
      "assine a",
      "assine nossa",
      "inscreva-se",
      "receba as notícias",
      "cadastre-se",
    ],
  },
  // Comment counters and comment-section furniture.
  {
    reason: "comment count or comment section",
    language: "any",
    maxWords: 8,
    lines: [
      "view comments",
      "show comments",
      "hide comments",
      "join the conversation",
      "comments are closed",
      "post a comment",
      "add a comment",
      "ver comentarios",
      "mostrar comentarios",
      "los comentarios están cerrados",
      "deja tu comentario",
      "escribe un comentario",
      "comentários",
      "deixe seu comentário",
      "ver comentários",
    ],
    patterns: [
      /^\d+\s+(?:comments?|comentarios?|comentários?|replies|respuestas|respostas)$/iu,
      /^(?:comments?|comentarios?|comentários?)\s*\(\s*\d+\s*\)$/iu,
    ],
  },
  // Pagination.
  {
    reason: "pagination",
    language: "any",
    maxWords: 8,
    lines: [
      "next page",
      "previous page",
      "página siguiente",
      "página anterior",
      "próxima página",
      "load more",
      "load more stories",
      "show more",
      "more stories",
      "ver más noticias",
      "cargar más",
      "mostrar más",
      "carregar mais",
      "mostrar mais",
      "ver mais",
      "older posts",
      "newer posts",
      "entradas antiguas",
      "entradas más recientes",
      "entradas anteriores",
      "página inicial",
      "mostrar todas las entradas",
      "show all posts",
    ],
    patterns: [/^(?:«|‹|<)?\s*(?:\d+\s*){2,}(?:…|\.\.\.)?\s*(?:\d+\s*)*(?:next|siguiente|próxima|»|›|>)?$/iu],
  },
  // A blog's note over a tag page.
  {
    reason: "archive page notice",
    language: "any",
    maxWords: 30,
    anyRest: true,
    starts: [
      "mostrando entradas con la etiqueta",
      "mostrando las entradas",
      "showing posts with label",
      "showing posts from",
      "mostrando postagens com o marcador",
    ],
  },
  // A metadata label left alone on its line by the conversion (`Published` / `on`).
  {
    reason: "metadata label without its value",
    language: "any",
    maxWords: 3,
    lines: [
      "published",
      "published on",
      "on",
      "by",
      "updated",
      "last updated",
      "posted",
      "posted on",
      "publicado",
      "publicado el",
      "el",
      "por",
      "actualizado",
      "publicado em",
      "atualizado",
      "em",
    ],
  },
  // Section names printed alone on a line (above a headline, or as the page's section).
  {
    reason: "category label",
    language: "any",
    maxWords: 3,
    lines: [
      "world",
      "world news",
      "politics",
      "opinion",
      "business",
      "economy",
      "sports",
      "sport",
      "culture",
      "science",
      "health",
      "technology",
      "tech",
      "entertainment",
      "international",
      "national",
      "local",
      "americas",
      "latin america",
      "europe",
      "analysis",
      "environment",
      "lifestyle",
      "breaking news",
      "top stories",
      "mundo",
      "internacionales",
      "internacional",
      "nacionales",
      "nacional",
      "política",
      "economía",
      "deportes",
      "cultura",
      "opinión",
      "sociedad",
      "salud",
      "tecnología",
      "ciencia",
      "espectáculos",
      "entretenimiento",
      "américa latina",
      "latinoamérica",
      "actualidad",
      "regiones",
      "policiales",
      "judiciales",
      "economia",
      "esportes",
      "opinião",
      "brasil",
      "cotidiano",
      "ciência",
      "saúde",
      "tecnologia",
      "últimas",
    ],
  },
];

/** Lines and openings, folded once. */
const COMPILED = LEXICON.map((row) => ({
  row,
  lines: new Set((row.lines ?? []).map((phrase) => fold(phrase))),
  starts: (row.starts ?? []).map((phrase) => fold(phrase)),
}));

function lineKey(text: string): string {
  return fold(text)
    .replace(/^[\s«‹<←|•·*#>-]+/, "")
    .replace(/[\s.:;,!|•·»›>→…-]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The lexicon's reason for a line of plain text, or undefined when no row matches. */
export function lexiconReason(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const words = wordCount(trimmed);
  const key = lineKey(trimmed);
  const folded = fold(trimmed).replace(/^[\s«‹<←|•·*#>-]+/, "");
  for (const { row, lines, starts } of COMPILED) {
    if (words > row.maxWords) continue;
    if (lines.has(key)) return row.reason;
    for (const start of starts) {
      if (!folded.startsWith(start)) continue;
      // The phrase and then its link or headline (`Read also: ...`, `Le puede interesar El ...`),
      // not a sentence that happens to open with it (`Recommended changes to the law`).
      const rest = folded.slice(start.length);
      if (rest.trim() === "" || start.endsWith(":") || /^\s*[:|»›>→–—([-]/u.test(rest) || (row.anyRest && /^\s/.test(rest)))
        return row.reason;
      const phraseWords = start.split(" ").length;
      const next = trimmed.replace(/^[\s«‹<←|•·*#>-]+/, "").split(/\s+/)[phraseWords] ?? "";
      if (phraseWords >= 2 && /^\s/.test(rest) && /^[\p{Lu}"“«‘'¿¡[\d]/u.test(next)) return row.reason;
    }
    for (const pattern of row.patterns ?? []) if (pattern.test(trimmed)) return row.reason;
  }
  return undefined;
}
