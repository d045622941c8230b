import { existsSync, type FSWatcher, watch } from "node:fs";
import { join } from "node:path";
import { VENDOR_DIR } from "../core/catalog/load.js";
import type { Logger } from "./logger.js";

export interface CatalogWatcher {
  close(): void;
}

/**
 * Calls `onChange` once things settle after the catalog folder changes. Watches the folder and its
 * vendors/ folder (not recursively: Node's recursive watch is not reliable on every Linux). The
 * vendors/ watch is re-made after each change, because a Kubernetes ConfigMap update swaps the whole
 * tree behind a symlink and the old folder it watched is gone.
 */
export function watchCatalog(
  dir: string,
  onChange: () => void,
  logger: Logger,
  debounceMs = 300,
): CatalogWatcher {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let vendors: FSWatcher | undefined;

  const fire = () => {
    if (closed) return;
    clearTimeout(timer);
    // Editors write a file in several steps (truncate, write, rename); one reload after the last.
    timer = setTimeout(() => {
      if (closed) return;
      armVendors();
      onChange();
    }, debounceMs);
  };
  const open = (path: string): FSWatcher | undefined => {
    try {
      const w = watch(path, { persistent: false }, fire);
      w.on("error", (error) => logger.warn("catalog watch error", { path, error }));
      return w;
    } catch (error) {
      logger.warn("catalog watch could not start", { path, error });
      return undefined;
    }
  };
  const armVendors = () => {
    vendors?.close();
    const path = join(dir, VENDOR_DIR);
    vendors = existsSync(path) ? open(path) : undefined;
  };

  const top = open(dir);
  armVendors();
  logger.info("catalog watch on", { dir, debounceMs });
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      top?.close();
      vendors?.close();
    },
  };
}
