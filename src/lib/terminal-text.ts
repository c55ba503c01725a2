/**
 * Text from content, made inert for a terminal. A title, a review note or a
 * line of a page may hold control characters: ESC sequences clear the screen,
 * set the window title or hide a link, CR and `ESC[2K` overwrite the line
 * above (a forged `OK`), bidi overrides reorder what is shown. Every command
 * prints content through these, so each such character is shown as its
 * escape (`\u001b`) instead of acting.
 */

// C0 but tab and line feed, DEL, C1, the bidi marks, embeddings, overrides and isolates, and the Unicode line separators.
// eslint-disable-next-line no-control-regex -- finding control characters is this module's job
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escape = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** For a value printed on one line (a message, a title, a quoted field): line breaks are shown escaped too. */
export function inertLine(text: string): string {
  return text.replace(CONTROLS, escape).replace(/\n/g, "\\n");
}

/** For text printed as lines of its own (a page's lines, a report): line feeds and tabs are kept. */
export function inertLines(text: string): string {
  return text.replace(CONTROLS, escape);
}

/**
 * For JSON printed for tools: the same characters written as JSON escapes
 * (`\u001b`, `\u202e`), which `JSON.stringify` leaves raw past C0. They can
 * only be inside strings, so the JSON reads back to the very same values.
 */
export function inertJson(json: string): string {
  return json.replace(CONTROLS, escape);
}
