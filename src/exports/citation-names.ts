/**
 * A byline as a CSL name: a person's name split into family and given names,
 * anything else kept whole (`literal`), so reference managers neither file
 * "Ana Negri" under the family name "Ana Negri" nor "Partido Comunista de
 * Venezuela" under "Venezuela, Partido Comunista de".
 *
 * The rule, kept small so an editor can predict it:
 * - a name written `Family, Given` (one comma) is split there, which is how
 *   to give two family names (`García López, María José`);
 * - otherwise a person's name is two to five words, each a capitalised word
 *   (letters, `'`, `-`, `.`) or a lower-case particle (`de`, `van`...), none
 *   an acronym (`SUTEP`) or a word naming a body (`staff`, `Redacción`,
 *   `Party`, `Sindicato`...); @citation-js/name splits it, the last word
 *   with its particles being the family name;
 * - every other byline is literal.
 */
import { parse as parseName } from "@citation-js/name";

export type CslName =
  { literal: string } | { family: string; given: string; "non-dropping-particle"?: string; "dropping-particle"?: string; suffix?: string };

const PARTICLES = new Set([
  "de",
  "del",
  "la",
  "las",
  "los",
  "da",
  "das",
  "do",
  "dos",
  "di",
  "du",
  "van",
  "von",
  "der",
  "den",
  "ter",
  "le",
  "bin",
  "ibn",
  "al",
  "el",
]);

/** Words that name a body, an agency or a desk, never a person. */
const BODY_WORDS = new Set([
  "staff",
  "redacción",
  "redaccion",
  "editorial",
  "editors",
  "editor",
  "desk",
  "reporters",
  "correspondent",
  "correspondents",
  "corresponsal",
  "corresponsales",
  "agency",
  "agencia",
  "press",
  "prensa",
  "news",
  "noticias",
  "service",
  "servicio",
  "wire",
  "party",
  "partido",
  "committee",
  "comité",
  "comite",
  "union",
  "unión",
  "sindicato",
  "federation",
  "federación",
  "confederation",
  "confederación",
  "front",
  "frente",
  "movement",
  "movimiento",
  "collective",
  "colectivo",
  "association",
  "asociación",
  "council",
  "consejo",
  "assembly",
  "asamblea",
  "ministry",
  "ministerio",
  "office",
  "oficina",
  "secretariat",
  "secretaría",
  "bureau",
  "coordinadora",
  "central",
  "league",
  "liga",
  "network",
  "red",
  "organization",
  "organisation",
  "organización",
  "group",
  "grupo",
  "team",
  "equipo",
  "collaborators",
  "colaboradores",
]);

const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const ACRONYM = /^[\p{Lu}\d]{2,}$/u;

function isPersonWord(word: string): boolean {
  // "and" separates names in BibTeX, whatever its case.
  return (
    !BODY_WORDS.has(word.toLowerCase()) &&
    word.toLowerCase() !== "and" &&
    !ACRONYM.test(word) &&
    (PARTICLES.has(word) || CAPITALISED_WORD.test(word))
  );
}

function looksPersonal(words: string[]): boolean {
  return words.length >= 1 && words.every(isPersonWord) && words.filter((word) => CAPITALISED_WORD.test(word)).length >= 1;
}

function splitName(name: string): CslName | undefined {
  const parsed = parseName(name) as Record<string, string | undefined>;
  const { family, given } = parsed;
  if (!family || !given) return undefined;
  return {
    family,
    given,
    ...(parsed["non-dropping-particle"] ? { "non-dropping-particle": parsed["non-dropping-particle"] } : {}),
    ...(parsed["dropping-particle"] ? { "dropping-particle": parsed["dropping-particle"] } : {}),
    ...(parsed.suffix ? { suffix: parsed.suffix } : {}),
  };
}

export function bylineToCslName(byline: string): CslName {
  const name = byline.replace(/\s+/g, " ").trim();
  const commas = name.split(",");
  if (commas.length === 2) {
    const [family = [], given = []] = commas.map((part) => part.trim().split(" ").filter(Boolean));
    if (looksPersonal(family) && looksPersonal(given) && family.length <= 4 && given.length <= 4)
      return splitName(name) ?? { literal: name };
    return { literal: name };
  }
  const words = name.split(" ");
  if (commas.length === 1 && words.length >= 2 && words.length <= 5 && looksPersonal(words) && CAPITALISED_WORD.test(words.at(-1)!)) {
    return splitName(name) ?? { literal: name };
  }
  return { literal: name };
}

/** The name as a person reads it: `Ana de la Cruz`, or the literal. */
export function cslNameToText(name: CslName): string {
  if ("literal" in name) return name.literal;
  return (
    [name.given, name["dropping-particle"], name["non-dropping-particle"], name.family].filter(Boolean).join(" ") +
    (name.suffix ? `, ${name.suffix}` : "")
  );
}
