// Checks the Teams app package: `npm run teams:validate [schemaDir]`.
// 1. appPackage/manifest.json and its icons: the rules Teams enforces on upload (always).
// 2. The manifest against the official 1.29 JSON Schema (draft-04), and rendered Adaptive Cards
//    against the official 1.5 schema (draft-06), with Ajv, when those schema files exist (default
//    ../shared/schemas beside the project).
// 3. build/paas-bot-teams.zip, if it was built: the three files at its root, a real bot id.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from "ajv";
import * as draft04 from "ajv-draft-04";
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from "../src/adapters/teams/bot.js";
import { decodePng } from "./make-teams-icons.js";
import { PACKAGE_FILES, PLACEHOLDER_BOT_ID, readZip } from "./teams-package.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = boolean | { [key: string]: Json };

const draft06 = createRequire(import.meta.url)("ajv/dist/refs/json-schema-draft-06.json") as AnySchemaObject;

/**
 * One validator per draft. Microsoft's schemas carry keywords of their own (`version`, `features`)
 * and formats Ajv does not bundle, so strict mode and format checks are off: every validation
 * keyword of the draft is still checked.
 */
const options = { allErrors: true, strict: false, validateFormats: false } as const;
// A CommonJS module whose exports are the class, with the class again as `default`.
const AjvDraft04 = draft04.default.default;
let ajv04: InstanceType<typeof AjvDraft04> | undefined;
let ajv06: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: Schema): ValidateFunction {
  const key = typeof schema === "object" ? schema : { schema };
  const known = compiled.get(key);
  if (known) return known;
  const draft = typeof schema === "object" ? String(schema.$schema ?? "") : "";
  let validate: ValidateFunction;
  if (draft.includes("draft-04")) {
    ajv04 ??= new AjvDraft04(options);
    validate = ajv04.compile(schema);
  } else {
    if (!ajv06) {
      ajv06 = new Ajv(options);
      ajv06.addMetaSchema(draft06);
    }
    // Draft-06 names a schema's id `$id`; the card schema still spells it the draft-04 way, `id`.
    const { id, ...rest } = schema as Record<string, Json>;
    validate = ajv06.compile(typeof id === "string" && !("$id" in rest) ? { ...rest, $id: id } : schema);
  }
  compiled.set(key, validate);
  return validate;
}

/** `/tags/2` as `$.tags[2]`: the path style of every other line teams:validate prints. */
function jsonPath(instancePath: string): string {
  return instancePath
    .split("/")
    .slice(1)
    .map((seg) => seg.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : `${acc}.${seg}`), "$");
}

function describeError(e: ErrorObject): string {
  const path = jsonPath(e.instancePath);
  if (e.keyword === "additionalProperties")
    return `${path}.${String((e.params as { additionalProperty?: unknown }).additionalProperty)}: not allowed`;
  if (e.keyword === "enum")
    return `${path}: must be one of ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}`;
  return `${path}: ${e.message ?? e.keyword}`;
}

/** Validates `value` against a draft-04 or draft-06 schema; returns "path: message" lines, empty when valid. */
export function schemaErrors(schema: unknown, value: unknown): string[] {
  const validate = validatorFor(schema as Schema);
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map(describeError))];
}

type Manifest = Record<string, Json>;

/** The parts of a manifest the upload rules look at; everything optional because it is unchecked input. */
interface ManifestShape {
  manifestVersion?: unknown;
  id?: unknown;
  version?: unknown;
  developer?: Record<string, unknown>;
  name?: { short?: unknown };
  description?: { short?: unknown; full?: unknown };
  accentColor?: unknown;
  icons?: { color?: unknown; outline?: unknown };
  bots?: { botId?: unknown; scopes?: unknown[]; commandLists?: { commands?: { title?: unknown }[] }[] }[];
  composeExtensions?: {
    botId?: unknown;
    commands?: { id?: unknown; type?: unknown; parameters?: { name?: unknown }[] }[];
  }[];
}

