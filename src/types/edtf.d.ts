// The `edtf` package ships no types; only the entry point this project calls is declared.
declare module "edtf" {
  export default function edtf(input: string, options?: Record<string, unknown>): unknown;
}
