/**
 * Lexical cohesion between paragraphs (as TextTiling finds topic shifts): the
 * paragraphs of one article keep coming back to the same words (its people,
 * places, subject), while the teasers of a listing each start a subject of
 * their own. Words are compared by a crude stem (folded, first six letters),
 * which works alike for English, Spanish and Portuguese; function words,
 * common verbs and adverbs, and short words are left out.
 */
import { fold } from "./markdown-text.ts";
import { ALL_STOPWORDS } from "./stopwords.ts";

/** Words any text uses whatever its subject: sharing them says nothing about a shared subject. */
const COMMON = new Set(
  (
    "also even just like said says told according would could should have being been much many well still every " +
    "other another same make made take taken first last year years time times people thing things know want going " +
    "dijo dice segun aunque tambien ademas entonces mientras puede pueden hace hacer hecho parte tiene tienen " +
    "sobre otro otra otros otras tras antes despues ahora siempre nunca todo todos toda todas anos tiempo vez veces " +
    "disse diz tambem sobre mais muito pode podem fazer feito ainda entre porque depois antes agora ano anos"
  ).split(" "),
);

/** The content words of a text: folded, without function or common words or words under four letters, cut to six letters. */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const token of fold(text)
    .replace(/['’]/g, "")
    .split(/[^\p{L}\p{N}]+/u)) {
    if (token.length < 4 || /^\d+$/.test(token) || ALL_STOPWORDS.has(token) || COMMON.has(token)) continue;
    stems.add(token.slice(0, 6));
  }
  return stems;
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const stem of a) if (b.has(stem)) count++;
  return count;
}

/**
 * Where a run of paragraphs changes subject for good: the indices k (1..n-1)
 * such that no paragraph before k shares `minShared` content words with any
 * paragraph from k on. An article's subject words come back across all its
 * paragraphs, so it has hardly any such cut; a listing of teasers has one
 * between every two items.
 */
export function topicCuts(paragraphs: readonly string[], minShared = 2): number[] {
  const stems = paragraphs.map(contentStems);
  const n = stems.length;
  // reach[i]: the furthest paragraph that paragraph i shares enough words with.
  const reach = stems.map((own, i) => {
    let furthest = i;
    for (let j = i + 1; j < n; j++) if (shared(own, stems[j]!) >= minShared) furthest = j;
    return furthest;
  });
  const cuts: number[] = [];
  let spanned = 0;
  for (let k = 1; k < n; k++) {
    spanned = Math.max(spanned, reach[k - 1]!);
    if (spanned < k) cuts.push(k);
  }
  return cuts;
}
