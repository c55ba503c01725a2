/**
 * The site's own words in each interface language (`interface:` in
 * `content/site.yml`): one table per language, the Spanish typed as the
 * English, so a key missing from it, or one it adds, does not compile.
 * Templates read the tables; the search page hands its `script` part to its
 * script as JSON. `{name}` marks a value put in by `formatMessage`; counts
 * take the plural form `Intl.PluralRules` picks; dates are written by
 * `Intl.DateTimeFormat` in the table's `locale`. An article's own text is
 * never translated: it keeps its own language.
 */
import type { ArchiveDate, DatePoint } from "../records/edtf-date.ts";

export const INTERFACE_LANGUAGES = ["en", "es"] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/** A count's two forms, by `Intl.PluralRules` category (`one`, and `other` for the rest). */
export interface PluralMessage {
  one: string;
  other: string;
}

/** What a list of groups counts: its articles, or the groups themselves. */
export type CountedNoun = "article" | "publication" | "language" | "tag" | "author" | "issue";

const en = {
  /** The locale dates and month names are written in ("9 January 2023"). */
  locale: "en-GB",
  // Dates, with their precision
  undated: "undated",
  between: "between {start} and {end}",
  approximate: "c. {date}",
  uncertain: "{date}?",
  // The page shell
  skipToContent: "Skip to content",
  sectionsNav: "Sections",
  breadcrumbNav: "Breadcrumb",
  home: "Home",
  latest: "Latest",
  dates: "Dates",
  tags: "Tags",
  publications: "Publications",
  authors: "Authors",
  languages: "Languages",
  search: "Search",
  data: "Data",
  feeds: "Feeds",
  // Feeds: the rights line, and the line above an entry's text ({publication} and {date} are markup)
  feedRights: "Each article belongs to its publication",
  feedPublished: "Published in {publication}, {date}.",
  // Counts
  counts: {
    article: { one: "{count} article", other: "{count} articles" },
    publication: { one: "{count} publication", other: "{count} publications" },
    language: { one: "{count} language", other: "{count} languages" },
    tag: { one: "{count} tag", other: "{count} tags" },
    author: { one: "{count} author", other: "{count} authors" },
    issue: { one: "{count} issue", other: "{count} issues" },
  } satisfies Record<CountedNoun, PluralMessage>,
  // Lists of articles
  noArticles: "No articles yet.",
  pageOfIssue: "p. {page}",
  paginationNav: "Pages",
  newer: "Newer",
  older: "Older",
  pageWord: "Page",
  earlier: "Earlier",
  later: "Later",
  // The timeline of the whole collection
  timelineCaption: "Articles per month, oldest year first; ",
  timelineUnknownMonthKey: "“?”: month not known",
  year: "Year",
  monthNotKnown: "Month not known",
  yearMonthNotKnown: "{year}, month not known",
  countInPeriod: "{period}: {count}",
  // The home page
  aboutTheArchive: "About the archive",
  homeLede: "{articles} from {publications} in {languages}{span}. Browse by date, tag or publication, or search the full text.",
  searchTheArchive: "Search the archive",
  searchExamples: "e.g. {examples}",
  wordsToFind: "Words to find",
  allArticles: "All {count}",
  allTags: "All {count}",
  allIssues: "All {count}",
  byDate: "By date",
  allDates: "All dates",
  undatedCount: "{count} undated",
  // Dates and lists
  undatedTitle: "Undated",
  allArticlesTitle: "All articles",
  monthByMonth: "Month by month",
  yearsCount: "{total}: {dated} dated, {undated} undated",
  noneInMonth: "none",
  yearOnly: "{count} dated only to {year} or to a span of months: listed below with the rest of the year.",
  issues: "Issues",
  issuesTitle: "{publication}: issues",
  issuesNewestFirst: ", the one with the newest article first",
  issuesDescription: "Every print issue of {publication} in the archive, each with its table of contents.",
  earlierLaterYears: "Earlier and later years",
  earlierLaterMonths: "Earlier and later months",
  pageOfList: "{title}, page {page}",
  pageOfCount: ", page {page} of {count}",
  titleWithPage: "{title} (page {page})",
  listArticles: "Articles",
  listDescription: "{kind}: {title}. {count} in the archive.",
  kinds: {
    latest: "Archive",
    year: "Year",
    month: "Month",
    undated: "Undated",
    tag: "Tag",
    publication: "Publication",
    author: "Author",
    language: "Language",
    issue: "Issue",
  },
  // An article's page
  byline: "By",
  date: "Date",
  place: "Place",
  language: "Language",
  alsoIn: "Also in ",
  bodyMissingHeadline: "The source shows only the headline of this article; its text is not in the archive.",
  bodyMissingHeadlineAndSummary: "The source shows only the headline and summary of this article; its text is not in the archive.",
  bodyMissingOriginal: " The original may have it: see Provenance.",
  externalImage: "Image at {host}",
  externalImageWithAlt: "Image at {host}: {alt}",
  bodyNotAdded: "The archive holds the details of this article only; its text has not been added.",
  earlierLaterArticles: "Earlier and later articles",
  aboutThisArticle: "About this article",
  provenance: "Provenance",
  original: "Original",
  source: "Source",
  sourceLines: ", lines {first}–{last}",
  articleFile: "Article file",
  cite: "Cite",
  download: "Download:",
  moreFrom: "More from ",
  moreOn: "More on ",
  // A kept source's page
  sourceKinds: { listing: "a listing page", "print-issue": "a print issue", article: "a single article" },
  sourceCount: "{kind}, kept as imported; {count} taken from it",
  retrieved: "Retrieved",
  file: "File",
  sourceSha256: "SHA-256 of the text",
  sourceTitle: "Source: {publication}, {name}",
  sourceDescription: "The page of {publication} that {count} of the archive were imported from, line by line.",
  lineOne: "line {line}",
  lineRange: "lines {first}–{last}",
  lineOneCapital: "Line {line}",
  lineRangeCapital: "Lines {first}–{last}",
  lineEnd: "The end of line {line}",
  leftOut: " left out: {reason}",
  importersHeader: "the importer's header",
  inNoArticle: "in no article",
  // The missing page and a moved article
  error404: "Error 404",
  pageNotFound: "Page not found",
  notFoundText:
    "There is no page at this address. Articles keep their addresses; if you followed an old link, try the search or browse {byDate}, {byTag} or {byPublication}.",
  byDateLink: "by date",
  byTagLink: "by tag",
  byPublicationLink: "by publication",
  nearestPage: "The nearest page that exists: {link}.",
  theArchive: "the archive",
  years: "Years",
  moved: "{title}",
  movedTo: "This article is at {link}.",
  // The search page
  searchIntro: "Search the full text of every article{languages}. Narrow the results by publication, tag, language or year.",
  searchLanguages: ", in {languages} at once",
  searchDescription: "Search every article of the archive{languages}.",
  sortBy: "Sort by",
  sortRelevance: "relevance",
  sortNewest: "date, newest first",
  sortOldest: "date, oldest first",
  searchPrompt: "Type a word to search {count} articles.",
  searchNothingYet: "The archive holds no articles yet, so there is nothing to search.",
  filters: "Filters",
  searchNeedsScript:
    "Search needs JavaScript. Without it, browse {byDate}, {byTag} or {byPublication}, search offline with {command}, or download the {wholeArchive}.",
  wholeArchive: "whole archive",
  /** Words of the search page's script (public/search.js), given to it as JSON. */
  script: {
    /** After "Filters" on its button, by `Intl.PluralRules` category of the page's language. */
    filtersActive: { one: " ({count} active)", other: " ({count} active)" } satisfies PluralMessage,
    /** Pagefind names a filter after its key; these are the names readers see. */
    filterNames: { publication: "Publication", tag: "Tag", language: "Language", year: "Year" },
    undatedFilter: "Undated",
    /** The chart of matches by month and publication (public/search-timeline.js). */
    timeline: {
      title: "Matches by month",
      /** The chart's text for screen readers; the table below it has every count. */
      summary: "{count} dated to a month, from {first} to {last}; most in {peak} ({peakCount}).",
      month: "Month",
      total: "All",
      other: "Other publications",
      undated: "Undated",
      wider: "Dated to a year or a span",
      table: "The counts as a table",
    },
  },
};

