// The shipped policies, read once per server process. Route handlers and pages ask here instead of
// reading YAML on every request; policy files only change with a deploy.
import path from "node:path";
import { loadPolicies } from "./load-policies.ts";
import type { Policy } from "./policy-schema.ts";

let cached: Promise<Policy[]> | undefined;

/** content/policies under CONTENT_DIR (the same variable ingest and `npm start` use). */
export function policyDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(process.cwd(), env.CONTENT_DIR || "content", "policies");
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
