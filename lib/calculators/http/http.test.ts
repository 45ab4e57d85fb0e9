// The calculator API through its real handlers (the route files only forward to these), with the
// shipped policies. Expected amounts are computed by hand; the arithmetic is written next to each case.
import { describe, expect, it } from "vitest";
import { getPolicyList, postEstimate, type HttpDeps } from "./http.ts";
import { PolicyLoadError } from "../policies/load-policies.ts";
import { loadShippedPolicies } from "../policies/shipped-policies.ts";

const deps: HttpDeps = { policies: loadShippedPolicies, today: () => "2025-06-01" };

type Json = Record<string, unknown> & {
  fund: number;
  self: number;
  lines: string[];
  layers: { key: string; amount: number }[];
  fields: Record<string, string[]>;
  error: string;
  message: string;
  policy: { id: string; effective: { from: string; to: string }; sources: unknown[]; status: { expired: boolean } };
};

async function post(body: unknown, overrides: Partial<HttpDeps> = {}): Promise<{ status: number; json: Json }> {
  const request = new Request("http://x/api/calculators/estimate", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await postEstimate(request, { ...deps, ...overrides });
  return { status: response.status, json: byField((await response.json()) as Json) };
}

/** The one error shape's `fields: [{ path, message }]`, checked, as messages per field for the assertions below. */
function byField<T extends { fields?: unknown }>(json: T): T {
  if (json.fields === undefined) return json;
  expect(Array.isArray(json.fields)).toBe(true);
  const out: Record<string, string[]> = Object.create(null);
  for (const f of json.fields as { path: string[]; message: string }[]) {
    const key = f.path.join(".");
    // Own keys only: a field named "constructor" must not find Object.prototype's.
    (Object.hasOwn(out, key) ? out[key]! : (out[key] = [])).push(f.message);
  }
  return { ...json, fields: out };
}

function layer(json: Json, key: string): number | undefined {
  return json.layers.find((l) => l.key === key)?.amount;
}

const BIJIE_OUT = { region: "520500", year: 2025, insurance: "resident", scheme: "outpatient", person: "resident" };
const BIJIE_IN = { region: "520500", year: 2025, insurance: "resident", scheme: "inpatient", person: "resident" };
const ANSHAN_OUT = { region: "210300", year: 2025, insurance: "employee", scheme: "outpatient" };
const ANSHAN_IN = { region: "210300", year: 2025, insurance: "employee", scheme: "inpatient" };
const KELAMAYI_OUT = { region: "650200", year: 2025, insurance: "employee", scheme: "outpatient" };
const XIANNING_MAT = { region: "421200", year: 2025, insurance: "employee", scheme: "maternity", person: "active" };

describe("POST /api/calculators/estimate — hand-computed cases for every shipped policy", () => {
  it("毕节 resident outpatient: 100 yuan at a 村卫生室 costs the patient 10, and says why", async () => {
    // 100 × 90% = 90; no deductible.
    const { status, json } = await post({ ...BIJIE_OUT, level: "village", total: 100 });
    expect(status).toBe(200);
    expect([json.fund, json.self]).toEqual([90, 10]);
    expect(json.lines).toContain("报销比例：村卫生室/社区卫生服务站、城乡居民 90%。");
    expect(json.policy).toMatchObject({ id: "520500-2025-resident-outpatient", effective: { from: "2025-01-01", to: "2025-12-31" } });
    expect(json.policy.sources).toHaveLength(1);
    expect(json.policy.status).toMatchObject({ expired: false, newer: [], verification: "unverified" });
  });

  it("毕节 resident outpatient: the annual 500 partly used (450 paid) leaves 50", async () => {
    // 200 × 85% = 170 > 500 − 450 = 50.
    const { json } = await post({ ...BIJIE_OUT, level: "township", total: 200, ytd: { fundPaid: 450 } });
    expect([json.fund, json.self]).toEqual([50, 150]);
  });

  it("毕节 resident inpatient (illustrative): 乙类, 全自费 and 大病保险 crossing its threshold", async () => {
    // 乙类先行 1000 × 10% = 100; eligible 10000 − 500 − 100 = 9400; (9400 − 600) × 80% = 7040;
    // 大病 base 9400 − 7040 = 2360 counted from 9000 to 11360: (11360 − 10000) × 60% = 816.
    const { json } = await post({ ...BIJIE_IN, level: "level2", total: 10000, selfPaid: 500, classB: 1000, ytd: { layerBase: 9000 } });
    expect([json.fund, json.self]).toEqual([7856, 2144]);
    expect(layer(json, "basic-fund")).toBe(7040);
    expect(layer(json, "layer:critical-illness")).toBe(816);
    expect(json.lines.some((line) => line.startsWith("注意：本政策的数字为示意"))).toBe(true);
  });

  it("毕节 resident inpatient: second admission halves the deductible; 2000 left of the yearly cap", async () => {
    // deductible 600 × 0.5 = 300; (10000 − 300) × 80% = 7760 > 150000 − 148000 = 2000.
    const { json } = await post({ ...BIJIE_IN, level: "level2", total: 10000, ytd: { fundPaid: 148000, admissionsBefore: 1 } });
    expect([json.fund, json.self]).toEqual([2000, 8000]);
    expect(layer(json, "deductible")).toBe(300);
  });

  it("鞍山 employee outpatient: (1500 − 500) × 55% = 550 for an active employee at a 二级", async () => {
    const { json } = await post({ ...ANSHAN_OUT, person: "active", level: "level2", total: 1500 });
    expect([json.fund, json.self]).toEqual([550, 950]);
  });

  it("鞍山 employee outpatient: yearly deductible partly met and the 3000 cap nearly used", async () => {
    // 三级 700 − 300 met = 400 due; (1000 − 400) × 55% (retired) = 330 > 3000 − 2900 = 100.
    const { json } = await post({ ...ANSHAN_OUT, person: "retired", level: "level3", total: 1000, ytd: { deductibleMet: 300, fundPaid: 2900 } });
    expect([json.fund, json.self]).toEqual([100, 900]);
    expect(layer(json, "deductible")).toBe(400);
  });

  it("鞍山 employee inpatient (illustrative): the fund cap bites and 职工大额 pays 90% above it, to the fen", async () => {
    // deductible 900 × 0.7 = 630; cap left 100000 − 95000 = 5000; cost covered by it 5000 / 85% = 5882.35;
    // over the cap 20000 − 630 − 5882.35 = 13487.65; 大额 13487.65 × 90% = 12138.885 → 12138.89.
    const { json } = await post({ ...ANSHAN_IN, person: "active", level: "level3", total: 20000, ytd: { fundPaid: 95000, admissionsBefore: 1 } });
    expect(layer(json, "basic-fund")).toBe(5000);
    expect(layer(json, "over-cap")).toBe(13487.65);
    expect(layer(json, "layer:employee-large")).toBe(12138.89);
    expect([json.fund, json.self]).toEqual([17138.89, 2861.11]);
  });

  it("克拉玛依 employee outpatient: first visit at a 二级, (500 − 40) × 70% = 322", async () => {
    const { json } = await post({ ...KELAMAYI_OUT, person: "active", level: "level2", total: 500 });
    expect([json.fund, json.self]).toEqual([322, 178]);
  });

  it("克拉玛依 employee outpatient: per-visit limit 300 at 一级", async () => {
    // (1000 − 20) × 80% = 784 > 300.
    const { json } = await post({ ...KELAMAYI_OUT, person: "retired", level: "level1", total: 1000 });
    expect([json.fund, json.self]).toEqual([300, 700]);
  });

  it("克拉玛依 employee outpatient: deductible already met, 100 left of the 4000 yearly limit", async () => {
    // 1000 × 60% = 600 > 4000 − 3900 = 100.
    const { json } = await post({ ...KELAMAYI_OUT, person: "active", level: "level3", total: 1000, ytd: { deductibleMet: 90, fundPaid: 3900 } });
    expect([json.fund, json.self]).toEqual([100, 900]);
  });

  it("咸宁 maternity: fixed 2500 for a 顺产 at a 三级; a smaller bill is paid in full", async () => {
    expect((await post({ ...XIANNING_MAT, level: "level3", total: 3000, delivery: "normal" })).json).toMatchObject({ fund: 2500, self: 500 });
    expect((await post({ ...XIANNING_MAT, level: "level1", total: 1200.5, delivery: "midterm-induction" })).json).toMatchObject({ fund: 1200.5, self: 0 });
  });

  it("a level the policy does not pay at gives fund 0 with a message, not an error", async () => {
    const { status, json } = await post({ ...BIJIE_OUT, level: "level3", total: 100 });
    expect(status).toBe(200);
    expect([json.fund, json.self, json.covered]).toEqual([0, 100, false]);
  });

  it("marks a policy expired after its end date", async () => {
    const { json } = await post({ ...BIJIE_OUT, level: "village", total: 100 }, { today: () => "2026-01-01" });
    expect(json.policy.status.expired).toBe(true);
  });
});

describe("POST /api/calculators/estimate — bad input gets field errors, never a 500", () => {
  it("lists every bad field, in Chinese", async () => {
    const { status, json } = await post({ region: "52", year: "2025", insurance: "x", level: "bad", person: "resident", total: -1, ytd: { fundPaid: "a", foo: 1 }, extra: 1 });
    expect(status).toBe(400);
    expect(json.error).toBe("invalid_input");
    expect(json.fields.region).toEqual(["地区须为六位行政区划代码，如 520500"]);
    expect(json.fields.year).toEqual(["类型不对，应为数字"]);
    expect(json.fields.insurance?.[0]).toBe("取值无效，可选：employee、resident");
    expect(json.fields.scheme).toEqual(["必填"]);
    expect(json.fields.level?.[0]).toContain("取值无效");
    expect(json.fields.total).toEqual(["金额不能为负数"]);
    expect(json.fields["ytd.fundPaid"]).toEqual(["必须是数字（元）"]);
    expect(json.fields["ytd.foo"]).toEqual(["不认识的字段"]);
    expect(json.fields.extra).toEqual(["不认识的字段"]);
  });

  it("refuses amounts finer than a fen and parts that exceed the total", async () => {
    const fen = await post({ ...BIJIE_OUT, level: "village", total: 100.001 });
    expect(fen.status).toBe(400);
    expect(fen.json.fields.total).toEqual(["金额最多两位小数（精确到分）"]);
    const parts = await post({ ...BIJIE_OUT, level: "village", total: 100, selfPaid: 80, classB: 30 });
    expect(parts.status).toBe(400);
    expect(parts.json.fields.selfPaid?.[0]).toContain("超过了总费用");
  });

  it("refuses a person that does not match the insurance, and maternity without a delivery type", async () => {
    expect((await post({ ...ANSHAN_OUT, person: "resident", level: "level1", total: 100 })).json.fields.person).toHaveLength(1);
    expect((await post({ ...XIANNING_MAT, level: "level1", total: 100 })).json.fields.delivery).toHaveLength(1);
  });

  it.each([
    ["not JSON", "{total: 100", "body"],
    ["an array", [1, 2], "body"],
    ["null", "null", "body"],
  ])("answers %s with 400 and a body error", async (_, body, field) => {
    const { status, json } = await post(body);
    expect(status).toBe(400);
    expect(json.fields[field]?.length).toBeGreaterThan(0);
  });

  // Keys named like Object.prototype's members once reached a plain object of field errors and gave 500.
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])(
    "answers an unknown field named %s with 400 and that field's Chinese message",
    async (key) => {
      const raw = `{${JSON.stringify(key)}:1}`; // JSON.stringify({__proto__: 1}) would drop the key
      const { status, json } = await post(raw);
      expect(status).toBe(400);
      expect(json.error).toBe("invalid_input");
      expect(Object.hasOwn(json.fields, key)).toBe(true);
      expect(json.fields[key]).toEqual(["不认识的字段"]);
      expect(json.fields.region).toEqual(["必填"]);
      const nested = await post(`{"ytd":{${JSON.stringify(key)}:{"a":1}}}`);
      expect(nested.status).toBe(400);
      expect(nested.json.fields[`ytd.${key}`]).toEqual(["不认识的字段"]);
    },
  );

  it("takes ytd.layerBase entries named like Object.prototype's members as unknown layers, not as amounts", async () => {
    const plain = await post({ ...BIJIE_IN, level: "level2", total: 10_000 });
    const odd = await post(`{${JSON.stringify({ ...BIJIE_IN, level: "level2", total: 10_000 }).slice(1, -1)},"ytd":{"layerBase":{"constructor":5,"__proto__":5}}}`);
    expect(odd.status).toBe(200);
    expect([odd.json.fund, odd.json.self]).toEqual([plain.json.fund, plain.json.self]);
  });

  it("refuses a huge body with 413", async () => {
    expect((await post({ ...BIJIE_OUT, padding: "x".repeat(20_000) })).status).toBe(413);
  });

  it("answers a missing year with 404, the years that exist, and never borrows another year", async () => {
    const { status, json } = await post({ ...BIJIE_OUT, year: 2024, level: "village", total: 100 });
    expect(status).toBe(404);
    expect(json).toMatchObject({ error: "policy_not_found", availableYears: [2025] });
    expect(json.fields.year?.[0]).toContain("现有年份：2025");
  });

  it("answers unfiled 异地 care the policy has no rule for with 422 on the filing field", async () => {
    const { status, json } = await post({ ...BIJIE_OUT, level: "village", total: 100, filing: "unfiled" });
    expect(status).toBe(422);
    expect(json.error).toBe("offsite_rule_missing");
    expect(json.fields.filing?.[0]).toContain("不作猜测");
  });

  it("answers 503, not 500, when the policy files cannot be loaded", async () => {
    const broken = () => Promise.reject(new PolicyLoadError(["x.yaml: region: bad"]));
    const { status, json } = await post({ ...BIJIE_OUT, level: "village", total: 100 }, { policies: broken });
    expect(status).toBe(503);
    expect(json.error).toBe("policies_unavailable");
  });
});

