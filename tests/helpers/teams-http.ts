import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";

/** What the fake Bot Connector received: one entry per reply the bot sent. */
export interface CapturedCall {
  method: string;
  path: string;
  /** The conversation id from the path, decoded. */
  conversationId: string;
  /** The activity id replied to (the last path segment), when the bot replied to one. */
  replyToId?: string;
  body: Record<string, unknown>;
}

export interface FakeConnector {
  url: string;
  calls: CapturedCall[];
  /** When true, replies carrying attachments are refused with 413 (Teams' answer to an oversized card). */
  refuseCards: boolean;
  close(): Promise<void>;
}

const listen = (app: express.Express) =>
  new Promise<Server>((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => resolve(server));
  });
const portOf = (server: Server) => (server.address() as AddressInfo).port;
const close = (server: Server) =>
  new Promise<void>((resolve, reject) => {
    server.closeAllConnections();
    server.close((err) => (err ? reject(err) : resolve()));
  });

/** Stands in for Teams' Bot Connector REST API (`/v3/conversations/{id}/activities[/{replyToId}]`). */
export async function startFakeConnector(): Promise<FakeConnector> {
  const app = express();
  app.use(express.json({ limit: "5mb" }));
  const fake: FakeConnector = { url: "", calls: [], refuseCards: false, close: async () => {} };
  app.use((req, res) => {
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.path);
    if (!m?.[1]) {
      res.status(404).json({ error: { code: "NotFound", message: req.path } });
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    fake.calls.push({
      method: req.method,
      path: req.path,
      conversationId: decodeURIComponent(m[1]),
      ...(m[2] ? { replyToId: decodeURIComponent(m[2]) } : {}),
      body,
    });
    if (fake.refuseCards && Array.isArray(body.attachments) && body.attachments.length > 0) {
      res.status(413).json({ error: { code: "MessageSizeTooBig", message: "Message size too big" } });
      return;
    }
    res.status(200).json({ id: `reply-${fake.calls.length}` });
  });
  const server = await listen(app);
  fake.url = `http://127.0.0.1:${portOf(server)}`;
  fake.close = () => close(server);
  return fake;
}

export interface BotServer {
  url: string;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** Serves a request handler the way the app will: Express, JSON body parser, POST /api/messages. */
export async function startBotServer(
  handler: (req: express.Request, res: express.Response) => Promise<void>,
): Promise<BotServer> {
  const app = express();
  app.post("/api/messages", express.json({ limit: "1mb" }), handler);
  const server = await listen(app);
  const url = `http://127.0.0.1:${portOf(server)}/api/messages`;
  return {
    url,
    async post(body, headers = {}) {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON (botbuilder's plain-text errors): keep the text.
      }
      return { status: res.status, body: parsed };
    },
    close: () => close(server),
  };
}
