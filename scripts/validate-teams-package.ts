// Checks the Teams app package: `npm run teams:validate [schemaDir]`.
// 1. appPackage/manifest.json and its icons: the rules Teams enforces on upload (always).
// 2. The manifest against the official 1.29 JSON Schema, and rendered Adaptive Cards against the
//    official 1.5 schema, when those schema files exist (default ../shared/schemas beside the project). No JSON
//    Schema library is installed, so `schemaErrors` below implements the draft-04/06 keywords
//    these two schemas use and reports any other keyword as unchecked instead of ignoring it.
// 3. build/paas-bot-teams.zip, if it was built: the three files at its root, a real bot id.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from "../src/adapters/teams/bot.js";
import { decodePng } from "./make-teams-icons.js";
import { PACKAGE_FILES, PLACEHOLDER_BOT_ID, readZip } from "./teams-package.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = boolean | { [key: string]: Json };

const CHECKED = new Set([
  "$ref",
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "patternProperties",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "minProperties",
  "maxProperties",
  "anyOf",
  "oneOf",
  "allOf",
  "not",
  "if",
  "then",
  "else",
  "dependencies",
]);
/** Annotations that never fail validation (and Adaptive Card's own `version`/`features` notes). */
const ANNOTATIONS = new Set([
  "$schema",
  "$id",
  "id",
  "description",
  "default",
  "examples",
  "example",
  "title",
  "format",
  "definitions",
  "version",
  "features",
  "deprecated",
]);

