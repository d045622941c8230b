/**
 * The ConfigMap option for the catalog: prints a ConfigMap holding knowledge/ and the Deployment from
 * deploy/kubernetes/ with it mounted at KNOWLEDGE_DIR (and KNOWLEDGE_WATCH=1, so a later
 * `kubectl apply` of a new ConfigMap reaches running pods without a restart):
 *
 *   npx tsx scripts/knowledge-configmap.ts [knowledge-dir] | kubectl apply -f -
 *
 * A ConfigMap cannot hold folders, so vendors/x.yaml is stored under the key vendors__x.yaml and put
 * back in place by the volume's `items`. The catalog is validated first: a broken one is never shipped.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse, stringify } from "yaml";
import { CatalogError, formatProblem } from "../src/core/catalog/errors.js";
import { loadCatalog, readCatalogFiles } from "../src/core/catalog/load.js";

export const CONFIGMAP_NAME = "paas-bot-knowledge";
export const KNOWLEDGE_MOUNT = "/etc/paas-bot/knowledge";
export const DEPLOYMENT_FILE = resolve(import.meta.dirname, "..", "deploy", "kubernetes", "deployment.yaml");
/** Kubernetes refuses ConfigMaps over 1 MiB. */
export const CONFIGMAP_MAX_BYTES = 1024 * 1024;

export const keyOf = (path: string): string => path.replaceAll("/", "__");

interface EnvVar {
  name: string;
  value?: string;
}
interface Container {
  name: string;
  env?: EnvVar[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}
interface Deployment {
  spec: { template: { spec: { containers: Container[]; volumes?: unknown[] } } };
}

export function knowledgeManifests(
  dir: string,
  deploymentYaml: string = readFileSync(DEPLOYMENT_FILE, "utf8"),
): string {
  loadCatalog(dir); // throws CatalogError listing every problem
  const files = [...readCatalogFiles(dir)].sort(([a], [b]) => a.localeCompare(b));
  const configMap = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: CONFIGMAP_NAME, labels: { "app.kubernetes.io/name": "paas-bot" } },
    data: Object.fromEntries(files.map(([path, text]) => [keyOf(path), text])),
  };
  const size = Buffer.byteLength(JSON.stringify(configMap.data));
  if (size > CONFIGMAP_MAX_BYTES)
    throw new Error(`the catalog is ${size} bytes, over the ConfigMap limit of 1 MiB`);

  const deployment = parse(deploymentYaml) as Deployment;
  const pod = deployment.spec.template.spec;
  pod.volumes = [
    ...(pod.volumes ?? []),
    {
      name: "knowledge",
      configMap: { name: CONFIGMAP_NAME, items: files.map(([path]) => ({ key: keyOf(path), path })) },
    },
  ];
  const container = pod.containers[0];
  if (!container) throw new Error("the Deployment has no container");
  container.volumeMounts = [
    ...(container.volumeMounts ?? []),
    { name: "knowledge", mountPath: KNOWLEDGE_MOUNT, readOnly: true },
  ];
  const env = (container.env ?? []).filter((e) => e.name !== "KNOWLEDGE_DIR" && e.name !== "KNOWLEDGE_WATCH");
  container.env = [
    ...env,
    { name: "KNOWLEDGE_DIR", value: KNOWLEDGE_MOUNT },
    { name: "KNOWLEDGE_WATCH", value: "1" },
  ];

  return [configMap, deployment].map((doc) => stringify(doc, { lineWidth: 0 })).join("---\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = resolve(process.argv[2] ?? "knowledge");
  try {
    process.stdout.write(knowledgeManifests(dir));
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    console.error(`knowledge-configmap: the catalog in ${dir} does not load (${error.code}):`);
    for (const p of error.problems) console.error(`  ${formatProblem(p)}`);
    process.exit(1);
  }
}
