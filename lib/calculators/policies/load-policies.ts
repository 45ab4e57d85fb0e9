// Reads and validates content/policies/**/*.yaml. The only calculator module that touches the file
// system: everything else receives the Policy[] this returns.
import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { defaultPolicyId, policySchema, type Policy } from "../engine/policy-schema.ts";

export const DEFAULT_POLICY_DIR = path.join(process.cwd(), "content", "policies");

/** Every problem found, one per line as "<file>: <field.path>: <message>". */
export class PolicyLoadError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid policy files:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "PolicyLoadError";
    this.problems = problems;
  }
}

export type ParsedPolicyFile = { ok: true; policy: Policy } | { ok: false; problems: string[] };

/** Parses one file's text; `file` is only used to name the file in messages. */
export function parsePolicyFile(text: string, file: string): ParsedPolicyFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    return { ok: false, problems: [`${file}: YAML: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = policySchema.safeParse(raw);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(file)"}: ${issue.message}`),
  };
}

/** Loads every policy under `dir`; throws PolicyLoadError listing all problems if any file is bad. */
export async function loadPolicies(dir: string = DEFAULT_POLICY_DIR): Promise<Policy[]> {
  const files = await policyFiles(dir);
  const problems: string[] = [];
  const policies: { policy: Policy; file: string }[] = [];

  for (const file of files) {
    // The folder is chosen at run time (CONTENT_DIR): tell the bundler not to trace the whole project for it.
    const result = parsePolicyFile(await readFile(path.join(/*turbopackIgnore: true*/ dir, file), "utf8"), file);
    if (result.ok) policies.push({ policy: result.policy, file });
    else problems.push(...result.problems);
  }
  problems.push(...duplicateProblems(policies));

  if (problems.length > 0) throw new PolicyLoadError(problems);
  return policies.map(({ policy }) => policy);
}

async function policyFiles(dir: string): Promise<string[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { recursive: true });
  return entries.filter((name) => /\.ya?ml$/.test(name)).sort();
}

/**
 * Ids must be unique, and so must region/year/insurance/scheme: estimate() looks a policy up by the
 * latter, and two answers for one key would make the choice silent.
 */
function duplicateProblems(policies: readonly { policy: Policy; file: string }[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const { policy, file } of policies) {
    const key = defaultPolicyId(policy);
    const sameId = byId.get(policy.id);
    const sameKey = byKey.get(key);
    if (sameId) problems.push(`${file}: id: "${policy.id}" is already used by ${sameId}`);
    else if (sameKey) problems.push(`${file}: region/year/insurance/scheme ${key} is already covered by ${sameKey}`);
    byId.set(policy.id, byId.get(policy.id) ?? file);
    byKey.set(key, byKey.get(key) ?? file);
  }
  return problems;
}
