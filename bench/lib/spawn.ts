import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface Spawned {
  name: string;
  pid: number;
  origin: string;
  /** From spawn() to the first 200 from GET /readyz. */
  readyMs: number;
  /** Resident memory at ready, MiB (VmRSS). */
  rssAtReadyMb: number;
  /** Resident memory now, and its peak so far (VmHWM), MiB. */
  rss(): { nowMb: number; peakMb: number };
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/** A port free on loopback now; the child binds it a moment later (nothing else here races for it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node --import tsx <script>` the same way for ours and for the baselines, with its output
 * going to a file (as a container's log would; the bench process does not spend CPU reading it),
 * and polls GET /readyz every 5 ms until it answers 200.
 */
export async function spawnServer(
  name: string,
  script: string,
  env: Record<string, string>,
  options: { cwd: string; logDir: string; timeoutMs?: number; nodeArgs?: readonly string[] },
): Promise<Spawned> {
  const port = await freePort();
  const logFile = join(options.logDir, `${name}-${port}.log`);
  const fd = openSync(logFile, "w");
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", script], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, PORT: String(port) },
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const output = () => readFileSync(logFile, "utf8");
  try {
    await waitReady(origin, child, options.timeoutMs ?? 30_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${name} did not become ready: ${(error as Error).message}\n${output().slice(-2000)}`);
  }
  const readyMs = performance.now() - started;
  const pid = child.pid as number;
  const rss = () => ({ nowMb: procStatusMb(pid, "VmRSS"), peakMb: procStatusMb(pid, "VmHWM") });
  return {
    name,
    pid,
    origin,
    readyMs,
    rssAtReadyMb: rss().nowMb,
    rss,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitReady(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${origin}/readyz`);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out after ${timeoutMs} ms`);
}

/** A memory line of /proc/<pid>/status in MiB (Linux; 0 elsewhere). */
function procStatusMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return 0;
  }
}
