import type { Catalog } from "./catalog/catalog.js";
import type { Category, Delivery } from "./catalog/schema.js";

/** The article's fourth kind: a public cloud's Kubernetes sold as software to run yourself. */
export const isPrivateEditionKind = (c: Pick<Category, "scope" | "delivery">): boolean =>
  c.scope === "kubernetes-cluster" && c.delivery === "software";

/** The article's managed multi-cloud kind ("Anywhere"): managed from the cloud, clusters on your servers too. */
export const isAnywhereKind = (c: Pick<Category, "scope" | "delivery">): boolean =>
  c.delivery === "managed" && c.scope === "multi-cloud-management";

/** The article's categories a question names by facets (scope, delivery) or as private editions. */
export function categoriesByFacets(
  catalog: Catalog,
  scopes: ReadonlySet<string>,
  delivery: ReadonlySet<Delivery>,
  privateEdition: boolean,
): Category[] {
  const all = [...catalog.categories.values()].sort((a, b) => a.order - b.order);
  if (privateEdition) return all.filter(isPrivateEditionKind);
  if (!scopes.size && !delivery.size) return [];
  return all.filter(
    (c) => (!scopes.size || scopes.has(c.scope)) && (!delivery.size || delivery.has(c.delivery)),
  );
}
