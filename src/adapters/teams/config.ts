/**
 * Teams credentials from the environment (the names Azure Bot and the botbuilder samples use).
 * Without them Teams is off: the unauthenticated local mode for the Bot Framework Emulator is only
 * ever an explicit choice (TEAMS_LOCAL=1), because a missing Secret must never open the endpoint.
 */

import { ConfigError, type ConfigErrorCode } from "../../config-error.js";

export type TeamsAppType = "MultiTenant" | "SingleTenant" | "UserAssignedMSI";

export type TeamsConfig =
  /** No credentials and no TEAMS_LOCAL=1: /api/messages is not served. */
  | { mode: "off" }
  | { mode: "local" }
  | {
      mode: "authenticated";
      appId: string;
      appType: TeamsAppType;
      /** Required for SingleTenant and UserAssignedMSI. */
      tenantId?: string;
      /** Not used by UserAssignedMSI. Kept off enumeration so a logged config cannot leak it. */
      readonly password?: string;
    };

/** A bad Teams setting: one line, "<variable>: <what is wrong>", never the secret's value. */
const badSetting = (code: ConfigErrorCode, variable: string, detail: string) =>
  new ConfigError(code, variable, `${variable}: ${detail}`);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Entra ID accepts a tenant as its GUID or as a verified domain (contoso.onmicrosoft.com). */
const TENANT_DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const APP_TYPES: readonly TeamsAppType[] = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

type Env = Readonly<Record<string, string | undefined>>;

export function teamsConfigFromEnv(env: Env = process.env): TeamsConfig {
  const get = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const appId = get("MicrosoftAppId");
  const password = get("MicrosoftAppPassword");
  const rawType = get("MicrosoftAppType");
  const tenantId = get("MicrosoftAppTenantId");
  const local = localFlag(get("TEAMS_LOCAL"));

  if (local && appId)
    throw badSetting(
      "CONFIG_CONFLICT",
      "TEAMS_LOCAL",
      "is 1, but MicrosoftAppId is set (local mode is unauthenticated: set one or the other)",
    );
  if (!appId) {
    // A secret without an id is a half-done setup, not a request for local mode.
    for (const [name, value] of [
      ["MicrosoftAppPassword", password],
      ["MicrosoftAppType", rawType],
      ["MicrosoftAppTenantId", tenantId],
    ] as const) {
      if (value)
        throw badSetting(
          "CONFIG_CONFLICT",
          "MicrosoftAppId",
          `is not set, but ${name} is (set both, or neither for local mode)`,
        );
    }
    return local ? { mode: "local" } : { mode: "off" };
  }
  if (!GUID.test(appId)) {
    throw badSetting(
      "CONFIG_MALFORMED",
      "MicrosoftAppId",
      "must be the bot's Microsoft app id, a GUID like 00000000-0000-0000-0000-000000000000",
    );
  }
  const appType =
    rawType === undefined ? "MultiTenant" : APP_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase());
  if (!appType) {
    throw badSetting("CONFIG_MALFORMED", "MicrosoftAppType", `must be one of ${APP_TYPES.join(", ")}`);
  }
  if (appType !== "MultiTenant" && !tenantId) {
    throw badSetting(
      "CONFIG_CONFLICT",
      "MicrosoftAppTenantId",
      `is required when MicrosoftAppType is ${appType}`,
    );
  }
  if (tenantId && !GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
    throw badSetting(
      "CONFIG_MALFORMED",
      "MicrosoftAppTenantId",
      "must be a tenant GUID or a domain such as contoso.onmicrosoft.com",
    );
  }
  if (appType !== "UserAssignedMSI" && !password) {
    throw badSetting(
      "CONFIG_CONFLICT",
      "MicrosoftAppPassword",
      `is required when MicrosoftAppType is ${appType}`,
    );
  }
  const config: TeamsConfig = { mode: "authenticated", appId, appType, ...(tenantId ? { tenantId } : {}) };
  if (password && appType !== "UserAssignedMSI")
    Object.defineProperty(config, "password", { value: password, enumerable: false });
  return config;
}

function localFlag(raw: string | undefined): boolean {
  if (raw === undefined || raw === "0" || raw.toLowerCase() === "false") return false;
  if (raw === "1" || raw.toLowerCase() === "true") return true;
  throw badSetting("CONFIG_MALFORMED", "TEAMS_LOCAL", "must be 1 (local Emulator mode) or 0");
}

/** A line safe to log at start; local mode is a warning on purpose. */
export function describeTeamsConfig(config: TeamsConfig): { level: "info" | "warn"; message: string } {
  if (config.mode === "off") {
    return { level: "info", message: "Teams: off (MicrosoftAppId is not set, TEAMS_LOCAL is not 1)" };
  }
  if (config.mode === "local") {
    return {
      level: "warn",
      message:
        "Teams: TEAMS_LOCAL=1: LOCAL MODE for the Bot Framework Emulator. Requests are NOT authenticated; never expose this endpoint.",
    };
  }
  const tenant = config.tenantId ? `, tenant ${config.tenantId}` : "";
  return {
    level: "info",
    message: `Teams: authenticating as app ${config.appId} (${config.appType}${tenant})`,
  };
}
