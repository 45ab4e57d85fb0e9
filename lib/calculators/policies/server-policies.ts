// The shipped policies, read once per server process. Route handlers and pages ask here instead of
// reading YAML on every request; policy files only change with a deploy.
import "server-only";
import path from "node:path";
import { env } from "../../env.ts";
import type { Policy } from "../engine/policy-schema.ts";
import { loadPolicies } from "./load-policies.ts";

let cached: Promise<Policy[]> | undefined;

/** content/policies under CONTENT_DIR (the same setting ingest and `npm start` use). */
export function policyDir(contentDir = env().contentDir): string {
  return path.resolve(contentDir, "policies");
}

export function getPolicies(): Promise<Policy[]> {
  if (!cached) {
    const loading = loadPolicies(policyDir());
    // Note: a failed load is not cached, so fixing a file and retrying does not need a restart.
    loading.catch(() => {
      if (cached === loading) cached = undefined;
    });
    cached = loading;
  }
  return cached;
}

export function findPolicyById(policies: readonly Policy[], id: string): Policy | undefined {
  return policies.find((policy) => policy.id === id);
}
