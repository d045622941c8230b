import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTeamsBot, type TeamsLogger } from "../../../src/adapters/teams/index.js";
import type { Catalog } from "../../../src/core/catalog/catalog.js";
import { fixedCatalog } from "../../../src/core/catalog/catalog.js";
import { loadCatalog } from "../../../src/core/catalog/load.js";
import { encodeButtonState } from "../../../src/core/request-codec.js";
import { STATE_KEY } from "../../../src/render/teams/actions.js";
import { extensionQuery, personalMessage, submitValue } from "../../helpers/teams-activities.js";
import {
  type BotServer,
  type FakeConnector,
  startBotServer,
  startFakeConnector,
} from "../../helpers/teams-http.js";
import {
  channelClaims,
  type FakeOpenId,
  forgeToken,
  rsaKeys,
  startFakeOpenId,
} from "../../helpers/teams-tokens.js";

const APP_ID = "11111111-2222-3333-4444-555555555555";

const recordingLog = () => {
  const lines: string[] = [];
  const errors: unknown[] = [];
  const log: TeamsLogger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m, e) => errors.push([m, e]),
  };
  return { log, lines, errors };
};

/** Any HTTP server on loopback that counts what it is sent: a sidecar or an admin port. */
async function startRecorder(): Promise<{ origin: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let catalog: Catalog;
beforeAll(() => {
  catalog = loadCatalog("knowledge");
});

describe("Teams local mode: the serviceUrl it will post to", () => {
  let server: BotServer;
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  beforeAll(async () => {
    recorder = await startRecorder();
    const bot = createTeamsBot({
      catalog: fixedCatalog(catalog),
      config: { mode: "local" },
      log: recordingLog().log,
    });
    server = await startBotServer(bot.handler);
  });
  afterAll(async () => {
    await server.close();
    await recorder.close();
  });
  afterEach(() => {
    recorder.hits.length = 0;
  });

  it.each([
    ["a path", (o: string) => `${o}/admin/shutdown`],
    ["a query", (o: string) => `${o}/?x=`],
    ["an empty query", (o: string) => `${o}?`],
    ["a fragment", (o: string) => `${o}/#x`],
    ["credentials", (o: string) => o.replace("http://", "http://user:pw@")],
    ["another loopback address", (o: string) => o.replace("127.0.0.1", "127.0.0.2")],
    ["https", (o: string) => o.replace("http://", "https://")],
  ])("refuses a loopback serviceUrl with %s: 403 and nothing posted", async (_name, url) => {
    const res = await server.post(personalMessage(url(recorder.origin), "What is KubeSphere?"));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: "SERVICE_URL_REFUSED", message: expect.any(String) } });
    expect(recorder.hits).toEqual([]);
  });

  it("answers the Emulator's bare origin (with or without the slash)", async () => {
    for (const serviceUrl of [recorder.origin, `${recorder.origin}/`]) {
      recorder.hits.length = 0;
      const res = await server.post(personalMessage(serviceUrl, "What is KubeSphere?"));
      expect(res.status).toBe(200);
      expect(recorder.hits).toHaveLength(1);
      expect(recorder.hits[0]).toMatch(/^POST \/v3\/conversations\//);
    }
  });

  it("deliveryMode expectReplies follows the same rule, and answers in the response body", async () => {
    const refused = await server.post({
      ...personalMessage(`${recorder.origin}/admin`, "What is KubeSphere?"),
      deliveryMode: "expectReplies",
    });
    expect(refused.status).toBe(403);
    const ok = await server.post({
      ...personalMessage(recorder.origin, "What is KubeSphere?"),
      deliveryMode: "expectReplies",
    });
    expect(ok.status).toBe(200);
    const activities = (ok.body as { activities: { attachments?: unknown[] }[] }).activities;
    expect(activities).toHaveLength(1);
    expect(activities[0]?.attachments).toHaveLength(1);
    expect(recorder.hits).toEqual([]);
  });

  it("errors on /api/messages have the {error: {code, message}} shape of every other route", async () => {
    const missing = await server.post({ type: "message" });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: { code: "INVALID_ACTIVITY", message: expect.any(String) } });
  });
});

