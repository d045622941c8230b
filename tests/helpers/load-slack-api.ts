import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted answer: an HTTP status, headers and a JSON body (or none, or never). */
export interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Keep the request open without answering, as a Slack outage that times out would. */
  hang?: boolean;
}

export interface ApiCall {
  /** `chat.postMessage`, or `response_url` for a response_url post. */
  method: string;
  at: number;
  status: number;
  body: Record<string, unknown>;
}

/**
 * A Slack Web API stand-in on 127.0.0.1 whose answers can be scripted per method, for faults: 429
 * with Retry-After, 500, a hang. Unscripted calls get the `{ok: true}` answer Slack would give.
 */
export class FaultySlackApi {
  readonly calls: ApiCall[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private readonly hanging = new Set<ServerResponse>();
  private counter = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<FaultySlackApi> {
    let api: FaultySlackApi | undefined;
    const server = createServer((req, res) => api?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    api = new FaultySlackApi(server, `http://127.0.0.1:${port}`);
    return api;
  }

  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  /** The next calls to `method` (or `response_url`) get these answers, in order; then the normal one. */
  script(method: string, ...answers: Scripted[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  of(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `method` has been called `count` times (or rejects after `timeoutMs`). */
  async waitForCalls(method: string, count: number, timeoutMs = 15_000): Promise<ApiCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.of(method).length < count) {
      if (Date.now() > deadline)
        throw new Error(
          `${method}: ${this.of(method).length} calls after ${timeoutMs} ms, expected ${count}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.of(method);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const [, kind, name = ""] = new URL(req.url ?? "/", this.origin).pathname.split("/");
      const method = kind === "response" ? "response_url" : name;
      const queue = this.scripts.get(method);
      const scripted = queue?.shift();
      const answer = scripted ?? { status: 200, body: this.reply(method) };
      this.calls.push({ method, at: Date.now(), status: answer.hang ? 0 : answer.status, body: parse(raw) });
      if (answer.hang) {
        this.hanging.add(res);
        res.on("close", () => this.hanging.delete(res));
        return;
      }
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    });
  }

  private reply(method: string): unknown {
    switch (method) {
      case "auth.test":
        return { ok: true, team_id: "T0001", user_id: "UBOT001", bot_id: "BBOT001", user: "paas-bot" };
      case "chat.postMessage":
        this.counter += 1;
        return { ok: true, channel: "C0", ts: `1700000000.${String(this.counter).padStart(6, "0")}` };
      default:
        return { ok: true };
    }
  }
}

function parse(raw: string): Record<string, unknown> {
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return Object.fromEntries(new URLSearchParams(raw));
  }
}