describe("GET /api/calculators/policies", () => {
  async function get(query: string) {
    const response = await getPolicyList(new Request(`http://x/api/calculators/policies${query}`), deps);
    return { status: response.status, json: byField((await response.json()) as { policies: { id: string; url: string; levels: string[] }[]; fields: Record<string, string[]> }) };
  }

  it("lists every shipped policy with its page", async () => {
    const { status, json } = await get("");
    expect(status).toBe(200);
    expect(json.policies.map((p) => p.id)).toEqual([
      "210300-2025-employee-inpatient",
      "210300-2025-employee-outpatient",
      "421200-2025-employee-maternity",
      "520500-2025-resident-inpatient",
      "520500-2025-resident-outpatient",
      "650200-2025-employee-outpatient",
    ]);
    expect(json.policies.find((p) => p.id === "520500-2025-resident-outpatient")).toMatchObject({
      url: "/calculators/520500-2025-resident-outpatient",
      levels: ["village", "township", "level1", "level2"],
    });
  });

  it("filters, and refuses bad filters with field errors", async () => {
    expect((await get("?region=520500&scheme=outpatient")).json.policies.map((p) => p.id)).toEqual(["520500-2025-resident-outpatient"]);
    const bad = await get("?region=abc&scheme=dental&foo=1");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.fields).sort()).toEqual(["foo", "region", "scheme"]);
  });

  it.each(["valueOf", "toString", "constructor", "__proto__"])("answers the parameter %s with 400 naming it, not 500", async (key) => {
    const { status, json } = await get(`?${key}=x`);
    expect(status).toBe(400);
    expect(json.fields[key]).toEqual(["不认识的字段"]);
    expect((json as unknown as { message: string }).message).toBe(`${key}：不认识的字段`);
  });
});
