import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  CONFIGMAP_MAX_BYTES,
  KNOWLEDGE_MOUNT,
  keyOf,
  knowledgeManifests,
} from "../../scripts/knowledge-configmap.js";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { VARIABLES } from "../../src/server/config.js";
import { DEFAULT_PORT, ROUTES } from "../../src/server/routes.js";
import { startTestServer } from "../server/helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const K8S = join(ROOT, "deploy", "kubernetes");

type Obj = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: walking parsed YAML; every shape is asserted by the test itself
type Any = any;

function docsOf(file: string): Obj[] {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) expect(d.errors, file).toEqual([]);
  return list.map((d) => d.toJS() as Obj).filter(Boolean);
}

const manifests = readdirSync(K8S)
  .filter((f) => f.endsWith(".yaml"))
  .flatMap((f) => docsOf(join(K8S, f)).map((doc) => ({ file: f, doc: doc as Any })));
const byKind = (kind: string) => manifests.filter((m) => m.doc.kind === kind).map((m) => m.doc as Any);
const deployment = byKind("Deployment")[0];
const container = deployment?.spec.template.spec.containers[0];
const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
const routes = Object.values(ROUTES) as string[];

/** The container port a probe or targetPort names, by name or number. */
function containerPort(ref: string | number): number | undefined {
  const ports = container.ports as { name?: string; containerPort: number }[];
  return typeof ref === "number"
    ? ports.find((p) => p.containerPort === ref)?.containerPort
    : ports.find((p) => p.name === ref)?.containerPort;
}

