/**
 * Citations: one CSL-JSON item per article, which citation-js writes as
 * `cite.json` and formats as the reference of the page's "Cite" section (APA,
 * via citeproc; see `retrievedOnlyWithDate` and `ELLIPSIS_GUARD` for the two
 * corrections); bibtex.ts and ris.ts write `cite.bib` and `cite.ris` from the
 * same item. Nothing here depends on the time of the build, so every file is
 * the same from build to build; citation-cache.ts keeps them between builds.
 */
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import type { CslItem } from "./csl-item.ts";

export { articleToCslItem, dateToCslDate, type CslDate, type CslItem } from "./csl-item.ts";

/** CSL locales bundled with plugin-csl, by language. */
const CSL_LOCALES: Record<string, string> = { en: "en-US", es: "es-ES", fr: "fr-FR", de: "de-DE", nl: "nl-NL" };

/**
 * APA as plugin-csl bundles it, less what a reference standing alone never
 * shows: the disambiguation within a bibliography (`2023a`, added names), the
 * bibliography's sort order, and the in-text citation form, which citeproc
 * renders for every item it registers although only the reference is asked
 * for. Each cut alone leaves a one-item bibliography as it was (tested against
 * plain APA); together they make citeproc about three times faster.
 */
export function styleForLoneReferences(apa: string): string {
  return apa
    .replace(/ disambiguate-add-(?:year-suffix|names|givenname)="true"/g, "")
    .replace(/ givenname-disambiguation-rule="[^"]*"/g, "")
    .replace(/(<bibliography[^>]*>)<sort>[\s\S]*?<\/sort>/, "$1")
    .replace(/<citation[\s\S]*?<\/citation>/, '<citation><layout><text variable="title"/></layout></citation>');
}

/** APA's "Retrieved …, from" before the URL of an undated work, in the style as bundled. */
const RETRIEVED_FROM =
  '<text term="retrieved" text-case="capitalize-first"/><group delimiter=", "><date form="text" variable="accessed"/><text term="from"/></group>';

/**
 * APA gives a retrieval date only for a work meant to change (APA 9.16), and
 * an archived article is not; the records have no access date. The bundled
 * style still writes "Retrieved" before the URL of an undated work when there
 * is no date to retrieve it on ("(n.d.). Unidad. Retrieved https://…"); here
 * it writes "Retrieved …, from" only with an access date.
 */
export function retrievedOnlyWithDate(apa: string): string {
  if (!apa.includes(RETRIEVED_FROM)) throw new Error("the bundled APA style no longer has the retrieval phrase this project corrects");
  return apa.replace(RETRIEVED_FROM, `<choose><if variable="accessed">${RETRIEVED_FROM}</if></choose>`);
}

export const REFERENCE_STYLE = "hemeroteca-apa";
const cslStyles = (
  plugins.config.get("@csl") as { styles: { has(name: string): boolean; get(name: string): string; add(name: string, xml: string): void } }
).styles;
if (!cslStyles.has(REFERENCE_STYLE)) cslStyles.add(REFERENCE_STYLE, styleForLoneReferences(retrievedOnlyWithDate(cslStyles.get("apa"))));

/** `cite.json`: a CSL-JSON array holding the one item, as citation-js writes it. */
export function cslItemToCslJson(item: CslItem): string {
  return `${String(new Cite([item]).format("data", { format: "text" })).trim()}\n`;
}

/** Put after every `<` of a value, so citeproc reads no rich-text markup in it; removed again from its output. */
const MARKUP_GUARD = "\uE000";

function guardMarkup<T>(value: T): T {
  if (typeof value === "string") return value.replace(/</g, `<${MARKUP_GUARD}`) as T;
  if (Array.isArray(value)) return value.map(guardMarkup) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, guardMarkup(v)])) as T;
  return value;
}

/**
 * Stands for a title's closing "…" while citeproc formats it, followed by a
 * period. citeproc adds its own period after a title unless the title already
 * ends in punctuation of its table (". ! ? : ;"), which has no "…"; a title
 * cut short by its source ("…in Lima…") came out as "in Lima….". With the
 * period in place citeproc writes none, as it does after "..."; the guard and
 * its period become "…" again.
 */
const ELLIPSIS_GUARD = "\uE001";

function guardClosingEllipsis(title: string): string {
  return title.replace(/…$/u, `${ELLIPSIS_GUARD}.`);
}

/**
 * The formatted reference (APA) as HTML. citeproc escapes every value, but it
 * also reads CSL's rich-text tags (`<i>`, `<b>`, `<span style=…>`) inside
 * values; a title is text, so its `<` is guarded and the only markup left is
 * the `<i>` the style itself adds.
 */
export function cslItemToReferenceHtml(item: CslItem, interfaceLanguage: string): string {
  const lang = CSL_LOCALES[interfaceLanguage] ?? "en-US";
  const guarded = { ...guardMarkup(item), id: item.id };
  guarded.title = guardClosingEllipsis(guarded.title);
  const bibliography = String(plugins.output.format("bibliography", [guarded], { format: "html", template: REFERENCE_STYLE, lang }));
  const entry = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(bibliography)?.[1];
  if (entry === undefined) throw new Error(`citeproc wrote no reference for \`${item.id}\``);
  return entry.trim().replaceAll(MARKUP_GUARD, "").replaceAll(`${ELLIPSIS_GUARD}.`, "…");
}
