import { CodedError } from "../coded-error.js";
export type CatalogErrorCode =
  | "CATALOG_UNREADABLE"
  | "CATALOG_YAML_SYNTAX"
  | "CATALOG_SCHEMA"
  | "CATALOG_DUPLICATE_ID"
  | "CATALOG_BROKEN_REFERENCE"
  /** A file over MAX_CATALOG_FILE_BYTES: refused before it is parsed. */
  | "CATALOG_TOO_LARGE"
  /** Anything else that stopped a load (a parser's own limit, a bug): reported like the rest, never thrown raw. */
  | "CATALOG_LOAD_FAILED";

export interface CatalogProblem {
  /** The file, relative to the catalog folder. */
  file: string;
  /** Where inside the file, as a YAML path like `products[2].name.zh`; empty for the whole file. */
  path: string;
  /** 1-based line in the file where known. */
  line?: number;
  message: string;
}

/** A catalog that cannot be loaded. Lists every problem found, not just the first. */
export class CatalogError extends CodedError<CatalogErrorCode> {
  override readonly name = "CatalogError";
  constructor(
    code: CatalogErrorCode,
    readonly problems: CatalogProblem[],
    options?: { cause?: unknown },
  ) {
    super(code, problems.map(formatProblem).join("\n"), options);
  }
}

export function formatProblem(p: CatalogProblem): string {
  const where = [p.file, p.line ? `line ${p.line}` : "", p.path].filter(Boolean).join(": ");
  return `${where}: ${p.message}`;
}
