/**
 * A reader's words -> an FTS5 query that cannot be a syntax error. Every word
 * becomes a quoted string (`"` doubled inside), so `AND`, `NEAR(`, `title:`,
 * `-` or a stray `"` are searched as text, never run as FTS5 syntax. Two
 * things are kept on purpose: text in double quotes is a phrase, and a word
 * ending in `*` is a prefix (`strik*` finds `strike` and `strikes`). Words
 * are all required (FTS5's implicit AND).
 */

/** Whether a term has anything the `unicode61` tokenizer indexes (letters or digits). */
function hasToken(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export interface FtsQuery {
  /** The FTS5 MATCH expression. */
  match: string;
  /** The terms as searched, for messages. */
  terms: string[];
}

export function textToFtsQuery(input: string): FtsQuery | undefined {
  const terms: string[] = [];
  const parts: string[] = [];
  // A phrase in double quotes, or a run of non-blank characters; an unclosed quote runs to the end.
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      if (!hasToken(phrase)) continue;
      terms.push(phrase.trim());
      parts.push(quote(phrase.trim()));
    } else if (word !== undefined) {
      const prefix = /^(.*[\p{L}\p{N}].*?)\*+$/u.exec(word)?.[1];
      const text = prefix ?? word;
      if (!hasToken(text)) continue;
      terms.push(word);
      parts.push(prefix !== undefined ? `${quote(text)}*` : quote(text));
    }
  }
  if (parts.length === 0) return undefined;
  return { match: parts.join(" "), terms };
}
