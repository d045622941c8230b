import type { ButtonState } from "../core/request-codec.js";

/**
 * A compare naming one product twice (a forged or stale button value) becomes that product's
 * details: "KubeSphere vs KubeSphere" compares nothing. Shared by the Slack and Teams adapters,
 * which both read button state that a client may have forged.
 */
export function distinctCompare(state: ButtonState): ButtonState {
  const { request } = state;
  if (request.type !== "compare") return state;
  const ids = [...new Set(request.ids)];
  if (ids.length === request.ids.length) return state;
  const first = ids[0];
  if (ids.length >= 2 || first === undefined) return { request: { ...request, ids } };
  return { request: { type: "product", id: first, lang: request.lang } };
}
