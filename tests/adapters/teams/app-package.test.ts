import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { colorIcon, decodePng, encodePng, outlineIcon } from "../../../scripts/make-teams-icons.js";
import {
  botIdFromEnv,
  buildTeamsPackage,
  PACKAGE_FILES,
  readZip,
  writeZip,
} from "../../../scripts/teams-package.js";
import { manifestProblems, schemaErrors } from "../../../scripts/validate-teams-package.js";
import { SEARCH_COMMAND_ID } from "../../../src/adapters/teams/index.js";
import { ConfigError } from "../../../src/config-error.js";

const APP_DIR = resolve("appPackage");
const BOT_ID = "11111111-2222-3333-4444-555555555555";
const file = (name: string) =>
  existsSync(resolve(APP_DIR, name)) ? readFileSync(resolve(APP_DIR, name)) : undefined;
const manifest = () => JSON.parse(readFileSync(resolve(APP_DIR, "manifest.json"), "utf8"));

describe("appPackage sources", () => {
  it("meet Teams' upload rules (sizes, transparency, ids, lengths, our command id)", () => {
    expect(manifestProblems(manifest(), file)).toEqual([]);
    expect(manifest().composeExtensions[0].commands[0].id).toBe(SEARCH_COMMAND_ID);
  });

  it("catch broken manifests", () => {
    const m = manifest();
    m.name.short = "x".repeat(31);
    m.icons.outline = "color.png";
    m.bots[0].scopes = ["personal"];
    m.composeExtensions[0].commands[0].id = "other";
    const problems = manifestProblems(m, file).join("\n");
    expect(problems).toMatch(/name.short/);
    expect(problems).toMatch(/color.png must be 32×32/);
    expect(problems).toMatch(/must include team/);
    expect(problems).toMatch(/searchProducts/);
  });

  it("commit the icons the icon script draws", () => {
    expect(file("color.png")?.equals(encodePng(colorIcon()))).toBe(true);
    expect(file("outline.png")?.equals(encodePng(outlineIcon()))).toBe(true);
    const outline = decodePng(file("outline.png") as Buffer);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(decodePng(encodePng(colorIcon())).rgba).toEqual(colorIcon().rgba);
  });
});

describe("teams:package", () => {
  it("writes a reproducible zip with the manifest and icons at its root and the bot id filled in", () => {
    const { zip, manifest: filled } = buildTeamsPackage(APP_DIR, { MicrosoftAppId: BOT_ID });
    expect(buildTeamsPackage(APP_DIR, { MicrosoftAppId: BOT_ID }).zip.equals(zip)).toBe(true);
    const entries = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual([...PACKAGE_FILES]);
    const zipped = JSON.parse(entries[0]?.data.toString("utf8") ?? "");
    expect(zipped).toEqual(filled);
    expect(zipped.bots[0].botId).toBe(BOT_ID);
    expect(zipped.composeExtensions[0].botId).toBe(BOT_ID);
    expect(zipped.id).toBe(manifest().id);
    expect(entries[1]?.data.equals(file("color.png") as Buffer)).toBe(true);
    expect(manifestProblems(zipped, (n) => entries.find((e) => e.name === n)?.data)).toEqual([]);
  });

  it("takes TEAMS_APP_ID when MicrosoftAppId is unset, and refuses a missing or placeholder id", () => {
    expect(botIdFromEnv({ TEAMS_APP_ID: BOT_ID })).toBe(BOT_ID);
    const code = (env: Record<string, string>) => {
      try {
        botIdFromEnv(env);
      } catch (e) {
        return e instanceof ConfigError ? `${e.code}:${e.variable}` : "other";
      }
      return "none";
    };
    expect(code({})).toBe("CONFIG_MISSING:MicrosoftAppId");
    expect(code({ MicrosoftAppId: "bot" })).toBe("CONFIG_MALFORMED:MicrosoftAppId");
    expect(code({ MicrosoftAppId: "00000000-0000-0000-0000-000000000000" })).toBe(
      "CONFIG_MALFORMED:MicrosoftAppId",
    );
    expect(code({ TEAMS_APP_ID: "x" })).toBe("CONFIG_MALFORMED:TEAMS_APP_ID");
  });

  it("round-trips arbitrary files through the zip writer and reader", () => {
    const entries = [
      { name: "a.txt", data: Buffer.from("hello") },
      { name: "目录/b.bin", data: Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256)) },
      { name: "empty", data: Buffer.alloc(0) },
    ];
    expect(readZip(writeZip(entries))).toEqual(entries);
  });
});

describe("the schema validator used by teams:validate (Ajv)", () => {
  const schema = {
    $schema: "http://json-schema.org/draft-04/schema#",
    definitions: { guid: { type: "string", pattern: "^[0-9a-f]{8}$" } },
    type: "object",
    additionalProperties: false,
    required: ["id", "name"],
    properties: {
      id: { $ref: "#/definitions/guid" },
      name: { type: "string", maxLength: 3 },
      tags: { type: "array", maxItems: 2, uniqueItems: true, items: { enum: ["a", "b", "c"] } },
      kind: { anyOf: [{ const: "x" }, { type: "integer", minimum: 2 }] },
    },
  };

  it("accepts valid values and reports each violation with its path", () => {
    expect(schemaErrors(schema, { id: "0123abcd", name: "网格平", tags: ["a"], kind: 3 })).toEqual([]);
    const errors = schemaErrors(schema, {
      id: "zz",
      name: "long",
      tags: ["a", "a", "d"],
      kind: 1,
      extra: true,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.id: must match pattern/),
        "$.name: must NOT have more than 3 characters",
        "$.tags: must NOT have more than 2 items",
        expect.stringMatching(/^\$\.tags: must NOT have duplicate items/),
        expect.stringMatching(/^\$\.tags\[2\]: must be one of/),
        "$.kind: must match a schema in anyOf",
        "$.extra: not allowed",
      ]),
    );
    expect(schemaErrors(schema, {})).toEqual([
      "$: must have required property 'id'",
      "$: must have required property 'name'",
    ]);
  });

  it("draft-06 schemas too (the Adaptive Card schema's draft), and lengths count characters, not UTF-16 units", () => {
    const card = {
      $schema: "http://json-schema.org/draft-06/schema#",
      // The Adaptive Card schema names itself with draft-04's `id`.
      id: "http://example.com/card.json",
      type: "object",
      properties: { t: { const: "x" }, s: { type: "string", maxLength: 2 } },
    };
    expect(schemaErrors(card, { t: "x", s: "𝒳𝒴" })).toEqual([]);
    expect(schemaErrors(card, { t: "y" })).toEqual(["$.t: must be equal to constant"]);
  });

  it("checks the real manifest against the official schema when ../shared has it", () => {
    const file = resolve("..", "shared", "schemas", "teams-manifest-1.29.schema.json");
    if (!existsSync(file)) return;
    expect(schemaErrors(JSON.parse(readFileSync(file, "utf8")), manifest())).toEqual([]);
  });
});
