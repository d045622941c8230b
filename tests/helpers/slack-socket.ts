import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * Slack's Socket Mode endpoint on 127.0.0.1: greets each connection with `hello`, sends envelopes and
 * resolves with the client's ack for each one.
 */
export class FakeSocketServer {
  private connected: Promise<WebSocket>;
  private pending = new Map<string, (ack: SocketAck) => void>();
  private counter = 0;

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {
    this.connected = new Promise((resolve) => {
      server.on("connection", (ws) => {
        ws.on("message", (data) => this.onMessage(String(data)));
        ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0001" } }));
        resolve(ws);
      });
    });
  }

  static async start(): Promise<FakeSocketServer> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as AddressInfo;
    return new FakeSocketServer(server, `ws://127.0.0.1:${port}/link`);
  }

  /** Sends one envelope and resolves with the client's ack for it. */
  async send(
    type: "slash_commands" | "events_api" | "interactive",
    payload: unknown,
    /** Envelope fields of a redelivery: `retry_attempt`, `retry_reason`. */
    extra: Record<string, unknown> = {},
  ): Promise<SocketAck> {
    const ws = await this.connected;
    this.counter += 1;
    const envelope_id = `env-${this.counter}`;
    const acked = new Promise<SocketAck>((resolve) => this.pending.set(envelope_id, resolve));
    ws.send(
      JSON.stringify({
        envelope_id,
        type,
        payload,
        accepts_response_payload: type !== "events_api",
        ...extra,
      }),
    );
    return acked;
  }

  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private onMessage(text: string): void {
    let message: SocketAck;
    try {
      message = JSON.parse(text) as SocketAck;
    } catch {
      return;
    }
    const resolve = this.pending.get(message.envelope_id);
    if (resolve) {
      this.pending.delete(message.envelope_id);
      resolve(message);
    }
  }
}
