import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEAMS_MESSAGES_PATH } from "../../src/adapters/teams/index.js";
import type { Answer } from "../../src/core/answer.js";
import { pageCount } from "../../src/render/teams/card.js";
import type { AdaptiveCard, CardAction, CardElement } from "../../src/render/teams/types.js";
import { API_BODY_LIMIT, MAX_QUESTION_CHARS } from "../../src/server/api.js";
import { ROUTES } from "../../src/server/routes.js";
import type { RunningServer } from "../../src/server/server.js";
import { type CapturedLogger, postJson, startTestServer } from "./helpers.js";

interface AskResponse {
  answer: { intent: string; lang: string; title: string; followUps: unknown[] };
  page: number;
  slack: { text: string; blocks: { type: string; elements?: { value?: string }[] }[] };
  teams: AdaptiveCard;
}

/** Every Action.Submit in a card, wherever it sits. */
function submits(card: AdaptiveCard): { title: string; data: unknown }[] {
  const out: { title: string; data: unknown }[] = [];
  const visitActions = (actions: readonly CardAction[] = []) => {
    for (const a of actions) if (a.type === "Action.Submit") out.push({ title: a.title ?? "", data: a.data });
  };
  const walk = (els: readonly CardElement[]) => {
    for (const el of els) {
      if (el.type === "ActionSet") visitActions(el.actions);
      if (el.type === "Container") walk(el.items);
      if (el.type === "ColumnSet") for (const c of el.columns) walk(c.items ?? []);
    }
  };
  walk(card.body);
  visitActions(card.actions);
  return out;
}

