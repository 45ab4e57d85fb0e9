import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPolicies, parsePolicyFile, PolicyLoadError } from "./load-policies.ts";
import { loadShippedPolicies } from "./shipped-policies.ts";

const GOOD = `
region: "520500"
year: 2025
insurance: resident
scheme: outpatient
title: 测试政策2025
effective: { from: 2025-01-01, to: 2025-12-31 }
sources:
  - { title: 测试来源, publisher: 测试, status: unverified }
deductibleBasis: { per: visit }
levels:
  village: { ratio: 90 }
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "policies-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function problemsIn(files: Record<string, string>): Promise<readonly string[]> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  try {
    await loadPolicies(dir);
  } catch (error) {
    if (error instanceof PolicyLoadError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadPolicies", () => {
  it("loads the shipped policies, each with a source and a verification status", async () => {
    const policies = await loadShippedPolicies();
    expect(policies.map((p) => p.id).sort()).toEqual([
      "210300-2025-employee-inpatient",
      "210300-2025-employee-outpatient",
      "421200-2025-employee-maternity",
      "520500-2025-resident-inpatient",
      "520500-2025-resident-outpatient",
      "650200-2025-employee-outpatient",
    ]);
    for (const policy of policies) {
      expect(policy.sources[0]?.status).toBe("unverified");
      expect(policy.effective).toEqual({ from: "2025-01-01", to: "2025-12-31" });
      expect(policy.illustrative).toBe(policy.scheme === "inpatient");
    }
  });

  it("loads files from sub-folders and derives the id", async () => {
    await mkdir(path.join(dir, "guizhou"));
    await writeFile(path.join(dir, "guizhou", "bijie.yaml"), GOOD);
    await writeFile(path.join(dir, "README.txt"), "not a policy");
    const [policy] = await loadPolicies(dir);
    expect(policy?.id).toBe("520500-2025-resident-outpatient");
  });

  it("names the file and the field of every problem in a malformed policy", async () => {
    const bad = GOOD.replace("ratio: 90", "ratio: 120").replace(/sources:\n.*\n/, "").replace('"520500"', "520500");
    const problems = await problemsIn({ "bad.yaml": bad });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bad\.yaml: region: /),
        expect.stringMatching(/^bad\.yaml: sources: /),
        expect.stringMatching(/^bad\.yaml: levels\.village\.ratio: /),
      ]),
    );
  });

  it("reports YAML syntax errors with the file name", async () => {
    const problems = await problemsIn({ "broken.yaml": "region: [unclosed\n" });
    expect(problems[0]).toMatch(/^broken\.yaml: YAML: /);
  });

  it("rejects rules the engine cannot honour", async () => {
    const yearlyEligibleCap = `${GOOD}caps:\n  - { per: year, on: eligible, amount: 500 }\n`;
    const overCapSecond = `${GOOD.replace("scheme: outpatient", "scheme: inpatient")}layers:
  - { id: a, name: 大病保险, base: eligible-self, tiers: [{ from: 0, ratio: 50 }] }
  - { id: b, name: 职工大额, base: over-cap, tiers: [{ from: 0, ratio: 90 }] }
`;
    const overlapping = `${GOOD.replace("scheme: outpatient", "scheme: chronic")}layers:
  - { id: a, name: 大病保险, base: eligible-self, tiers: [{ from: 0, to: 100, ratio: 50 }, { from: 50, ratio: 60 }] }
`;
    const problems = await problemsIn({ "a.yaml": yearlyEligibleCap, "b.yaml": overCapSecond, "c.yaml": overlapping });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^a\.yaml: caps\.0\.on: a yearly cap must be on the fund/),
        expect.stringMatching(/^b\.yaml: layers: an over-cap layer must be the first layer/),
        expect.stringMatching(/^c\.yaml: layers\.0\.tiers\.1\.from: tiers must not overlap/),
      ]),
    );
  });

  it("rejects duplicate ids and two policies for the same region, year, insurance and scheme", async () => {
    const problems = await problemsIn({
      "one.yaml": GOOD,
      "two.yaml": GOOD,
      "three.yaml": `id: another-id\n${GOOD}`,
    });
    expect(problems).toEqual([
      'three.yaml: region/year/insurance/scheme 520500-2025-resident-outpatient is already covered by one.yaml',
      'two.yaml: id: "520500-2025-resident-outpatient" is already used by one.yaml',
    ]);
  });

  it("accepts the example file shown in docs/POLICIES.md", async () => {
    const doc = await readFile(new URL("../../../docs/POLICIES.md", import.meta.url), "utf8");
    const example = doc.split("```yaml\n")[1]?.split("```")[0] ?? "";
    const result = parsePolicyFile(example.replace("https://…", "https://example.org/policy"), "POLICIES.md");
    expect(result).toMatchObject({ ok: true, policy: { id: "520500-2025-resident-outpatient" } });
  });
});
