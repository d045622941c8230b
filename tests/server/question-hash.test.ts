import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";

/** The hash a fresh process gives a question, with the given environment. */
function hashIn(env: Record<string, string>): string {
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      'import("./src/server/request-context.ts").then((m) => console.log(m.textFingerprint("tcs").qHash))',
    ],
    { encoding: "utf8", env: { ...process.env, QUESTION_HASH_KEY: "", ...env } },
  );
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim();
}

describe("question hashes", () => {
  it("are keyed: random per process, unless replicas share QUESTION_HASH_KEY", () => {
    const a = hashIn({});
    const b = hashIn({});
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    const shared = { QUESTION_HASH_KEY: "a-shared-secret-of-the-deployment" };
    expect(hashIn(shared)).toBe(hashIn(shared));
    // Never the plain SHA-256 of the words, which guessing short questions would reverse.
    const plain = createHash("sha256").update("tcs").digest("hex").slice(0, 12);
    expect(hashIn(shared)).not.toBe(plain);
  });
});