describe("the one server", () => {
  let server: RunningServer & { log: CapturedLogger };
  const url = (path: string) => `${server.url}${path}`;
  const ask = async (body: unknown) => {
    const res = await postJson(url(ROUTES.ask), body);
    return {
      status: res.status,
      body: (await res.json()) as AskResponse & { error?: { code: string; message: string } },
    };
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  describe("probes", () => {
    it("/healthz answers while the process serves", async () => {
      const res = await fetch(url(ROUTES.health));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
    });

    it("/readyz is 200 with the catalog and front doors once started", async () => {
      const res = await fetch(url(ROUTES.ready));
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        status: string;
        catalog: { products: number; version: string };
        frontDoors: Record<string, string>;
      };
      expect(body.status).toBe("ready");
      expect(body.catalog.products).toBeGreaterThan(10);
      expect(body.catalog.version).toMatch(/^[0-9a-f]{12}$/);
      expect(body.frontDoors).toEqual({ slack: "off", teams: "on", playground: "on" });
    });

    it("echoes a caller's request id and makes one otherwise", async () => {
      const given = await fetch(url(ROUTES.health), { headers: { "x-request-id": "trace-12345678" } });
      expect(given.headers.get("x-request-id")).toBe("trace-12345678");
      const made = await fetch(url(ROUTES.health), { headers: { "x-request-id": "<script>" } });
      expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe("startup", () => {
    it("logs one line per front door, on or off and why", () => {
      const doors = server.log.events().filter((e) => "front" in e);
      expect(doors.map((e) => e.msg)).toEqual([
        "slack: off (SLACK_BOT_TOKEN is not set)",
        expect.stringMatching(/^teams: on \(LOCAL MODE .*TEAMS_LOCAL=1.*POST \/api\/messages\)$/),
        expect.stringMatching(/^playground: on \(http:\/\/localhost:\d+\/\)$/),
      ]);
      expect(server.log.events().some((e) => e.msg === "ready" && typeof e.startupMs === "number")).toBe(
        true,
      );
    });

    it("serves Teams on the adapter's own path", () => {
      expect(ROUTES.teams).toBe(TEAMS_MESSAGES_PATH);
    });
  });

  describe("playground page", () => {
    it("serves the page, its scripts and the official Adaptive Cards renderer", async () => {
      const page = await fetch(url(ROUTES.playground));
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
      const html = await page.text();
      expect(html).toContain("paas-bot playground");
      for (const src of [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1] as string)) {
        const asset = await fetch(url(src));
        expect(asset.status, src).toBe(200);
      }
      const renderer = await fetch(url(ROUTES.adaptiveCards));
      expect(renderer.headers.get("content-type")).toContain("javascript");
      expect(await renderer.text()).toContain("AdaptiveCards");
    });

    it("lists example questions in both languages", async () => {
      const res = await fetch(url(ROUTES.examples));
      const body = (await res.json()) as { en: string[]; zh: string[] };
      expect(body.en.length).toBeGreaterThan(0);
      expect(body.zh.every((q) => /[\u4e00-\u9fff]/.test(q))).toBe(true);
    });
  });

  describe("ask API", () => {
    it("answers in English with the Slack message and the Teams card", async () => {
      const { status, body } = await ask({ q: "What is ACK One?" });
      expect(status).toBe(200);
      expect(body.answer.intent).toBe("product");
      expect(body.answer.lang).toBe("en");
      expect(body.page).toBe(1);
      expect(body.slack.blocks[0]?.type).toBe("header");
      expect(body.slack.text.length).toBeGreaterThan(0);
      expect(body.teams).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    });

    it("answers in Chinese", async () => {
      const { status, body } = await ask({ q: "阿里云 ACK One 是什么？" });
      expect(status).toBe(200);
      expect(body.answer.lang).toBe("zh");
      expect(body.answer.title).toMatch(/阿里云/);
    });

    it("follows a card button: its Action.Submit data is a valid request", async () => {
      const first = (await ask({ q: "What is ACK One?" })).body;
      const buttons = submits(first.teams);
      expect(buttons.length).toBeGreaterThan(0);
      const requests = buttons.filter(
        (b) => !JSON.stringify(b.data).includes("paasCompare") && !("feedback" in (b.data as object)),
      );
      for (const b of requests) {
        const next = await ask({ action: b.data });
        expect(next.status, b.title).toBe(200);
        expect(next.body.answer.lang).toBe("en");
      }
    });

    it("follows a Slack button: its value is a valid state", async () => {
      const first = (await ask({ q: "Which options work fully air-gapped?" })).body;
      const values = first.slack.blocks.flatMap((b) =>
        (b.elements ?? []).flatMap((e) => (e.value ? [e.value] : [])),
      );
      expect(values.length).toBeGreaterThan(0);
      const next = await ask({ state: values[0] });
      expect(next.status).toBe(200);
    });

    it("reports an incomplete compare pick in the card's language", async () => {
      const { status, body } = await ask({ action: { paasCompare: { lang: "zh" }, paasPick: "ack" } });
      expect(status).toBe(400);
      expect(body.error?.code).toBe("PICK_INCOMPLETE");
      expect(body.error?.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it.each([
      ["no field", {}],
      ["two fields", { q: "ACK", action: { paas: {} } }],
      ["an empty question", { q: "   " }],
      ["a non-string question", { q: 42 }],
      ["a question too long", { q: "x".repeat(MAX_QUESTION_CHARS + 1) }],
      ["a forged action", { action: { paas: { r: { type: "drop-tables" } } } }],
      ["a forged state", { state: "{not json" }],
      ["an array", [{ q: "ACK" }]],
    ])("refuses %s with 400", async (_name, body) => {
      const res = await ask(body);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe("INVALID_REQUEST");
    });

    it("refuses malformed JSON with 400", async () => {
      const res = await postJson(url(ROUTES.ask), '{"q": "ACK');
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "BAD_JSON" } });
    });

    it(`refuses a body over ${API_BODY_LIMIT} with 413`, async () => {
      const res = await postJson(url(ROUTES.ask), { q: "x".repeat(64 * 1024) });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: "BODY_TOO_LARGE" } });
    });

    it("refuses a body that is not JSON with 415", async () => {
      const res = await fetch(url(ROUTES.ask), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "q=ACK",
      });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    });

    it("answers unknown routes with a JSON 404", async () => {
      const res = await fetch(url("/nope"));
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    });
  });

  describe("logs", () => {
    it("log each request with id, platform, intent, latency and outcome, as one JSON object a line", async () => {
      const reqId = "logs-test-0001";
      await postJson(url(ROUTES.ask), { q: "What does Huawei offer?" }, { "x-request-id": reqId });
      const line = server.log.events().find((e) => e.msg === "request" && e.reqId === reqId);
      expect(line).toMatchObject({ path: ROUTES.ask, intent: "vendor" });
      expect(line).toMatchObject({ level: "info", platform: "playground", status: 200, outcome: "ok" });
      expect(line?.reqId).toEqual(expect.any(String));
      expect(line?.latencyMs).toEqual(expect.any(Number));
      expect(typeof line?.time).toBe("string");
      // What it was answered, on the same line: the question as its length and hash only.
      expect(line).toMatchObject({ lang: "en", request: "ask", qLen: "What does Huawei offer?".length });
      expect(line?.items).toBeGreaterThan(0);
      expect(line?.answerMs).toEqual(expect.any(Number));
      expect(line?.qHash).toMatch(/^[0-9a-f]{12}$/);
      expect(JSON.stringify(line)).not.toContain("Huawei");
      expect(server.log.events().filter((e) => e.reqId === line?.reqId && e.level !== "debug")).toHaveLength(
        1,
      );
    });
  });
});

