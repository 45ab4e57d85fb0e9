// Test helper: the policies shipped in content/policies, loaded once per test file.
import { fileURLToPath } from "node:url";
import { loadPolicies } from "./load-policies.ts";

export const SHIPPED_POLICY_DIR = fileURLToPath(new URL("../../../content/policies", import.meta.url));

export function loadShippedPolicies() {
  return loadPolicies(SHIPPED_POLICY_DIR);
}
