/**
 * The language of one item. Teasers are short, and a statistical detector on
 * a dozen words is a coin toss, so franc-min (restricted to the plausible
 * languages) is one vote among others: function words of each language, and
 * marks only Spanish uses (`¿`, `¡`, `ñ`) or only Portuguese (`ã`, `õ`, `ç`,
 * `-ção`): Spanish and Portuguese share most function words and franc's
 * trigrams, and those marks are what tells a short Portuguese teaser apart.
 */
import { franc } from "franc-min";
import { fold, words } from "./markdown-text.ts";
import { EN_STOPWORDS, ES_STOPWORDS, PT_STOPWORDS } from "./stopwords.ts";

/** ISO 639-3 (franc) -> BCP 47 for the languages an outlet here may use. */
const ISO3_TO_BCP47: Record<string, string> = {
  eng: "en",
  spa: "es",
  por: "pt",
  fra: "fr",
  deu: "de",
  ita: "it",
  cat: "ca",
  nld: "nl",
  quz: "qu",
  que: "qu",
};
const BCP47_TO_ISO3: Record<string, string> = Object.fromEntries(Object.entries(ISO3_TO_BCP47).map(([iso3, bcp47]) => [bcp47, iso3]));

const STOPWORDS: Record<string, ReadonlySet<string>> = { en: EN_STOPWORDS, es: ES_STOPWORDS, pt: PT_STOPWORDS };

export interface LanguageGuess {
  language: string;
  /** The margin of the winner over the runner-up, 0..1: low means "check this". */
  confidence: number;
}

/** English and Spanish (the default collection's) and Portuguese, which outlets of the region print. */
export const DEFAULT_LANGUAGES = ["en", "es", "pt"] as const;

export function detectLanguage(text: string, languages: readonly string[] = DEFAULT_LANGUAGES): LanguageGuess {
  const candidates = languages.length > 0 ? [...languages] : [...DEFAULT_LANGUAGES];
  if (candidates.length === 1) return { language: candidates[0]!, confidence: 1 };
  const scores = new Map<string, number>(candidates.map((language) => [language, 0]));
  const tokens = words(text).map(fold);

  // Function words: strong on short text, where they are most of the words.
  const counts = new Map<string, number>();
  for (const language of candidates) {
    const list = STOPWORDS[language];
    if (!list) continue;
    counts.set(language, tokens.filter((token) => list.has(token)).length);
  }
  const totalStop = [...counts.values()].reduce((a, b) => a + b, 0);
  if (totalStop > 0) {
    for (const [language, count] of counts) scores.set(language, scores.get(language)! + (3 * count) / totalStop);
  }

  // Marks of Spanish.
  if (scores.has("es")) {
    const marks =
      (text.match(/[¿¡]/g) ?? []).length * 1.5 +
      (text.match(/ñ/gi) ?? []).length * 0.3 +
      (text.match(/\b\p{L}*ci[oó]n(?:es)?\b/giu) ?? []).length * 0.3;
    scores.set("es", scores.get("es")! + Math.min(marks, 2));
  }

  // Marks of Portuguese.
  if (scores.has("pt")) {
    const marks =
      (text.match(/[ãõ]/gi) ?? []).length * 0.6 +
      (text.match(/ç/gi) ?? []).length * 0.3 +
      (text.match(/(?<!\p{L})(?:não|são|também|você|pelos?|pelas?|uma|umas|das|em|um|ao|aos|foi)(?!\p{L})/giu) ?? []).length * 0.2;
    scores.set("pt", scores.get("pt")! + Math.min(marks, 2));
  }

  // The statistical detector, weighted by how much text it had.
  const only = candidates.map((language) => BCP47_TO_ISO3[language]).filter((code): code is string => Boolean(code));
  const guess = franc(text, { only, minLength: 3 });
  const francLanguage = ISO3_TO_BCP47[guess];
  if (francLanguage && scores.has(francLanguage)) {
    const weight = text.length > 200 ? 2 : text.length > 80 ? 1.2 : 0.6;
    scores.set(francLanguage, scores.get(francLanguage)! + weight);
  }

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  const total = ranked.reduce((sum, [, score]) => sum + score, 0) || 1;
  return { language: best![0], confidence: second ? (best![1] - second[1]) / total : 1 };
}
