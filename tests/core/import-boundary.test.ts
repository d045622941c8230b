import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CORE = join(import.meta.dirname, "../../src/core");
// The core stays platform-neutral: no chat SDK, no HTTP, no renderer, no adapter.
const FORBIDDEN = [
  /@slack\//,
  /botbuilder/,
  /adaptivecards/,
  /express/,
  /node:http/,
  /\/render\//,
  /\/adapters\//,
  /\.\.\/\.\.\//,
  // Configuration errors are for the parts that read the environment, not the core.
  /config-error/,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("core import boundary", () => {
  const files = sources(CORE);
  it("finds the core sources", () => expect(files.length).toBeGreaterThan(10));
  it.each(files.map((f) => [f.slice(CORE.length + 1), f]))(
    "%s imports nothing platform-specific",
    (_name, file) => {
      const imports = [
        ...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g),
      ].map((m) => m[1] as string);
      for (const spec of imports)
        for (const bad of FORBIDDEN) expect(spec, `${file} imports ${spec}`).not.toMatch(bad);
    },
  );
});
