import { createHmac, createSign, generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for login.botframework.com on 127.0.0.1: the OpenID metadata document and the signing
 * keys botbuilder fetches to check a Bot Framework token, plus a signer for tokens of every kind a
 * forger would try.
 */
export interface FakeOpenId {
  /** What to pass as `openIdMetadataUrl`. */
  metadataUrl: string;
  /** The published key's id. */
  kid: string;
  /** Requests the fake has served (metadata and keys). */
  served: number;
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export async function startFakeOpenId(published: KeyObject): Promise<FakeOpenId> {
  const jwk = published.export({ format: "jwk" }) as { n: string; e: string };
  const kid = "paas-bot-test-key";
  const fake: FakeOpenId = { metadataUrl: "", kid, served: 0, close: async () => {} };
  let origin = "";
  const server: Server = createServer((req, res) => {
    fake.served += 1;
    res.setHeader("content-type", "application/json");
    if (req.url?.startsWith("/keys")) {
      res.end(
        JSON.stringify({
          keys: [{ kty: "RSA", use: "sig", kid, n: jwk.n, e: jwk.e, endorsements: ["msteams"] }],
        }),
      );
      return;
    }
    res.end(JSON.stringify({ issuer: "https://api.botframework.com", jwks_uri: `${origin}/keys` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.metadataUrl = `${origin}/v1/.well-known/openidconfiguration`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

export const rsaKeys = () => generateKeyPairSync("rsa", { modulusLength: 2048 });

/** The claims the Bot Connector puts in a token for a bot. */
export function channelClaims(appId: string, serviceUrl: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: "https://api.botframework.com",
    aud: appId,
    serviceurl: serviceUrl,
    nbf: now - 60,
    exp: now + 3600,
  };
}

export type Forgery =
  /** RS256, signed by a key that is not the published one, under the published key's id. */
  | { kind: "wrong-key"; key: KeyObject; kid: string }
  /** alg "none": no signature at all. */
  | { kind: "unsigned"; kid: string }
  /** HS256 with a secret of the forger's choosing (the classic RSA/HMAC confusion). */
  | { kind: "hmac"; secret: string; kid: string };

export function forgeToken(claims: Record<string, unknown>, forgery: Forgery): string {
  const alg = forgery.kind === "wrong-key" ? "RS256" : forgery.kind === "unsigned" ? "none" : "HS256";
  const head = `${b64url(JSON.stringify({ alg, typ: "JWT", kid: forgery.kid }))}.${b64url(JSON.stringify(claims))}`;
  if (forgery.kind === "unsigned") return `${head}.`;
  if (forgery.kind === "hmac")
    return `${head}.${b64url(createHmac("sha256", forgery.secret).update(head).digest())}`;
  const signature = createSign("RSA-SHA256").update(head).sign(forgery.key);
  return `${head}.${b64url(signature)}`;
}
