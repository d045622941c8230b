import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("ask CLI in a pipe", () => {
  it("stops quietly when the reader goes away (`… | head -1`)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/adapters/cli/main.ts"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Many questions, so the CLI is still writing when the reader closes after the first chunk.
    child.stdin.end(
      `${Array.from({ length: 200 }, () => "which options work fully air-gapped?").join("\n")}\n`,
    );
    const firstChunk = await new Promise<string>((resolve) =>
      child.stdout.once("data", (c: Buffer) => resolve(c.toString())),
    );
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    expect(firstChunk).toMatch(/air-gapped/);
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|at .*main\.ts/);
  });
});
