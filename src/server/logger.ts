import { format } from "node:util";

/**
 * One JSON object per line per event. Secrets never reach a line: the known secret values and
 * anything shaped like a Slack token or a bearer credential are scrubbed, as a net under the rule
 * that callers do not log them in the first place. Scrubbing runs on the serialised line, so each
 * secret is also looked for in the escaped forms serialisation gives it (a `"` or `\` in a
 * secret is written `\"` or `\\`, once per level of JSON it sits in).
 */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  enabled(level: LogLevel): boolean;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go (default: stdout). Tests capture them here. */
  write?: (line: string) => void;
  /** Exact values to scrub wherever they appear (tokens, passwords). */
  secrets?: readonly string[];
  now?: () => Date;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const REDACTED = "[REDACTED]";
/**
 * Text that every match of TOKEN_SHAPES contains (case as the shapes allow): a line without any of
 * these cannot match, so the shapes are not run on it.
 */
const TOKEN_CUES = ["xox", "xapp-", "earer", "EARER", "asic", "ASIC"];
const TOKEN_SHAPES = [
  // Not \b: `_` is a word character, so `token_xoxb-…` would not start a match.
  /(?<![A-Za-z0-9])xox[a-z]-[A-Za-z0-9-]{8,}/g,
  /(?<![A-Za-z0-9])xapp-[A-Za-z0-9-]{8,}/g,
  // A credential after the scheme has a digit, a symbol or an inner capital; plain words ("Basic Information") do not.
  /\b([Bb]earer|[Bb]asic|BEARER|BASIC)\s+(?=[A-Za-z0-9._~+/=-]*(?:[0-9+/=._~-]|[a-z][A-Z]))[A-Za-z0-9._~+/=-]{8,}/g,
];

export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  // Short values would scrub ordinary words; every real secret here is long.
  const secrets = [
    ...new Set((options.secrets ?? []).filter((s) => s.length >= 8).flatMap(escapedForms)),
  ].sort((a, b) => b.length - a.length);
  const level = options.level ?? "info";
  /**
   * Whether a line may hold something to scrub: a known secret, or the fixed text every token shape
   * starts with. Most lines hold neither, and a few `includes` cost far less than the regexes.
   */
  const suspect = (line: string): boolean => {
    for (const cue of TOKEN_CUES) if (line.includes(cue)) return true;
    for (const s of secrets) if (line.includes(s)) return true;
    return false;
  };
  const scrub = (line: string) => {
    if (!suspect(line)) return line;
    let out = line;
    for (const s of secrets) out = out.split(s).join(REDACTED);
    for (const shape of TOKEN_SHAPES) out = out.replace(shape, REDACTED);
    return out;
  };
  const make = (base: LogFields): Logger => {
    const emit = (at: LogLevel, msg: string, fields?: LogFields) => {
      if (RANK[at] < RANK[level]) return;
      const event: LogFields = { time: now().toISOString(), level: at, msg, ...base };
      if (fields) addFields(event, fields);
      write(scrub(JSON.stringify(event)));
    };
    return {
      level,
      enabled: (at) => RANK[at] >= RANK[level],
      debug: (msg, fields) => emit("debug", msg, fields),
      info: (msg, fields) => emit("info", msg, fields),
      warn: (msg, fields) => emit("warn", msg, fields),
      error: (msg, fields) => emit("error", msg, fields),
      child: (fields) => make({ ...base, ...fields }),
    };
  };
  return make({});
}

/** A secret as it appears in text, in a JSON string, and in a JSON string inside a JSON string. */
function escapedForms(secret: string): string[] {
  const once = JSON.stringify(secret).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  return [secret, once, twice];
}

/**
 * Sends what libraries print with console.* (botbuilder prints stack traces and key material to
 * stderr) through the logger instead: one scrubbed JSON line each, never raw multi-line text around
 * the log. Returns a function that puts the console back.
 */
export function routeConsole(logger: Logger, target: Console = console): () => void {
  const saved = {
    error: target.error,
    warn: target.warn,
    info: target.info,
    log: target.log,
    debug: target.debug,
  };
  const to =
    (level: LogLevel) =>
    (...args: unknown[]) => {
      if (!logger.enabled(level)) return;
      const error = args.find((a): a is Error => a instanceof Error);
      const text = format(...args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : a)));
      logger[level](text.split("\n")[0]?.slice(0, 500) ?? "", {
        component: "console",
        ...(error ? { error } : {}),
      });
    };
  target.error = to("error");
  target.warn = to("warn");
  target.info = to("info");
  target.log = to("info");
  target.debug = to("debug");
  return () => Object.assign(target, saved);
}

/** Copies fields onto the event: errors become {name, code, message, stack}; undefined fields are dropped. */
function addFields(event: LogFields, fields: LogFields): void {
  for (const key in fields) {
    if (!Object.hasOwn(fields, key)) continue;
    const value = fields[key];
    if (value === undefined) continue;
    event[key] = value instanceof Error ? errorFields(value) : value;
  }
}

export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    message: error.message,
    ...(error.stack ? { stack: error.stack.split("\n").slice(0, 8).join("\n") } : {}),
  };
}

/** A logger that drops everything: for callers that do not care. */
export const silentLogger: Logger = createLogger({ write: () => {}, level: "error" });
