import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Catalog } from "../core/catalog/catalog.js";
import type { CatalogErrorCode, CatalogProblem } from "../core/catalog/errors.js";

export interface ReloadRequest {
  dir: string;
  currentVersion: string;
}

/** What the worker found. */
export type ReloadMessage =
  | { kind: "unchanged" }
  | { kind: "built"; version: string; catalog: Catalog }
  /** Valid, but holds something structured cloning would change: the main thread builds it. */
  | { kind: "not-cloneable"; version: string }
  | { kind: "refused"; code: CatalogErrorCode; problems: CatalogProblem[] };

/** A reload that takes longer than this is given up (the worker is stopped) and refused. */
export const RELOAD_TIMEOUT_MS = 60_000;
/** A catalog that needs more heap than this to parse is refused: the worker dies, not the process. */
export const RELOAD_HEAP_MB = 512;

/**
 * The worker's own file: compiled JavaScript in production; in development and tests (running
 * TypeScript) a small entry that registers tsx first, since neither tsx's loader nor vitest's
 * transform reaches a worker thread.
 */
function workerEntry(): URL {
  const compiled = fileURLToPath(import.meta.url).endsWith(".js");
  return new URL(compiled ? "./catalog-worker.js" : "./catalog-worker-tsx.mjs", import.meta.url);
}

/** Runs one reload in a worker thread; resolves with its message, whatever happens to the worker. */
export function reloadInWorker(
  request: ReloadRequest,
  timeoutMs = RELOAD_TIMEOUT_MS,
): Promise<ReloadMessage> {
  const url = workerEntry();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (message: ReloadMessage) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(message);
      void worker.terminate();
    };
    const failed = (message: string): ReloadMessage => ({
      kind: "refused",
      code: "CATALOG_LOAD_FAILED",
      problems: [{ file: "", path: "", message }],
    });
    const worker = new Worker(url, {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: RELOAD_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    const timer = setTimeout(
      () => finish(failed(`reading the catalog took longer than ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
    worker.once("message", (message: ReloadMessage) => finish(message));
    worker.once("error", (error) =>
      finish(
        failed(
          (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `reading the catalog needed more than ${RELOAD_HEAP_MB} MB`
            : `the catalog reader failed: ${error.message.split("\n")[0]}`,
        ),
      ),
    );
    worker.once("exit", (code) => finish(failed(`the catalog reader stopped (exit code ${code})`)));
  });
}
