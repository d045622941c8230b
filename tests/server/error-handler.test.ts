import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorHandler } from "../../src/server/http.js";
import { captureLogger } from "./helpers.js";

/** What errorHandler makes of errors it has no name for, by the status they carry. */
describe("errorHandler", () => {
  const log = captureLogger([], "info");
  let server: ReturnType<ReturnType<typeof express>["listen"]>;
  let base = "";
  const errors: Record<string, unknown> = {
    "status-416": Object.assign(new Error("range not satisfiable here"), { status: 416, expose: true }),
    "statusCode-409": Object.assign(new Error("secret detail"), { statusCode: 409 }),
    "status-503": Object.assign(new Error("upstream down"), { status: 503 }),
    "status-text": Object.assign(new Error("odd"), { status: "400" }),
    "not-an-error": { status: 429 },
  };

  beforeAll(async () => {
    const app = express();
    app.get("/:name", (req, _res, next) => next(errors[req.params.name as string]));
    app.use(errorHandler(log.logger));
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = async (name: string) => {
    const before = log.lines.length;
    const res = await fetch(`${base}/${name}`);
    return { status: res.status, body: (await res.json()) as unknown, logged: log.events().slice(before) };
  };

  it("answers a 4xx status with that status, the message only when marked safe, and a warning", async () => {
    const range = await get("status-416");
    expect(range.status).toBe(416);
    expect(range.body).toEqual({ error: { code: "BAD_REQUEST", message: "range not satisfiable here" } });
    expect(range.logged).toEqual([
      expect.objectContaining({ level: "warn", msg: "request refused", status: 416 }),
    ]);

    const conflict = await get("statusCode-409");
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({ error: { code: "BAD_REQUEST", message: "Conflict" } });
    expect(conflict.logged.map((e) => e.level)).toEqual(["warn"]);

    const plain = await get("not-an-error");
    expect(plain.status).toBe(429);
    expect(plain.logged.map((e) => e.level)).toEqual(["warn"]);
  });

  it("still answers anything else with 500 INTERNAL and an error line", async () => {
    for (const name of ["status-503", "status-text"]) {
      const r = await get(name);
      expect(r.status, name).toBe(500);
      expect(r.body).toEqual({ error: { code: "INTERNAL", message: "internal error" } });
      expect(r.logged.map((e) => e.level)).toEqual(["error"]);
    }
  });
});
