import type { Catalog, CatalogProvider } from "../core/catalog/catalog.js";
import { type CatalogErrorCode, type CatalogProblem, formatProblem } from "../core/catalog/errors.js";
import { asCatalogError, buildCatalog, readCatalogFiles } from "../core/catalog/load.js";
import { type ReloadMessage, type ReloadRequest, reloadInWorker } from "./catalog-reloader.js";
import { catalogVersion } from "./catalog-version.js";
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
 * Holds the catalog the bots answer from. A reload reads, parses and checks the folder in a worker
 * thread (so a big or hostile catalog never stalls the answers) and swaps the new catalog in one
 * assignment, so a request sees either the old or the new one, never a mix; an invalid catalog is
 * refused and the last good one keeps answering. A reload never throws.
 */
export class CatalogStore implements CatalogProvider {
  private catalog: Catalog;
  private about: CatalogInfo;
  private running: Promise<ReloadResult> | undefined;
  private queued: Promise<ReloadResult> | undefined;

  private constructor(
    readonly dir: string,
    private readonly logger: Logger,
    loaded: { catalog: Catalog; info: CatalogInfo },
    private readonly reader: (request: ReloadRequest) => Promise<ReloadMessage>,
  ) {
    this.catalog = loaded.catalog;
    this.about = loaded.info;
  }

  /** The first load: throws CatalogError (and only that), since there is no last good catalog to fall back on. */
  static open(
    dir: string,
    logger: Logger,
    reader: (request: ReloadRequest) => Promise<ReloadMessage> = (r) => reloadInWorker(r),
  ): CatalogStore {
    const started = performance.now();
    let loaded: { catalog: Catalog; info: CatalogInfo };
    try {
      loaded = read(dir);
    } catch (error) {
      throw asCatalogError(error);
    }
    const store = new CatalogStore(dir, logger, loaded, reader);
    logger.info("catalog loaded", { dir, ...store.about, latencyMs: round(performance.now() - started) });
    return store;
  }

  current(): Catalog {
    return this.catalog;
  }

  info(): CatalogInfo {
    return this.about;
  }

  /**
   * Re-reads the folder. Never rejects: the result says what happened, and so does the log. Reloads
   * run one at a time; triggers that arrive meanwhile share one more reload after it.
   */
  reload(reason: string): Promise<ReloadResult> {
    if (!this.running) {
      this.running = this.reloadOnce(reason).finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.reload(reason);
    });
    return this.queued;
  }

  private async reloadOnce(reason: string): Promise<ReloadResult> {
    const started = performance.now();
    let message: ReloadMessage;
    try {
      message = await this.reader({ dir: this.dir, currentVersion: this.about.version });
      if (message.kind === "not-cloneable") message = this.buildHere();
    } catch (error) {
      const e = asCatalogError(error);
      message = { kind: "refused", code: e.code, problems: e.problems };
    }
    if (message.kind === "refused") {
      const first = message.problems[0];
      this.logger.warn(
        `catalog reload refused, still answering from version ${this.about.version}: ${first ? formatProblem(first) : message.code}`,
        {
          reason,
          code: message.code,
          version: this.about.version,
          problemCount: message.problems.length,
          problems: message.problems.slice(0, MAX_LOGGED_PROBLEMS),
        },
      );
      return { ok: false, code: message.code, problems: message.problems, info: this.about };
    }
    if (message.kind !== "built") {
      this.logger.info("catalog unchanged", { reason, version: this.about.version });
      return { ok: true, changed: false, info: this.about };
    }
    const previous = this.about.version;
    this.catalog = message.catalog;
    this.about = infoOf(message.catalog, message.version);
    this.logger.info("catalog reloaded", {
      reason,
      previous,
      ...this.about,
      latencyMs: round(performance.now() - started),
    });
    return { ok: true, changed: true, info: this.about };
  }

  /** The fallback for a catalog the worker cannot hand over: built here, blocking, as before. */
  private buildHere(): ReloadMessage {
    try {
      const files = readCatalogFiles(this.dir);
      const version = catalogVersion(files);
      if (version === this.about.version) return { kind: "unchanged" };
      this.logger.warn(
        "catalog reload built on the main thread (the worker could not hand the catalog over)",
      );
      return { kind: "built", version, catalog: buildCatalog(files) };
    } catch (error) {
      const e = asCatalogError(error);
      return { kind: "refused", code: e.code, problems: e.problems };
    }
  }
}

function read(dir: string): { catalog: Catalog; info: CatalogInfo } {
  const files = readCatalogFiles(dir);
  const catalog = buildCatalog(files);
  return { catalog, info: infoOf(catalog, catalogVersion(files)) };
}

function infoOf(catalog: Catalog, version: string): CatalogInfo {
  return {
    version,
    loadedAt: new Date().toISOString(),
    products: catalog.products.size,
    vendors: catalog.vendors.size,
    categories: catalog.categories.size,
  };
}
