import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * How the fake Bot Connector answers the bot's replies: normally 200 with an id; or a fixed error
 * status; or never (the socket stays open, as when Teams times out); or late.
 */
export type ConnectorMode =
  | { kind: "ok" }
  /** `times` answers with this status (all of them when unset), then back to ok. */
  | { kind: "status"; status: number; headers?: Record<string, string>; times?: number }
  | { kind: "hang" }
  | { kind: "delay"; ms: number };

export interface ConnectorReply {
  conversationId: string;
  replyToId?: string;
  /** The activity the bot sent, parsed. */
  body: Record<string, unknown>;
}

/**
 * A Bot Connector stand-in on 127.0.0.1 built for volume: it counts replies and keeps only the
 * last few bodies (a load run sends thousands of cards; keeping them all would measure the fake).
 */
export class LoadConnector {
  mode: ConnectorMode = { kind: "ok" };
  /** Requests received, whatever the mode answered. */
  received = 0;
  /** Replies answered 200. */
  accepted = 0;
  readonly recent: ConnectorReply[] = [];
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly keep: number,
  ) {}

  static async start(keep = 20): Promise<LoadConnector> {
    let connector: LoadConnector | undefined;
    const server = createServer((req, res) => connector?.handle(req, res));
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    connector = new LoadConnector(server, `http://127.0.0.1:${port}`, keep);
    return connector;
  }

  /** Replies whose text or card mentions `needle`, among the recent ones. */
  recentContaining(needle: string): ConnectorReply[] {
    return this.recent.filter((r) => JSON.stringify(r.body).includes(needle));
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      this.received += 1;
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? "");
      if (!m?.[1]) {
        send(res, 404, { error: { code: "NotFound", message: String(req.url) } });
        return;
      }
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      } catch {
        send(res, 400, { error: { code: "BadArgument", message: "not JSON" } });
        return;
      }
      this.recent.push({
        conversationId: decodeURIComponent(m[1]),
        ...(m[2] ? { replyToId: decodeURIComponent(m[2]) } : {}),
        body,
      });
      if (this.recent.length > this.keep) this.recent.shift();
      this.answer(res);
    });
  }

  private answer(res: ServerResponse): void {
    const mode = this.mode;
    if (mode.kind === "hang") {
      this.hanging.add(res);
      res.on("close", () => this.hanging.delete(res));
      return;
    }
    if (mode.kind === "status") {
      if (mode.times !== undefined && --mode.times <= 0) this.mode = { kind: "ok" };
      send(
        res,
        mode.status,
        { error: { code: "ServiceError", message: `fake status ${mode.status}` } },
        mode.headers,
      );
      return;
    }
    const ok = () => {
      this.accepted += 1;
      send(res, 200, { id: `reply-${this.accepted}` });
    };
    if (mode.kind === "delay") setTimeout(ok, mode.ms);
    else ok();
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
