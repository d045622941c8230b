import { createHash } from "node:crypto";
import type { Catalog, CatalogProvider } from "../core/catalog/catalog.js";
import {
  CatalogError,
  type CatalogErrorCode,
  type CatalogProblem,
  formatProblem,
} from "../core/catalog/errors.js";
import { buildCatalog, type CatalogFiles, readCatalogFiles } from "../core/catalog/load.js";
import { round } from "./engine.js";
import type { Logger } from "./logger.js";

export interface CatalogInfo {
  /** Hash of the files' text: changes exactly when the catalog's content does. */
  version: string;
  loadedAt: string;
  products: number;
  vendors: number;
  categories: number;
}

export type ReloadResult =
  | { ok: true; changed: boolean; info: CatalogInfo }
  | { ok: false; code: CatalogErrorCode; problems: CatalogProblem[]; info: CatalogInfo };

/** Log fields for at most this many problems: a broken file can report hundreds. */
const MAX_LOGGED_PROBLEMS = 20;

/**
 * Holds the catalog the bots answer from. A reload builds a whole new catalog and swaps it in one
 * assignment, so a request sees either the old or the new one, never a mix; an invalid catalog is
 * refused and the last good one keeps answering.
 */
export class CatalogStore implements CatalogProvider {
  private catalog: Catalog;
  private about: CatalogInfo;

  private constructor(
    readonly dir: string,
    private readonly logger: Logger,
    loaded: { catalog: Catalog; info: CatalogInfo },
  ) {
    this.catalog = loaded.catalog;
    this.about = loaded.info;
  }

  /** The first load: throws CatalogError, since there is no last good catalog to fall back on. */
  static open(dir: string, logger: Logger): CatalogStore {
    const started = performance.now();
    const store = new CatalogStore(dir, logger, read(dir));
    logger.info("catalog loaded", { dir, ...store.about, latencyMs: round(performance.now() - started) });
    return store;
  }

  current(): Catalog {
    return this.catalog;
  }

  info(): CatalogInfo {
    return this.about;
  }

  /** Re-reads the folder. Never throws for a bad catalog: the result says what happened, and so does the log. */
  reload(reason: string): ReloadResult {
    const started = performance.now();
    let next: { catalog: Catalog; info: CatalogInfo } | undefined;
    try {
      const files = readCatalogFiles(this.dir);
      // Same text, same catalog: an editor's save-without-change or a touch costs no rebuild.
      if (hashFiles(files) !== this.about.version) next = build(files);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      const first = error.problems[0];
      this.logger.warn(
        `catalog reload refused, still answering from version ${this.about.version}: ${first ? formatProblem(first) : error.code}`,
        {
          reason,
          code: error.code,
          version: this.about.version,
          problemCount: error.problems.length,
          problems: error.problems.slice(0, MAX_LOGGED_PROBLEMS),
        },
      );
      return { ok: false, code: error.code, problems: error.problems, info: this.about };
    }
    if (!next) {
      this.logger.info("catalog unchanged", { reason, version: this.about.version });
      return { ok: true, changed: false, info: this.about };
    }
    const previous = this.about.version;
    this.catalog = next.catalog;
    this.about = next.info;
    this.logger.info("catalog reloaded", {
      reason,
      previous,
      ...next.info,
      latencyMs: round(performance.now() - started),
    });
    return { ok: true, changed: true, info: next.info };
  }
}

const read = (dir: string) => build(readCatalogFiles(dir));

function build(files: CatalogFiles): { catalog: Catalog; info: CatalogInfo } {
  const catalog = buildCatalog(files);
  return {
    catalog,
    info: {
      version: hashFiles(files),
      loadedAt: new Date().toISOString(),
      products: catalog.products.size,
      vendors: catalog.vendors.size,
      categories: catalog.categories.size,
    },
  };
}

function hashFiles(files: CatalogFiles): string {
  const hash = createHash("sha256");
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${name}\0${text}\0`);
  return hash.digest("hex").slice(0, 12);
}