describe("Teams with an app id: forged tokens", () => {
  let openId: FakeOpenId;
  let connector: FakeConnector;
  let server: BotServer;
  const rec = recordingLog();
  const published = rsaKeys();
  const forger = rsaKeys();

  beforeAll(async () => {
    openId = await startFakeOpenId(published.publicKey);
    connector = await startFakeConnector();
    const config = { mode: "authenticated" as const, appId: APP_ID, appType: "MultiTenant" as const };
    Object.defineProperty(config, "password", { value: "s3cret-value-xyz", enumerable: false });
    const bot = createTeamsBot({
      catalog: fixedCatalog(catalog),
      config,
      log: rec.log,
      openIdMetadataUrl: openId.metadataUrl,
    });
    server = await startBotServer(bot.handler);
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
    await openId.close();
  });

  const forgeries = () => {
    const claims = channelClaims(APP_ID, connector.url);
    return [
      [
        "a signature by another key",
        forgeToken(claims, { kind: "wrong-key", key: forger.privateKey, kid: openId.kid }),
      ],
      ["no signature (alg none)", forgeToken(claims, { kind: "unsigned", kid: openId.kid })],
      ["HS256 (algorithm confusion)", forgeToken(claims, { kind: "hmac", secret: "guess", kid: openId.kid })],
      ["an unknown key id", forgeToken(claims, { kind: "wrong-key", key: forger.privateKey, kid: "nope" })],
    ] as const;
  };

  it("answers 401 with a generic body to every forgery, never 500, and runs no turn", async () => {
    const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const [name, token] of forgeries()) {
        const res = await server.post(personalMessage(connector.url, "What is KubeSphere?"), {
          authorization: `Bearer ${token}`,
        });
        expect(res.status, name).toBe(401);
        expect(res.body, name).toEqual({ error: { code: "UNAUTHORIZED", message: "not authenticated" } });
      }
      expect(openId.served).toBeGreaterThan(0);
      expect(connector.calls).toEqual([]);
      expect(rec.errors).toEqual([]);
      expect(rec.lines.filter((l) => /not authenticated/.test(l))).toHaveLength(forgeries().length);
    } finally {
      stderr.mockRestore();
    }
  });

  it("answers 401 when the signing keys cannot be fetched, without the network error's detail", async () => {
    const closed = await startRecorder();
    const unreachable = `${closed.origin}/v1/.well-known/openidconfiguration`;
    await closed.close();
    const offline = createTeamsBot({
      catalog: fixedCatalog(catalog),
      config: {
        mode: "authenticated",
        appId: APP_ID,
        appType: "UserAssignedMSI",
        tenantId: "contoso.onmicrosoft.com",
      },
      log: recordingLog().log,
      openIdMetadataUrl: unreachable,
    });
    const srv = await startBotServer(offline.handler);
    try {
      const token = forgeToken(channelClaims(APP_ID, connector.url), {
        kind: "wrong-key",
        key: forger.privateKey,
        kid: "any",
      });
      const res = await srv.post(personalMessage(connector.url, "hi"), { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|fetch/);
    } finally {
      await srv.close();
    }
  });
});

describe("Teams: real payloads", () => {
  let connector: FakeConnector;
  let server: BotServer;
  const rec = recordingLog();
  beforeAll(async () => {
    connector = await startFakeConnector();
    const bot = createTeamsBot({ catalog: fixedCatalog(catalog), config: { mode: "local" }, log: rec.log });
    server = await startBotServer(bot.handler);
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });
  afterEach(() => {
    connector.calls.length = 0;
    rec.errors.length = 0;
  });

  const cardText = () =>
    JSON.stringify(connector.calls[0]?.body.attachments ?? connector.calls[0]?.body.text);

  it("a message with both text and one of our Action.Submit values is the click, not a question", async () => {
    const value = {
      [STATE_KEY]: JSON.parse(
        encodeButtonState({ request: { type: "product", id: "kubesphere", lang: "en" } }),
      ),
    };
    const res = await server.post({ ...submitValue(connector.url, value), text: "Details" });
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(cardText()).toContain("KubeSphere");
    // Read as a question, "Details" would have been not-found.
    expect(cardText()).not.toMatch(/not in the catalog|Did you mean/i);
  });

  it("text with a value that is not ours is still a question", async () => {
    await server.post({ ...submitValue(connector.url, { other: 1 }), text: "What is KubeSphere?" });
    expect(cardText()).toContain("KubeSphere");
  });

  it.each([
    ["adaptiveCard/action", { action: { type: "Action.Execute", verb: "x", data: {} }, trigger: "manual" }],
    ["task/fetch", { data: { type: "task/fetch" } }],
    ["task/submit", { data: {} }],
    ["composeExtension/fetchTask", { commandId: "x" }],
    ["some/otherInvoke", {}],
  ])("an unhandled %s invoke gets 200, no error line", async (name, value) => {
    const res = await server.post({ ...personalMessage(connector.url, ""), type: "invoke", name, value });
    expect(res.status).toBe(200);
    expect(rec.errors).toEqual([]);
  });

  it.each([
    ["parameters an object", { parameters: { name: "query", value: "kube" } }],
    ["parameters a string", { parameters: "kube" }],
    ["parameters with null entries", { parameters: [null, 1, { name: "query", value: 7 }] }],
    ["queryOptions a string", { queryOptions: "all" }],
    ["value null", null],
  ])("composeExtension/query with %s answers 200 without a turn error", async (_name, extra) => {
    const base = extensionQuery(connector.url, "kube");
    const activity =
      extra === null ? { ...base, value: null } : { ...base, value: { ...base.value, ...extra } };
    const res = await server.post(activity);
    expect(res.status).toBe(200);
    expect(res.body).toHaveProperty("composeExtension");
    expect(rec.errors).toEqual([]);
  });

  it("a compare of the same product twice answers that product, not 'X vs X'", async () => {
    const value = {
      [STATE_KEY]: JSON.parse(
        encodeButtonState({ request: { type: "compare", ids: ["kubesphere", "kubesphere"], lang: "en" } }),
      ),
    };
    await server.post(submitValue(connector.url, value));
    expect(connector.calls).toHaveLength(1);
    expect(cardText()).toContain("KubeSphere");
    expect(cardText()).not.toMatch(/KubeSphere[^"]{0,20}vs\.?[^"]{0,20}KubeSphere/);
  });
});