describe("HTTP limits", () => {
  const rawSocket = async (url: string) => {
    const { connect } = await import("node:net");
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    let data = "";
    socket.on("data", (c) => {
      data += c.toString();
    });
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    return { socket, closed, data: () => data };
  };

  it("defaults: slow requests are cut, connections capped, keep-alive outlives a load balancer's 60 s", async () => {
    const { HTTP_LIMITS } = await import("../../src/server/config.js");
    expect(HTTP_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(60_000);
    expect(HTTP_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(HTTP_LIMITS.requestTimeoutMs);
    expect(HTTP_LIMITS.keepAliveTimeoutMs).toBeGreaterThan(60_000);
    expect(Number.isFinite(HTTP_LIMITS.maxConnections)).toBe(true);
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.headers.get("keep-alive")).toBe(`timeout=${HTTP_LIMITS.keepAliveTimeoutMs / 1000}`);
    } finally {
      await server.close();
    }
  });

  it("drops a connection that never finishes its headers", async () => {
    const { HTTP_LIMITS } = await import("../../src/server/config.js");
    const server = await startTestServer(
      {},
      { http: { ...HTTP_LIMITS, headersTimeoutMs: 300, requestTimeoutMs: 300 } },
    );
    try {
      const slow = await rawSocket(server.url);
      slow.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
      await slow.closed;
      expect(slow.data()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await server.close();
    }
  });

  it("closes connections beyond the cap and keeps serving the others", async () => {
    const { HTTP_LIMITS } = await import("../../src/server/config.js");
    const server = await startTestServer({}, { http: { ...HTTP_LIMITS, maxConnections: 2 } });
    try {
      const held = [await rawSocket(server.url), await rawSocket(server.url)];
      const extra = await rawSocket(server.url);
      extra.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      await extra.closed;
      expect(extra.data()).toBe("");
      for (const h of held) h.socket.destroy();
      await Promise.all(held.map((h) => h.closed));
      await new Promise((r) => setTimeout(r, 50));
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("the playground API with forged button state", () => {
  it("reports the page it shows, never a forged page number", async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.url}${ROUTES.ask}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ state: { r: { type: "product", id: "kubesphere", lang: "en" }, p: 999 } }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { page: number; answer: Answer };
      // The last page there is (an answer pages on, its last page lists every source), never 999.
      expect(body.page).toBe(pageCount(body.answer));
      expect(body.page).toBeLessThan(999);
    } finally {
      await server.close();
    }
  });
});