describe("deploy/kubernetes", () => {
  it("is valid YAML, every document a named Kubernetes object", () => {
    expect(manifests.length).toBeGreaterThanOrEqual(5);
    for (const { file, doc } of manifests) {
      if (doc.kind === "Kustomization") continue;
      expect(doc.apiVersion, file).toEqual(expect.any(String));
      expect(doc.metadata?.name, file).toEqual(expect.any(String));
    }
  });

  it("runs 2+ replicas of a non-root container with requests and limits", () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    const pod = deployment.spec.template.spec;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    for (const kind of ["requests", "limits"]) {
      expect(container.resources[kind].cpu, kind).toBeTruthy();
      expect(container.resources[kind].memory, kind).toBeTruthy();
    }
    expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
  });

  it("probes real routes on the server's port: readiness /readyz, liveness /healthz", () => {
    expect(container.readinessProbe.httpGet.path).toBe(ROUTES.ready);
    expect(container.livenessProbe.httpGet.path).toBe(ROUTES.health);
    for (const probe of ["readinessProbe", "livenessProbe", "startupProbe"]) {
      const get = container[probe]?.httpGet;
      if (!get) continue;
      expect(routes, probe).toContain(get.path);
      expect(containerPort(get.port), probe).toBe(DEFAULT_PORT);
    }
  });

  it("agrees with the server on the port and the catalog folder", () => {
    expect(containerPort(DEFAULT_PORT)).toBe(DEFAULT_PORT);
    const env = Object.fromEntries(
      (container.env as { name: string; value: string }[]).map((e) => [e.name, e.value]),
    );
    expect(Number(env.PORT)).toBe(DEFAULT_PORT);
    expect(env.KNOWLEDGE_DIR).toBe(/ENV[\s\S]*KNOWLEDGE_DIR=(\S+)/.exec(dockerfile)?.[1]);
    for (const name of Object.keys(env)) expect(Object.keys(VARIABLES), name).toContain(name);
  });

  it("takes credentials from the Secret the example defines, whose keys are all server variables", () => {
    const secret = byKind("Secret")[0];
    expect(container.envFrom).toEqual([
      { secretRef: expect.objectContaining({ name: secret.metadata.name }) },
    ]);
    for (const key of Object.keys(secret.stringData))
      expect(VARIABLES[key as keyof typeof VARIABLES]?.secret !== undefined, key).toBe(true);
    // Only placeholders are committed.
    expect(JSON.stringify(secret.stringData)).not.toMatch(/xox[bp]-\d/);
  });

  it("has a Service that selects the pods and targets the container port", () => {
    const service = byKind("Service")[0];
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    for (const p of service.spec.ports) expect(containerPort(p.targetPort)).toBe(DEFAULT_PORT);
  });

  it("has an HPA that scales the Deployment, never below 2", () => {
    const hpa = byKind("HorizontalPodAutoscaler")[0];
    expect(hpa.apiVersion).toBe("autoscaling/v2");
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      name: deployment.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    // Utilization targets need CPU requests to mean anything.
    expect(container.resources.requests.cpu).toBeTruthy();
  });

  it("lists every manifest but the Secret example in kustomization.yaml", () => {
    const kustomization = byKind("Kustomization")[0];
    const files = readdirSync(K8S).filter(
      (f) => f.endsWith(".yaml") && f !== "kustomization.yaml" && !f.includes(".example."),
    );
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it("the probed routes answer on a running server", async () => {
    const server = await startTestServer();
    try {
      for (const path of [
        container.readinessProbe.httpGet.path,
        container.livenessProbe.httpGet.path,
        container.startupProbe.httpGet.path,
      ]) {
        expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
      }
    } finally {
      await server.close();
    }
  });
});

describe("the ConfigMap option", () => {
  const out = knowledgeManifests(join(ROOT, "knowledge"));
  const [configMap, patched] = parseAllDocuments(out).map((d) => d.toJS() as Any);

  it("holds every catalog file and fits the ConfigMap size limit", () => {
    expect(configMap.kind).toBe("ConfigMap");
    expect(Buffer.byteLength(JSON.stringify(configMap.data))).toBeLessThan(CONFIGMAP_MAX_BYTES);
    expect(Object.keys(configMap.data)).toContain(keyOf("vendors/alibaba.yaml"));
    for (const key of Object.keys(configMap.data)) expect(key).toMatch(/^[-._a-zA-Z0-9]+$/);
  });

  it("mounts it at KNOWLEDGE_DIR, and the mounted layout loads as the same catalog", () => {
    const pod = patched.spec.template.spec;
    const c = pod.containers[0];
    const env = Object.fromEntries(c.env.map((e: { name: string; value: string }) => [e.name, e.value]));
    expect(env.KNOWLEDGE_DIR).toBe(KNOWLEDGE_MOUNT);
    expect(env.KNOWLEDGE_WATCH).toBe("1");
    const mount = c.volumeMounts.find((m: { mountPath: string }) => m.mountPath === KNOWLEDGE_MOUNT);
    const volume = pod.volumes.find((v: { name: string }) => v.name === mount.name);
    expect(volume.configMap.name).toBe(configMap.metadata.name);

    // Lay the files out as the kubelet would from `items`, then load them.
    const dir = mkdtempSync(join(tmpdir(), "paas-bot-configmap-"));
    try {
      for (const item of volume.configMap.items as { key: string; path: string }[]) {
        mkdirSync(dirname(join(dir, item.path)), { recursive: true });
        writeFileSync(join(dir, item.path), configMap.data[item.key]);
      }
      const mounted = loadCatalog(dir);
      const original = loadCatalog(join(ROOT, "knowledge"));
      expect([...mounted.products.keys()]).toEqual([...original.products.keys()]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Dockerfile", () => {
  const instructions = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .filter((l) => /^[A-Z]+\s/.test(l));
  const all = (name: string) => instructions.filter((l) => l.startsWith(`${name} `));

  it("is multi-stage with production dependencies only in the final image", () => {
    expect(all("FROM").length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });

  it("exposes the server's port and health-checks its liveness route", () => {
    expect(all("EXPOSE")).toEqual([`EXPOSE ${DEFAULT_PORT}`]);
    const healthcheck = all("HEALTHCHECK")[0] ?? "";
    expect(healthcheck).toContain(ROUTES.health);
    expect(healthcheck).toContain(String(DEFAULT_PORT));
    expect(dockerfile).toMatch(new RegExp(`PORT=${DEFAULT_PORT}\\b`));
  });

  it("runs as a non-root user, node directly as PID 1, on the compiled entry point", () => {
    const user = all("USER").at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER\s+(root|0)\b/);
    expect(all("CMD").at(-1)).toBe('CMD ["node", "dist/main.js"]');
    const build = JSON.parse(readFileSync(join(ROOT, "tsconfig.build.json"), "utf8")) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    expect(build.compilerOptions).toMatchObject({ rootDir: "src", outDir: "dist" });
    expect(existsSync(join(ROOT, "src", "main.ts"))).toBe(true);
  });

  it("bakes the catalog in where KNOWLEDGE_DIR points, and .dockerignore keeps what the build needs", () => {
    const dir = /KNOWLEDGE_DIR=(\S+)/.exec(dockerfile)?.[1];
    expect(dir).toBe("/app/knowledge");
    expect(all("COPY")).toContain("COPY knowledge ./knowledge");
    expect(all("WORKDIR").at(-1)).toBe("WORKDIR /app");
    const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim());
    for (const needed of [
      "src",
      "knowledge",
      "package.json",
      "package-lock.json",
      "tsconfig.json",
      "tsconfig.build.json",
    ]) {
      expect(ignored, needed).not.toContain(needed);
    }
    expect(ignored).toContain(".env");
  });
});

describe("fail closed in the cluster", () => {
  it("requires the credentials Secret, runs in production and turns the playground off", () => {
    expect(container.envFrom).toEqual([{ secretRef: expect.objectContaining({ optional: false }) }]);
    const env = Object.fromEntries(
      (container.env as { name: string; value: string }[]).map((e) => [e.name, e.value]),
    );
    expect(env.PLAYGROUND).toBe("0");
    expect(env.NODE_ENV ?? /ENV[\s\S]*NODE_ENV=(\S+)/.exec(dockerfile)?.[1]).toBe("production");
    expect(env.TEAMS_LOCAL).toBeUndefined();
  });

  it("has a NetworkPolicy for the pods: ingress on the HTTP port only, egress DNS and HTTPS only", () => {
    const policy = byKind("NetworkPolicy")[0];
    expect(policy.spec.podSelector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
    expect([...policy.spec.policyTypes].sort()).toEqual(["Egress", "Ingress"]);
    const ingressPorts = policy.spec.ingress.flatMap((r: Any) =>
      r.ports.map((p: Any) => containerPort(p.port)),
    );
    expect(ingressPorts).toEqual([DEFAULT_PORT]);
    const egressPorts = policy.spec.egress.flatMap((r: Any) => r.ports.map((p: Any) => p.port)).sort();
    expect(egressPorts).toEqual([443, 53, 53]);
  });

  it("ships the image on Node 24, the release CI tests on", () => {
    const image = /ARG NODE_IMAGE=node:(\d+\.\d+\.\d+)-bookworm-slim\s*$/m.exec(dockerfile)?.[1];
    expect(image).toMatch(/^24\./);
    const ci = readFileSync(join(ROOT, ".ci", "run"), "utf8");
    expect(/^NODE24_VERSION=(\S+)$/m.exec(ci)?.[1]).toBe(image);
  });
});
