// citation-js ships no types; only the parts this project calls are declared.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): unknown;
  }
  export const plugins: {
    config: { get(plugin: string): Record<string, unknown> };
    output: { format(format: string, data: unknown, options?: Record<string, unknown>): unknown };
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";
declare module "@citation-js/name" {
  /** A name as CSL name parts (`given`, `family`, particles, `suffix`), or `{ literal }`. */
  export function parse(name: string): Record<string, string | undefined>;
}
