/**
 * The prose of the `/data/` page (templates/data.11ty.ts) in each interface
 * language: what each export is, what each field holds, how to cite. Kept
 * apart from interface-messages.ts because it speaks of the exports' own
 * fields, which the archive layer does not know. Text in backticks becomes
 * `<code>`; `{name}` is a value the page fills in.
 */
import type { InterfaceLanguage } from "../archive/interface-messages.ts";
import { EXPORT_FIELD_MEANINGS } from "../exports/jsonl.ts";

export interface DataPageText {
  intro: string;
  description: string;
  files: string;
  jsonl: string;
  csv: string;
  sqlite: string;
  citations: string;
  manifest: string;
  fields: string;
  fieldMeanings: typeof EXPORT_FIELD_MEANINGS;
  queries: string;
  queryFullText: string;
  queryYear: string;
  queryTag: string;
  citing: string;
  citingText: string;
  rights: string;
  rightsText: string;
}

const en: DataPageText = {
  intro:
    "The whole archive, {count}, as files to analyse offline. Every build makes them again from the same records as the pages, byte for byte the same for the same articles.",
  description: "The whole archive, {count}, as JSON Lines, CSV and SQLite, with what each field holds.",
  files: "Files",
  jsonl:
    "(JSON Lines): one JSON object per article, newest first and undated last, with the fields below; a field an article lacks is left out.",
  csv: "(CSV): one row per article, the fields below as columns in the same order. UTF-8, quoted as RFC 4180 says. Lists are joined with `{separator}` (a bar between two spaces), and `source` is JSON. A cell that a spreadsheet would run as a formula starts with `'`.",
  sqlite:
    "(SQLite, schema version {version} in `PRAGMA user_version`): the table `articles`, one column per field (lists and `source` as JSON), `position` in the archive's order and `date_start`/`date_end`, the first and last day a date can mean; and `articles_fts`, a full-text index (FTS5) of title, summary and text, accents ignored and words stemmed (English Porter: `protest` finds `protests`); and `search_words`, the words the site's search indexes, as `npm run search` searches them.",
  citations: "(RIS): every article's citation, as in the files beside its page.",
  manifest:
    ": the archive's version (the sha256 of `archive.jsonl`, which changes with any article), its licence, how many articles it holds (dated, undated, by language and publication), and each file's size and sha256, to check a copy.",
  fields: "Fields",
  fieldMeanings: EXPORT_FIELD_MEANINGS,
  queries: "Querying the SQLite file",
  queryFullText: "ranked full-text search, title words weighted most",
  queryYear: "articles whose date may fall in {year}",
  queryTag: "articles with a tag",
  citing: "Citing",
  citingText:
    "Each article's page has its reference under **{cite}**, and three files beside it: `cite.bib` (BibTeX), `cite.ris` (RIS) and `cite.json` (CSL-JSON), which point to the article's permanent address, `/a/<id>/`. Every author is listed, a person's name split into family and given names; a date keeps its precision, an uncertain or approximate one is marked *circa*, and an interval keeps both ends.",
  rights: "Rights",
  rightsText: "The archive keeps the text as published, and the page it was taken from, so that it can be read and studied.",
};

