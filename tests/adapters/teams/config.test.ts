import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { describeTeamsConfig, teamsConfigFromEnv } from "../../../src/adapters/teams/config.js";
import { ConfigError } from "../../../src/config-error.js";

const APP_ID = "11111111-2222-3333-4444-555555555555";
const TENANT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const SECRET = "very-secret-password~value";

const fails = (env: Record<string, string>) => {
  try {
    teamsConfigFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("teamsConfigFromEnv", () => {
  it("is off with nothing set (blank counts as unset): a missing Secret never means local mode", () => {
    expect(teamsConfigFromEnv({})).toEqual({ mode: "off" });
    expect(teamsConfigFromEnv({ MicrosoftAppId: "  ", MicrosoftAppPassword: "" })).toEqual({ mode: "off" });
    expect(teamsConfigFromEnv({ TEAMS_LOCAL: "0" })).toEqual({ mode: "off" });
  });

  it("is local mode only with TEAMS_LOCAL=1, and says so loudly", () => {
    expect(teamsConfigFromEnv({ TEAMS_LOCAL: "1" })).toEqual({ mode: "local" });
    const line = describeTeamsConfig({ mode: "local" });
    expect(line.level).toBe("warn");
    expect(line.message).toMatch(/LOCAL MODE.*Emulator/);
    expect(fails({ TEAMS_LOCAL: "yes please" }).variable).toBe("TEAMS_LOCAL");
    const both = fails({ TEAMS_LOCAL: "1", MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET });
    expect(both).toMatchObject({ code: "CONFIG_CONFLICT", variable: "TEAMS_LOCAL" });
    expect(both.message).not.toContain(SECRET);
  });

  it("reads MultiTenant (the default), SingleTenant and UserAssignedMSI", () => {
    expect(teamsConfigFromEnv({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET })).toMatchObject({
      mode: "authenticated",
      appId: APP_ID,
      appType: "MultiTenant",
      password: SECRET,
    });
    expect(
      teamsConfigFromEnv({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: SECRET,
        MicrosoftAppType: "singletenant",
        MicrosoftAppTenantId: TENANT,
      }),
    ).toMatchObject({ appType: "SingleTenant", tenantId: TENANT });
    const msi = teamsConfigFromEnv({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: "UserAssignedMSI",
      MicrosoftAppTenantId: "contoso.onmicrosoft.com",
    });
    expect(msi).toMatchObject({ appType: "UserAssignedMSI", tenantId: "contoso.onmicrosoft.com" });
    expect(msi).not.toHaveProperty("password");
  });

  it("never shows the password when the config is logged or serialised", () => {
    const config = teamsConfigFromEnv({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET });
    expect(JSON.stringify(config)).not.toContain(SECRET);
    expect(inspect(config)).not.toContain(SECRET);
    expect(String(Object.values(config))).not.toContain(SECRET);
    expect(describeTeamsConfig(config)).toEqual({
      level: "info",
      message: `Teams: authenticating as app ${APP_ID} (MultiTenant)`,
    });
  });

  it.each([
    [{ MicrosoftAppPassword: SECRET }, "CONFIG_CONFLICT", "MicrosoftAppId"],
    [{ MicrosoftAppTenantId: TENANT }, "CONFIG_CONFLICT", "MicrosoftAppId"],
    [{ MicrosoftAppId: "my-bot", MicrosoftAppPassword: SECRET }, "CONFIG_MALFORMED", "MicrosoftAppId"],
    [{ MicrosoftAppId: APP_ID }, "CONFIG_CONFLICT", "MicrosoftAppPassword"],
    [
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppType: "Federated" },
      "CONFIG_MALFORMED",
      "MicrosoftAppType",
    ],
    [
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppType: "SingleTenant" },
      "CONFIG_CONFLICT",
      "MicrosoftAppTenantId",
    ],
    [
      { MicrosoftAppId: APP_ID, MicrosoftAppType: "UserAssignedMSI" },
      "CONFIG_CONFLICT",
      "MicrosoftAppTenantId",
    ],
    [
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: SECRET,
        MicrosoftAppType: "SingleTenant",
        MicrosoftAppTenantId: "not a tenant",
      },
      "CONFIG_MALFORMED",
      "MicrosoftAppTenantId",
    ],
  ])("rejects %j with %s, naming %s in one line", (env, code, variable) => {
    const error = fails(env);
    expect(error.code).toBe(code);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).not.toContain("\n");
    expect(error.message).not.toContain(SECRET);
  });
});