/** What Teams checks on upload beyond the schema: icon sizes and transparency, ids, our command ids. */
export function manifestProblems(manifest: Manifest, files: (name: string) => Buffer | undefined): string[] {
  const problems: string[] = [];
  const m = manifest as ManifestShape;
  const need = (ok: unknown, message: string) => {
    if (!ok) problems.push(message);
  };
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const len = (v: unknown) => (typeof v === "string" ? Array.from(v).length : -1);
  need(m.manifestVersion === "1.29", "manifestVersion must be 1.29");
  need(guid.test(String(m.id)), "id must be a GUID");
  need(/^\d+\.\d+\.\d+$/.test(String(m.version)), "version must be semver x.y.z");
  for (const key of ["name", "websiteUrl", "privacyUrl", "termsOfUseUrl"])
    need(m.developer?.[key], `developer.${key} is required`);
  for (const key of ["websiteUrl", "privacyUrl", "termsOfUseUrl"])
    need(/^https:\/\//.test(String(m.developer?.[key])), `developer.${key} must be an https URL`);
  need(len(m.name?.short) > 0 && len(m.name?.short) <= 30, "name.short must be 1–30 characters");
  need(
    len(m.description?.short) > 0 && len(m.description?.short) <= 80,
    "description.short must be 1–80 characters",
  );
  need(
    len(m.description?.full) > 0 && len(m.description?.full) <= 4000,
    "description.full must be 1–4000 characters",
  );
  need(/^#[0-9a-fA-F]{6}$/.test(String(m.accentColor)), "accentColor must be #rrggbb");
  const icon = (name: unknown, size: number, outline: boolean) => {
    const data = typeof name === "string" ? files(name) : undefined;
    if (!data) return problems.push(`icon ${String(name)} is missing`);
    try {
      const png = decodePng(data);
      need(
        png.width === size && png.height === size,
        `${name} must be ${size}×${size} (is ${png.width}×${png.height})`,
      );
      if (outline) {
        let opaqueNonWhite = 0;
        let transparent = 0;
        for (let i = 0; i < png.rgba.length; i += 4) {
          const a = png.rgba[i + 3] ?? 0;
          if (a === 0) transparent++;
          else if ((png.rgba[i] ?? 0) < 250 || (png.rgba[i + 1] ?? 0) < 250 || (png.rgba[i + 2] ?? 0) < 250)
            opaqueNonWhite++;
        }
        need(png.colorType === 6 && transparent > 0, `${name} must have a transparent background`);
        need(
          opaqueNonWhite === 0,
          `${name} must be white on transparent (${opaqueNonWhite} coloured pixels)`,
        );
      }
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
    return undefined;
  };
  icon(m.icons?.color, 192, false);
  icon(m.icons?.outline, 32, true);
  const bot = m.bots?.[0];
  need(guid.test(String(bot?.botId)), "bots[0].botId must be a GUID");
  for (const scope of ["personal", "team", "groupChat"])
    need(bot?.scopes?.includes(scope), `bots[0].scopes must include ${scope}`);
  for (const list of bot?.commandLists ?? [])
    for (const c of list.commands ?? [])
      need(len(c.title) <= 32, `bot command "${c.title}" is longer than 32 characters`);
  const ext = m.composeExtensions?.[0];
  need(m.composeExtensions?.length === 1, "exactly one composeExtension");
  need(ext?.botId === bot?.botId, "composeExtensions[0].botId must be the bot's id");
  const command = ext?.commands?.find((c) => c.id === SEARCH_COMMAND_ID);
  need(
    command?.type === "query",
    `composeExtensions[0] needs a query command "${SEARCH_COMMAND_ID}" (the id the bot answers)`,
  );
  need(
    command?.parameters?.some((p) => p.name === SEARCH_PARAMETER),
    `command ${SEARCH_COMMAND_ID} needs a "${SEARCH_PARAMETER}" parameter`,
  );
  need((ext?.commands?.length ?? 0) <= 10, "at most 10 message-extension commands");
  return problems;
}

async function renderedCards(): Promise<{ name: string; card: unknown }[]> {
  const { loadCatalog } = await import("../src/core/catalog/load.js");
  const { answer, respond } = await import("../src/core/engine.js");
  const { pageCount, renderAdaptiveCard } = await import("../src/render/teams/card.js");
  const { renderWelcomeCard } = await import("../src/render/teams/welcome.js");
  const catalog = loadCatalog(resolve("knowledge"));
  const help = (lang: "en" | "zh") => {
    const h = respond({ type: "help", lang }, catalog);
    return h.intent === "help" ? h.examples : [];
  };
  const questions = [
    ...help("en"),
    ...help("zh"),
    "What is KubeSphere?",
    "compare ACP, DCE, KubeSphere and OpenShift",
    "frobnicator",
  ];
  const cards: { name: string; card: unknown }[] = [
    { name: "welcome", card: renderWelcomeCard({ en: help("en"), zh: help("zh") }) },
  ];
  for (const q of questions) {
    const a = answer(q, catalog);
    for (const interactive of [true, false])
      for (let page = 1; page <= pageCount(a, { interactive }); page++)
        cards.push({
          name: `${q} (page ${page}${interactive ? "" : ", static"})`,
          card: renderAdaptiveCard(a, { page, interactive }),
        });
  }
  return cards;
}

async function main(): Promise<number> {
  const schemaDir = resolve(process.argv[2] ?? "../shared/schemas");
  const appDir = resolve("appPackage");
  const problems: string[] = [];
  const manifest = JSON.parse(readFileSync(resolve(appDir, "manifest.json"), "utf8")) as Manifest;
  const sourceFile = (name: string) =>
    existsSync(resolve(appDir, name)) ? readFileSync(resolve(appDir, name)) : undefined;
  problems.push(...manifestProblems(manifest, sourceFile).map((p) => `appPackage: ${p}`));

  const manifestSchemaFile = resolve(schemaDir, "teams-manifest-1.29.schema.json");
  const manifestSchema = existsSync(manifestSchemaFile)
    ? (JSON.parse(readFileSync(manifestSchemaFile, "utf8")) as Schema)
    : undefined;
  if (manifestSchema) {
    problems.push(...schemaErrors(manifestSchema, manifest).map((e) => `appPackage/manifest.json: ${e}`));
    console.log(`manifest checked against ${manifestSchemaFile}`);
  } else console.warn(`skipped the manifest schema check: ${manifestSchemaFile} not found`);

  const zipFile = resolve("build/paas-bot-teams.zip");
  if (existsSync(zipFile)) {
    const entries = readZip(readFileSync(zipFile));
    const names = entries.map((e) => e.name).sort();
    if (JSON.stringify(names) !== JSON.stringify([...PACKAGE_FILES].sort()))
      problems.push(
        `zip: must hold exactly ${PACKAGE_FILES.join(", ")} at its root (holds ${names.join(", ")})`,
      );
    const inZip = (name: string) => entries.find((e) => e.name === name)?.data;
    const zipped = JSON.parse(inZip("manifest.json")?.toString("utf8") ?? "{}") as Manifest;
    problems.push(...manifestProblems(zipped, inZip).map((p) => `zip: ${p}`));
    if (JSON.stringify(zipped).includes(PLACEHOLDER_BOT_ID))
      problems.push("zip: the bot id is still the placeholder");
    if (manifestSchema)
      problems.push(...schemaErrors(manifestSchema, zipped).map((e) => `zip manifest.json: ${e}`));
    console.log(`checked ${zipFile}`);
  } else
    console.log(
      "no build/paas-bot-teams.zip yet (npm run teams:package builds it); checked the sources only",
    );

  const cardSchemaFile = resolve(schemaDir, "adaptive-card-1.5.schema.json");
  if (existsSync(cardSchemaFile)) {
    const cardSchema = JSON.parse(readFileSync(cardSchemaFile, "utf8")) as Schema;
    const cards = await renderedCards();
    for (const { name, card } of cards) {
      // `msteams` (full-width cards) is Teams' documented host extension, absent from the generic schema.
      const { msteams: _teamsOnly, ...portable } = card as Record<string, unknown>;
      problems.push(...schemaErrors(cardSchema, portable).map((e) => `card "${name}": ${e}`));
    }
    console.log(`${cards.length} rendered Adaptive Cards checked against ${cardSchemaFile}`);
  } else console.warn(`skipped the Adaptive Card schema check: ${cardSchemaFile} not found`);

  for (const p of problems) console.error(p);
  console.log(problems.length ? `teams:validate: ${problems.length} problem(s)` : "teams:validate: ok");
  return problems.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then((code) => process.exit(code));
}