const es: DataPageText = {
  intro:
    "El archivo entero, {count}, en ficheros para analizar sin conexión. Cada compilación los vuelve a hacer a partir de los mismos registros que las páginas, idénticos byte a byte para los mismos artículos.",
  description: "El archivo entero, {count}, en JSON Lines, CSV y SQLite, con lo que contiene cada campo.",
  files: "Ficheros",
  jsonl:
    "(JSON Lines): un objeto JSON por artículo, del más reciente al más antiguo y los que no tienen fecha al final, con los campos de abajo; el campo que un artículo no tiene se omite.",
  csv: "(CSV): una fila por artículo, con los campos de abajo como columnas, en el mismo orden. UTF-8, entrecomillado según RFC 4180. Las listas se unen con `{separator}` (una barra entre dos espacios), y `source` va en JSON. Una celda que una hoja de cálculo ejecutaría como fórmula empieza por `'`.",
  sqlite:
    "(SQLite, versión de esquema {version} en `PRAGMA user_version`): la tabla `articles`, una columna por campo (las listas y `source` en JSON), `position` en el orden del archivo y `date_start`/`date_end`, el primer y el último día que puede significar una fecha; y `articles_fts`, un índice de texto completo (FTS5) de título, resumen y texto, sin distinguir acentos y con las palabras reducidas a su raíz (Porter inglés: `protest` encuentra `protests`); y `search_words`, las palabras que indexa la búsqueda del sitio, tal como las busca `npm run search`.",
  citations: "(RIS): la referencia de cada artículo, como en los ficheros junto a su página.",
  manifest:
    ": la versión del archivo (el sha256 de `archive.jsonl`, que cambia con cualquier artículo), su licencia, cuántos artículos contiene (con fecha, sin fecha, por idioma y por publicación), y el tamaño y el sha256 de cada fichero, para comprobar una copia.",
  fields: "Campos",
  fieldMeanings: {
    title: "El titular tal como se publicó.",
    publication: "El periódico o sitio que publicó el artículo.",
    language: "El idioma del artículo, como código BCP 47 (`en`, `es`).",
    date: "La fecha de publicación en EDTF, con la precisión que se conoce: `2023-01-09`, `2022-12`, `2021`; `?` incierta, `~` aproximada, `/` un intervalo. Falta cuando no hay fecha.",
    authors: "Las firmas tal como se imprimieron.",
    summary: "La entradilla o el sumario.",
    tags: "Las etiquetas del archivo.",
    place: "El lugar de la data.",
    id: "El identificador permanente del artículo en este archivo, la última parte de su dirección.",
    aliases: "Direcciones anteriores del artículo en este sitio, que todavía llevan a él.",
    translations: "Los identificadores del mismo artículo en otros idiomas.",
    source:
      "De dónde viene el texto: la página original que guarda el archivo (`file`), su `sha256` y las líneas (`lines`) de las que se tomó el artículo.",
    issue: "El número de un periódico impreso.",
    page: "La página de un periódico impreso.",
    review: "Notas para los editores del archivo, como un titular tomado del sumario.",
    url: "La dirección del artículo en este sitio (absoluta cuando el sitio se compiló con su dirección, `SITE_URL`).",
    originalUrl: "La dirección en la que se publicó el artículo.",
    text: "El texto plano del artículo, sin marcas.",
  },
  queries: "Consultas al fichero SQLite",
  queryFullText: "búsqueda de texto completo por pertinencia, con más peso para las palabras del titular",
  queryYear: "artículos cuya fecha puede caer en {year}",
  queryTag: "artículos con una etiqueta",
  citing: "Cómo citar",
  citingText:
    "La página de cada artículo tiene su referencia en **{cite}**, y tres ficheros a su lado: `cite.bib` (BibTeX), `cite.ris` (RIS) y `cite.json` (CSL-JSON), que apuntan a la dirección permanente del artículo, `/a/<id>/`. Figuran todos los autores, con el nombre de cada persona dividido en apellidos y nombre; una fecha conserva su precisión, una incierta o aproximada se marca *circa*, y un intervalo conserva sus dos extremos.",
  rights: "Derechos",
  rightsText: "El archivo conserva el texto tal como se publicó, y la página de la que se tomó, para que se pueda leer y estudiar.",
};

const TEXTS: Readonly<Record<InterfaceLanguage, DataPageText>> = { en, es };

/** The `/data/` page's prose in `language`, English for any other. */
export function dataPageText(language: string): DataPageText {
  return Object.hasOwn(TEXTS, language) ? TEXTS[language as InterfaceLanguage] : en;
}
