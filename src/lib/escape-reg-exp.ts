/** `text` as a regular expression that matches it literally, to be built into a larger one. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
