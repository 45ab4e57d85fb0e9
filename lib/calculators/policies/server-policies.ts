// The policies as the site shows them: the files (read once per server process — they change only with
// a deploy) with the reviewers' checks from Postgres laid over them (read on each call: a check made in
// the authoring app shows at once). Route handlers and pages ask here.
import "server-only";
import path from "node:path";
import { getPublicDb } from "../../db/client.ts";
import { env } from "../../env.ts";
import { applyCheck } from "../engine/policy-checks.ts";
import type { Policy } from "../engine/policy-schema.ts";
import { latestChecks } from "./checks.ts";
import { loadPolicies } from "./load-policies.ts";

let cached: Promise<Policy[]> | undefined;

/** content/policies under CONTENT_DIR (the same setting ingest and `npm start` use). */
export function policyDir(contentDir = env().contentDir): string {
  return path.resolve(contentDir, "policies");
}

/** The policies with their checks. Without Postgres they are shown as their files state them. */
export async function getPolicies(): Promise<Policy[]> {
  const [policies, checks] = await Promise.all([filePolicies(), latestChecks(getPublicDb()).catch((e: unknown) => {
    console.warn("policy checks not read (shown as the files state them):", (e as Error).message);
    return new Map();
  })]);
  return checks.size ? policies.map((p) => applyCheck(p, checks.get(p.id))) : policies;
}

/** The policy files alone, as validated. */
export function filePolicies(): Promise<Policy[]> {
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
