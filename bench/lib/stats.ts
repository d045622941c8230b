import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** The q-th percentile (0..100) of the values, nearest-rank; 0 for none. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** Rounds for the table: 3 significant digits are all a run on a shared 2-core machine can claim. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(Math.abs(value))));
  return Math.round(value * scale) / scale;
}

let gcFn: (() => void) | undefined;
/**
 * A full GC between measurements, so one row does not pay for the garbage of the one before. Node
 * exposes gc() only with --expose-gc; setting the flag at run time and reading gc from a fresh
 * context works without changing how the script is started.
 */
export function collectGarbage(): void {
  if (!gcFn) {
    setFlagsFromString("--expose-gc");
    gcFn = runInNewContext("gc") as () => void;
  }
  gcFn();
}