export type Messages = typeof en;

const es: Messages = {
  locale: "es",
  undated: "sin fecha",
  between: "entre {start} y {end}",
  approximate: "hacia {date}",
  uncertain: "{date}?",
  skipToContent: "Saltar al contenido",
  sectionsNav: "Secciones",
  breadcrumbNav: "Ruta de navegación",
  home: "Inicio",
  latest: "Recientes",
  dates: "Fechas",
  tags: "Etiquetas",
  publications: "Publicaciones",
  authors: "Autores",
  languages: "Idiomas",
  search: "Buscar",
  data: "Datos",
  feeds: "Canales",
  feedRights: "Cada artículo pertenece a su publicación",
  feedPublished: "Publicado en {publication}, {date}.",
  counts: {
    article: { one: "{count} artículo", other: "{count} artículos" },
    publication: { one: "{count} publicación", other: "{count} publicaciones" },
    language: { one: "{count} idioma", other: "{count} idiomas" },
    tag: { one: "{count} etiqueta", other: "{count} etiquetas" },
    author: { one: "{count} autor", other: "{count} autores" },
    issue: { one: "{count} número", other: "{count} números" },
  },
  noArticles: "Todavía no hay artículos.",
  pageOfIssue: "pág. {page}",
  paginationNav: "Páginas",
  newer: "Más recientes",
  older: "Más antiguos",
  pageWord: "Página",
  earlier: "Anterior",
  later: "Posterior",
  timelineCaption: "Artículos por mes, el año más antiguo primero; ",
  timelineUnknownMonthKey: "«?»: mes desconocido",
  year: "Año",
  monthNotKnown: "Mes desconocido",
  yearMonthNotKnown: "{year}, mes desconocido",
  countInPeriod: "{period}: {count}",
  aboutTheArchive: "Sobre el archivo",
  homeLede: "{articles} de {publications} en {languages}{span}. Explore por fecha, etiqueta o publicación, o busque en el texto completo.",
  searchTheArchive: "Buscar en el archivo",
  searchExamples: "p. ej. {examples}",
  wordsToFind: "Palabras que buscar",
  allArticles: "Los {count}",
  allTags: "Las {count}",
  allIssues: "Los {count}",
  byDate: "Por fecha",
  allDates: "Todas las fechas",
  undatedCount: "{count} sin fecha",
  undatedTitle: "Sin fecha",
  allArticlesTitle: "Todos los artículos",
  monthByMonth: "Mes a mes",
  yearsCount: "{total}: {dated} con fecha, {undated} sin fecha",
  noneInMonth: "ninguno",
  yearOnly: "{count} fechados solo en {year} o en un intervalo de meses: aparecen abajo con el resto del año.",
  issues: "Números",
  issuesTitle: "{publication}: números",
  issuesNewestFirst: ", primero el del artículo más reciente",
  issuesDescription: "Todos los números impresos de {publication} en el archivo, cada uno con su sumario.",
  earlierLaterYears: "Años anteriores y posteriores",
  earlierLaterMonths: "Meses anteriores y posteriores",
  pageOfList: "{title}, página {page}",
  pageOfCount: ", página {page} de {count}",
  titleWithPage: "{title} (página {page})",
  listArticles: "Artículos",
  listDescription: "{kind}: {title}. {count} en el archivo.",
  kinds: {
    latest: "Archivo",
    year: "Año",
    month: "Mes",
    undated: "Sin fecha",
    tag: "Etiqueta",
    publication: "Publicación",
    author: "Autor",
    language: "Idioma",
    issue: "Número",
  },
  byline: "Por",
  date: "Fecha",
  place: "Lugar",
  language: "Idioma",
  alsoIn: "También en ",
  bodyMissingHeadline: "La fuente solo muestra el titular de este artículo; su texto no está en el archivo.",
  bodyMissingHeadlineAndSummary: "La fuente solo muestra el titular y el resumen de este artículo; su texto no está en el archivo.",
  bodyMissingOriginal: " Puede que el original lo tenga: vea Procedencia.",
  externalImage: "Imagen en {host}",
  externalImageWithAlt: "Imagen en {host}: {alt}",
  bodyNotAdded: "El archivo solo tiene los datos de este artículo; su texto no se ha añadido.",
  earlierLaterArticles: "Artículos anteriores y posteriores",
  aboutThisArticle: "Sobre este artículo",
  provenance: "Procedencia",
  original: "Original",
  source: "Fuente",
  sourceLines: ", líneas {first}–{last}",
  articleFile: "Archivo del artículo",
  cite: "Citar",
  download: "Descargar:",
  moreFrom: "Más de ",
  moreOn: "Más sobre ",
  sourceKinds: { listing: "una página de listado", "print-issue": "un número impreso", article: "un artículo suelto" },
  sourceCount: "{kind}, guardada tal como se importó; {count} tomados de ella",
  retrieved: "Obtenida",
  file: "Archivo",
  sourceSha256: "SHA-256 del texto",
  sourceTitle: "Fuente: {publication}, {name}",
  sourceDescription: "La página de {publication} de la que se importaron {count} del archivo, línea por línea.",
  lineOne: "línea {line}",
  lineRange: "líneas {first}–{last}",
  lineOneCapital: "Línea {line}",
  lineRangeCapital: "Líneas {first}–{last}",
  lineEnd: "El final de la línea {line}",
  leftOut: " omitida: {reason}",
  importersHeader: "la cabecera del importador",
  inNoArticle: "en ningún artículo",
  error404: "Error 404",
  pageNotFound: "Página no encontrada",
  notFoundText:
    "No hay ninguna página en esta dirección. Los artículos conservan sus direcciones; si siguió un enlace antiguo, pruebe la búsqueda o explore {byDate}, {byTag} o {byPublication}.",
  byDateLink: "por fecha",
  byTagLink: "por etiqueta",
  byPublicationLink: "por publicación",
  nearestPage: "La página más cercana que existe: {link}.",
  theArchive: "el archivo",
  years: "Años",
  moved: "{title}",
  movedTo: "Este artículo está en {link}.",
  searchIntro:
    "Busque en el texto completo de todos los artículos{languages}. Acote los resultados por publicación, etiqueta, idioma o año.",
  searchLanguages: ", en {languages} a la vez",
  searchDescription: "Busque en todos los artículos del archivo{languages}.",
  sortBy: "Ordenar por",
  sortRelevance: "relevancia",
  sortNewest: "fecha, los más recientes primero",
  sortOldest: "fecha, los más antiguos primero",
  searchPrompt: "Escriba una palabra para buscar en {count} artículos.",
  searchNothingYet: "El archivo todavía no tiene artículos: no hay nada que buscar.",
  filters: "Filtros",
  searchNeedsScript:
    "La búsqueda necesita JavaScript. Sin él, explore {byDate}, {byTag} o {byPublication}, busque sin conexión con {command} o descargue el {wholeArchive}.",
  wholeArchive: "archivo completo",
  script: {
    filtersActive: { one: " ({count} activo)", other: " ({count} activos)" },
    filterNames: { publication: "Publicación", tag: "Etiqueta", language: "Idioma", year: "Año" },
    undatedFilter: "Sin fecha",
    timeline: {
      title: "Resultados por mes",
      summary: "{count} con mes conocido, de {first} a {last}; la mayoría en {peak} ({peakCount}).",
      month: "Mes",
      total: "Todas",
      other: "Otras publicaciones",
      undated: "Sin fecha",
      wider: "Fechados por año o por un periodo",
      table: "Las cifras en una tabla",
    },
  },
};

