import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A Web API call (`POST /api/<method>`) or a response_url post (`POST /response/<id>`), as received. */
export interface Captured {
  kind: "api" | "response_url";
  /** The API method, or the response_url id. */
  method: string;
  body: Record<string, unknown>;
  /** The bearer token sent, to check which token each call used. */
  token?: string;
}

type Predicate = (c: Captured) => boolean;

/** The JSON fields the Web API client sends form-encoded as JSON strings. */
const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata"]);

/**
 * A stand-in for slack.com on 127.0.0.1: records every call and answers `{ok: true}` with whatever the
 * bot needs (auth.test identity, a message ts, the Socket Mode URL). Nothing leaves the machine.
 */
export class FakeSlackApi {
  readonly calls: Captured[] = [];
  socketUrl = "";
  private waiters: { predicate: Predicate; resolve: (c: Captured) => void }[] = [];
  private failures = new Map<string, string>();
  private gates = new Map<string, Promise<void>>();
  private counter = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<FakeSlackApi> {
    let api: FakeSlackApi | undefined;
    const server = createServer((req, res) => {
      void api?.handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    api = new FakeSlackApi(server, `http://127.0.0.1:${port}`);
    return api;
  }

  /** What to pass as `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  /** Makes the next call to `method` fail with a Slack platform error such as `not_in_channel`. */
  failNext(method: string, error: string): void {
    this.failures.set(method, error);
  }

  /**
   * Holds every call to `method` (recorded only once let through) until the returned function is
   * called: answers still being posted when the test acts.
   */
  hold(method: string): () => void {
    let release = () => {};
    this.gates.set(
      method,
      new Promise<void>((resolve) => {
        release = () => {
          this.gates.delete(method);
          resolve();
        };
      }),
    );
    return release;
  }

  /** Calls held by `hold` so far. */
  held = 0;

  /** The first call, past or future, that matches. */
  waitFor(predicate: Predicate): Promise<Captured> {
    const found = this.calls.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  waitForApi(method: string, predicate: Predicate = () => true): Promise<Captured> {
    return this.waitFor((c) => c.kind === "api" && c.method === method && predicate(c));
  }

  /** Like waitForApi, but only a call made after this one is asked for. */
  waitForNextApi(method: string, predicate: Predicate = () => true): Promise<Captured> {
    const from = this.calls.length;
    return this.waitFor(
      (c) => c.kind === "api" && c.method === method && this.calls.indexOf(c) >= from && predicate(c),
    );
  }

  waitForResponse(id: string, predicate: Predicate = () => true): Promise<Captured> {
    return this.waitFor((c) => c.kind === "response_url" && c.method === id && predicate(c));
  }

  of(method: string): Captured[] {
    return this.calls.filter((c) => c.method === method);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.origin);
    const [, kind, method = ""] = url.pathname.split("/");
    const body = parseBody(raw, String(req.headers["content-type"] ?? ""));
    const gate = this.gates.get(method);
    if (gate) {
      this.held += 1;
      await gate;
    }
    const auth = req.headers.authorization;
    const captured: Captured = {
      kind: kind === "response" ? "response_url" : "api",
      method,
      body,
      ...(auth ? { token: auth.replace(/^Bearer /, "") } : {}),
    };
    this.record(captured);
    if (captured.kind === "response_url") return { status: 200, body: { ok: true } };
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      return { status: 200, body: { ok: false, error: failure } };
    }
    return { status: 200, body: this.reply(method, body) };
  }

  private reply(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://fake.slack.com/",
          team: "Fake",
          user: "paas-bot",
          team_id: "T0001",
          user_id: "UBOT001",
          bot_id: "BBOT001",
        };
      case "apps.connections.open":
        return { ok: true, url: this.socketUrl };
      case "chat.postMessage":
        this.counter += 1;
        return {
          ok: true,
          channel: body.channel,
          ts: `1700000000.${String(this.counter).padStart(6, "0")}`,
          message: body,
        };
      case "chat.postEphemeral":
        return { ok: true, message_ts: "1700000000.999999" };
      case "views.publish":
        return { ok: true, view: { id: "V0001", ...(body.view as object) } };
      default:
        return { ok: true };
    }
  }

  private record(c: Captured): void {
    this.calls.push(c);
    const ready = this.waiters.filter((w) => w.predicate(c));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(c);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return out;
}
