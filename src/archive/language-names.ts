/** Names already looked up: building an `Intl.DisplayNames` costs more than a whole headline list. */
const names = new Map<string, string>();

/** A language's name in that language ("Español"), for links readers follow to their own language. */
export function languageToName(code: string): string {
  let name = names.get(code);
  if (name === undefined) {
    try {
      const display = new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
      name = display.charAt(0).toLocaleUpperCase(code) + display.slice(1);
    } catch {
      name = code;
    }
    names.set(code, name);
  }
  return name;
}
