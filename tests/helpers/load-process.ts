import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..");

export interface ServerProcess {
  origin: string;
  /** Everything written to stdout and stderr so far, line by line. */
  lines(): string[];
  alive(): boolean;
  stop(): Promise<number | null>;
}

/**
 * `npm start` as a child process (node --import tsx src/main.ts) on a port of 127.0.0.1 it chooses
 * (PORT=0; the port is read from its "ready" log line), with only the given environment, capturing
 * all of its output: what an operator's log collector would see.
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString("utf8");
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString("utf8");
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const deadline = Date.now() + timeoutMs;
  let origin = "";
  while (!origin) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not start:\n${output.slice(-3000)}`);
    }
    const port = /"msg":"ready".*?"port":(\d+)/.exec(output)?.[1];
    if (port) origin = `http://127.0.0.1:${port}`;
    else await new Promise((r) => setTimeout(r, 20));
  }
  return {
    origin,
    lines: () => output.split("\n").filter(Boolean),
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export interface RawResponse {
  status: number;
  body: string;
  ms: number;
}

/**
 * One request on its own connection (so a 413 that closes the socket mid-upload cannot spill into
 * the next request), with exactly the headers given: no content-type is added when none is set.
 */
export function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | Buffer = "",
): Promise<RawResponse> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const req = request(
      url,
      { method, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          done({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: Date.now() - started,
          }),
        );
      },
    );
    // A server may answer 413 and close before reading an oversized body: the answer still counts.
    req.on("error", (error) => fail(error));
    req.end(body);
  });
}
