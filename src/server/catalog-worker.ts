/**
 * Reads, parses and checks a catalog folder off the main thread, so a reload (70 ms on the real
 * catalog, seconds on a hostile or huge one) never stalls the requests being answered. Posts one
 * ReloadMessage and exits.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CatalogError } from "../core/catalog/errors.js";
import { asCatalogError, buildCatalog, readCatalogFiles } from "../core/catalog/load.js";
import type { ReloadMessage, ReloadRequest } from "./catalog-reloader.js";
import { catalogVersion, isPlainData } from "./catalog-version.js";

function run({ dir, currentVersion }: ReloadRequest): ReloadMessage {
  try {
    const files = readCatalogFiles(dir);
    const version = catalogVersion(files);
    // Same text, same catalog: an editor's save-without-change or a touch costs no rebuild.
    if (version === currentVersion) return { kind: "unchanged" };
    const catalog = buildCatalog(files);
    return isPlainData(catalog) ? { kind: "built", version, catalog } : { kind: "not-cloneable", version };
  } catch (error) {
    const e = error instanceof CatalogError ? error : asCatalogError(error);
    return { kind: "refused", code: e.code, problems: e.problems };
  }
}

parentPort?.postMessage(run(workerData as ReloadRequest));