/** Validates `value` against a draft-04/06 schema; returns "path: message" lines, empty when valid. */
export function schemaErrors(schema: unknown, value: unknown, unchecked = new Set<string>()): string[] {
  const root = schema as Schema;
  const errors: string[] = [];
  const resolveRef = (ref: string): Schema => {
    if (!ref.startsWith("#")) throw new Error(`remote $ref not supported: ${ref}`);
    let node: unknown = root;
    for (const raw of ref.slice(1).split("/").filter(Boolean)) {
      const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      node = (node as Record<string, unknown>)[key];
    }
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
    return node as Schema;
  };
  const typeOf = (v: unknown) =>
    v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;
  const check = (schema: Schema, v: unknown, path: string, out: string[]): void => {
    if (schema === true) return;
    if (schema === false) {
      out.push(`${path}: not allowed`);
      return;
    }
    for (const key of Object.keys(schema)) if (!CHECKED.has(key) && !ANNOTATIONS.has(key)) unchecked.add(key);
    if (typeof schema.$ref === "string") {
      check(resolveRef(schema.$ref), v, path, out);
      return;
    }
    const s = schema as Record<string, unknown>;
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      const t = typeOf(v);
      if (!types.some((x) => x === t || (x === "number" && t === "integer"))) {
        out.push(`${path}: expected ${types.join(" or ")}, got ${t}`);
        return;
      }
    }
    if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v)))
      out.push(`${path}: must be one of ${JSON.stringify(s.enum)}`);
    if ("const" in s && JSON.stringify(s.const) !== JSON.stringify(v))
      out.push(`${path}: must be ${JSON.stringify(s.const)}`);
    if (typeof v === "string") {
      const length = Array.from(v).length;
      if (typeof s.maxLength === "number" && length > s.maxLength)
        out.push(`${path}: longer than ${s.maxLength} characters`);
      if (typeof s.minLength === "number" && length < s.minLength)
        out.push(`${path}: shorter than ${s.minLength} characters`);
      if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(v))
        out.push(`${path}: does not match ${s.pattern}`);
    }
    if (typeof v === "number") {
      if (typeof s.minimum === "number" && v < s.minimum) out.push(`${path}: below ${s.minimum}`);
      if (typeof s.maximum === "number" && v > s.maximum) out.push(`${path}: above ${s.maximum}`);
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === "number" && v.length < s.minItems)
        out.push(`${path}: fewer than ${s.minItems} items`);
      if (typeof s.maxItems === "number" && v.length > s.maxItems)
        out.push(`${path}: more than ${s.maxItems} items`);
      if (s.uniqueItems === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length)
        out.push(`${path}: items are not unique`);
      if (Array.isArray(s.items))
        v.forEach((x, i) => s.items && check((s.items as Schema[])[i] ?? true, x, `${path}[${i}]`, out));
      else if (s.items !== undefined) v.forEach((x, i) => check(s.items as Schema, x, `${path}[${i}]`, out));
    }
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>);
      for (const r of (s.required ?? []) as string[])
        if (!(r in o)) out.push(`${path}: missing required "${r}"`);
      const keys = Object.keys(o);
      if (typeof s.minProperties === "number" && keys.length < s.minProperties)
        out.push(`${path}: fewer than ${s.minProperties} properties`);
      if (typeof s.maxProperties === "number" && keys.length > s.maxProperties)
        out.push(`${path}: more than ${s.maxProperties} properties`);
      for (const key of keys) {
        const at = `${path}.${key}`;
        let matched = false;
        if (key in props) {
          matched = true;
          check(props[key] as Schema, o[key], at, out);
        }
        for (const [p, sub] of patterns) {
          if (new RegExp(p, "u").test(key)) {
            matched = true;
            check(sub, o[key], at, out);
          }
        }
        if (!matched && s.additionalProperties !== undefined)
          check(s.additionalProperties as Schema, o[key], at, out);
      }
      for (const [key, dep] of Object.entries((s.dependencies ?? {}) as Record<string, Json>)) {
        if (!(key in o)) continue;
        if (Array.isArray(dep)) {
          for (const d of dep)
            if (typeof d === "string" && !(d in o)) out.push(`${path}: "${key}" needs "${d}"`);
        } else {
          check(dep as Schema, o, path, out);
        }
      }
    }
    const branches = (list: unknown) =>
      (list as Schema[]).map((b) => {
        const e: string[] = [];
        check(b, v, path, e);
        return e;
      });
    if (Array.isArray(s.allOf)) for (const e of branches(s.allOf)) out.push(...e);
    if (Array.isArray(s.anyOf)) {
      const results = branches(s.anyOf);
      if (!results.some((e) => e.length === 0)) {
        // Adaptive Card alternatives are told apart by `type`: prefer the branch whose type matched.
        const cost = (e: string[]) => e.length + (e.some((x) => /\.type: must be one of/.test(x)) ? 1000 : 0);
        const closest = results.reduce((a, b) => (cost(b) < cost(a) ? b : a));
        out.push(
          `${path}: matches none of ${results.length} alternatives; closest: ${closest.slice(0, 3).join("; ")}`,
        );
      }
    }
    if (Array.isArray(s.oneOf)) {
      const passing = branches(s.oneOf).filter((e) => e.length === 0).length;
      if (passing !== 1) out.push(`${path}: must match exactly one alternative, matches ${passing}`);
    }
    if (s.not !== undefined && branches([s.not])[0]?.length === 0)
      out.push(`${path}: must not match a forbidden shape`);
    if (s.if !== undefined) {
      const ok = branches([s.if])[0]?.length === 0;
      const next = ok ? s.then : s.else;
      if (next !== undefined) check(next as Schema, v, path, out);
    }
  };
  check(root, value, "$", errors);
  return errors;
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
  const unchecked = new Set<string>();
  const manifest = JSON.parse(readFileSync(resolve(appDir, "manifest.json"), "utf8")) as Manifest;
  const sourceFile = (name: string) =>
    existsSync(resolve(appDir, name)) ? readFileSync(resolve(appDir, name)) : undefined;
  problems.push(...manifestProblems(manifest, sourceFile).map((p) => `appPackage: ${p}`));

  const manifestSchemaFile = resolve(schemaDir, "teams-manifest-1.29.schema.json");
  const manifestSchema = existsSync(manifestSchemaFile)
    ? (JSON.parse(readFileSync(manifestSchemaFile, "utf8")) as Schema)
    : undefined;
  if (manifestSchema) {
    problems.push(
      ...schemaErrors(manifestSchema, manifest, unchecked).map((e) => `appPackage/manifest.json: ${e}`),
    );
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
      problems.push(...schemaErrors(manifestSchema, zipped, unchecked).map((e) => `zip manifest.json: ${e}`));
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
      problems.push(...schemaErrors(cardSchema, portable, unchecked).map((e) => `card "${name}": ${e}`));
    }
    console.log(`${cards.length} rendered Adaptive Cards checked against ${cardSchemaFile}`);
  } else console.warn(`skipped the Adaptive Card schema check: ${cardSchemaFile} not found`);

  if (unchecked.size)
    console.warn(`schema keywords not checked by this validator: ${[...unchecked].join(", ")}`);
  for (const p of problems) console.error(p);
  console.log(problems.length ? `teams:validate: ${problems.length} problem(s)` : "teams:validate: ok");
  return problems.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then((code) => process.exit(code));
}
