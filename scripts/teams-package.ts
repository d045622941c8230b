// Builds the Teams app package: `npm run teams:package` writes build/paas-bot-teams.zip with
// manifest.json and the two icons at the zip's root, the bot id filled in from the environment
// (MicrosoftAppId, else TEAMS_APP_ID). Upload the zip in Teams as a custom app.
// The zip is written with node:zlib and a minimal zip writer: no dependency for one small file.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { config as loadDotenv } from "dotenv";
import { ConfigError } from "../src/config-error.js";
import { CodedError } from "../src/core/coded-error.js";

export const PACKAGE_FILES = ["manifest.json", "color.png", "outline.png"] as const;
export const PLACEHOLDER_BOT_ID = "00000000-0000-0000-0000-000000000000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The package sources cannot be read. A missing or malformed bot id is a ConfigError, like every setting. */
export type TeamsPackageErrorCode = "TEAMS_PACKAGE_SOURCE";

export class TeamsPackageError extends CodedError<TeamsPackageErrorCode> {
  override readonly name = "TeamsPackageError";
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

// 1980-01-01 00:00, the DOS epoch: a fixed timestamp makes the zip reproducible byte for byte.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip archive (deflate, no zip64: the package is a few kilobytes). */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, compressed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Reads a zip written by `writeZip` or any plain (non-zip64) archive; checks every CRC. */
export function readZip(zip: Buffer): ZipEntry[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error("not a zip file (no end of central directory)");
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory entry");
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : undefined;
    if (!data) throw new Error(`${name}: unsupported compression method ${method}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.push({ name, data });
    at += 46 + nameLength + extra;
  }
  return entries;
}

type Env = Readonly<Record<string, string | undefined>>;
type Manifest = Record<string, unknown> & {
  bots?: { botId?: string }[];
  composeExtensions?: { botId?: string }[];
};

/** The bot's Microsoft app id: MicrosoftAppId (what the bot itself runs with), else TEAMS_APP_ID. */
export function botIdFromEnv(env: Env): string {
  const name = env.MicrosoftAppId?.trim() ? "MicrosoftAppId" : "TEAMS_APP_ID";
  const id = env[name]?.trim();
  if (!id)
    throw new ConfigError(
      "CONFIG_MISSING",
      "MicrosoftAppId",
      "MicrosoftAppId (or TEAMS_APP_ID) is not set: the package needs the bot's Microsoft app id (a GUID from the Azure Bot / Developer Portal registration)",
    );
  if (!GUID.test(id) || id === PLACEHOLDER_BOT_ID)
    throw new ConfigError("CONFIG_MALFORMED", name, `${name} must be the bot's Microsoft app id, a GUID`);
  return id;
}

/** The manifest with the bot id in the bot and in the message extension (they are the same bot). */
export function fillManifest(source: Manifest, botId: string): Manifest {
  return {
    ...source,
    bots: (source.bots ?? []).map((b) => ({ ...b, botId })),
    composeExtensions: (source.composeExtensions ?? []).map((c) => ({ ...c, botId })),
  };
}

export function buildTeamsPackage(sourceDir: string, env: Env): { manifest: Manifest; zip: Buffer } {
  const botId = botIdFromEnv(env);
  const read = (name: string) => {
    try {
      return readFileSync(resolve(sourceDir, name));
    } catch (cause) {
      throw new TeamsPackageError("TEAMS_PACKAGE_SOURCE", `${sourceDir}/${name} cannot be read`, { cause });
    }
  };
  let source: Manifest;
  try {
    source = JSON.parse(read("manifest.json").toString("utf8")) as Manifest;
  } catch (cause) {
    if (cause instanceof TeamsPackageError) throw cause;
    throw new TeamsPackageError("TEAMS_PACKAGE_SOURCE", `${sourceDir}/manifest.json is not valid JSON`, {
      cause,
    });
  }
  const manifest = fillManifest(source, botId);
  const zip = writeZip([
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8") },
    { name: "color.png", data: read("color.png") },
    { name: "outline.png", data: read("outline.png") },
  ]);
  return { manifest, zip };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  loadDotenv({ quiet: true });
  const out = resolve(process.argv[2] ?? "build/paas-bot-teams.zip");
  try {
    const { manifest, zip } = buildTeamsPackage(resolve("appPackage"), process.env);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    const botId = manifest.bots?.[0]?.botId;
    console.log(
      `wrote ${out} (${zip.length} bytes): ${PACKAGE_FILES.join(", ")}; bot ${botId}, app ${String(manifest.id)}`,
    );
    console.log(
      "check it with `npm run teams:validate`, then upload it in Teams: Apps > Manage your apps > Upload an app.",
    );
  } catch (error) {
    if (!(error instanceof TeamsPackageError) && !(error instanceof ConfigError)) throw error;
    console.error(`teams:package failed (${error.code}): ${error.message}`);
    process.exit(1);
  }
}