const TABLES: Readonly<Record<InterfaceLanguage, Messages>> = { en, es };

/** The table of `language`; English for a language the site has no table for. */
export function messagesFor(language: string): Messages {
  return (TABLES as Record<string, Messages | undefined>)[language] ?? en;
}

/** `template` with each `{name}` replaced by `values[name]`; a name without a value is left as written. */
export function formatMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** "1 article", "12 articles" in the table's language. */
export function countOf(messages: Messages, count: number, noun: CountedNoun = "article"): string {
  let rules = pluralRules.get(messages.locale);
  if (!rules) pluralRules.set(messages.locale, (rules = new Intl.PluralRules(messages.locale)));
  const forms = messages.counts[noun];
  return formatMessage(rules.select(count) === "one" ? forms.one : forms.other, { count });
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, precision: DatePoint["precision"] | "month-name"): Intl.DateTimeFormat {
  const key = `${locale} ${precision}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      precision === "day"
        ? { day: "numeric", month: "long", year: "numeric" }
        : precision === "month"
          ? { month: "long", year: "numeric" }
          : precision === "year"
            ? { year: "numeric" }
            : { month: "long" };
    formats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" })));
  }
  return format;
}

const capitalize = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** The month's name as a label on its own ("January", "Enero"). */
export function monthName(messages: Messages, month: number): string {
  return capitalize(dateFormat(messages.locale, "month-name").format(Date.UTC(2000, month - 1, 1)), messages.locale);
}

/** A month of a year as a title ("January 2023", "Enero de 2023"). */
export function monthYearTitle(messages: Messages, year: number, month: number): string {
  return capitalize(dateFormat(messages.locale, "month").format(dateOf(year, month, 1)), messages.locale);
}

/** A UTC time for a year of any number (`Date.UTC` reads 0–99 as 1900–1999). */
function dateOf(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}

function pointLabel(messages: Messages, point: DatePoint): string {
  const precision = point.day !== undefined ? "day" : point.month !== undefined ? "month" : "year";
  let label = dateFormat(messages.locale, precision).format(dateOf(point.year, point.month ?? 1, point.day ?? 1));
  if (point.approximate) label = formatMessage(messages.approximate, { date: label });
  if (point.uncertain) label = formatMessage(messages.uncertain, { date: label });
  return label;
}

/** A date as readers say it, with its precision: "9 January 2023", "c. 2021", "entre diciembre de 2022 y enero de 2023", "undated". */
export function dateLabel(messages: Messages, date: ArchiveDate | null | undefined): string {
  if (!date) return messages.undated;
  if (date.kind === "interval")
    return formatMessage(messages.between, { start: pointLabel(messages, date.start), end: pointLabel(messages, date.end) });
  return pointLabel(messages, date.start);
}
