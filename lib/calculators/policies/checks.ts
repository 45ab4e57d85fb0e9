// Reviewers' checks of policy figures against official documents: written from the authoring app
// (reviewer role, with an audit event), read wherever a policy is shown. engine/policy-checks.ts says
// how a check applies; this module owns its rows.
import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../domain/errors.ts";
import { CHECK_OUTCOMES, policyFigures, type PolicyCheck } from "../engine/policy-checks.ts";
import type { Policy } from "../engine/policy-schema.ts";
import { todayInChina } from "../engine/policy-status.ts";

const date = z.iso.date({ error: "请写成 YYYY-MM-DD 格式的日期" });
const text = (max: number) => z.string().trim().max(max, `最多 ${max} 字`).transform((s) => s || undefined).optional();

export const policyCheckSchema = z
  .object({
    outcome: z.enum(CHECK_OUTCOMES, { error: "核实结果应为 verified、unverified 或 illustrative" }),
    title: text(200),
    publisher: text(100),
    number: text(100),
    publishedOn: date.optional().or(z.literal("").transform(() => undefined)),
    url: z.url({ protocol: /^https?$/, error: "请填写以 http:// 或 https:// 开头的网址" }).max(2000).optional().or(z.literal("").transform(() => undefined)),
    checkedOn: date.optional(),
    note: text(500),
  })
  .superRefine((c, ctx) => {
    if (c.outcome === "verified") {
      // Same rule as a policy file's verified source (engine/policy-schema.ts), and the CHECK constraint.
      for (const [field, label] of [["title", "文件标题"], ["publisher", "发布机关"], ["publishedOn", "发布日期"], ["url", "官方网址"]] as const) {
        if (!c[field]) ctx.addIssue({ code: "custom", path: [field], message: `标为“与官方文件一致”时需要填写${label}` });
      }
    }
    if (c.outcome === "unverified" && !c.note) ctx.addIssue({ code: "custom", path: ["note"], message: "请说明哪里不一致或为什么无法核实" });
    if (c.checkedOn && c.checkedOn > todayInChina()) ctx.addIssue({ code: "custom", path: ["checkedOn"], message: "核实日期不能晚于今天" });
  });
export type PolicyCheckInput = z.infer<typeof policyCheckSchema>;

type Row = {
  id: number;
  policy_id: string;
  figures: string;
  outcome: PolicyCheck["outcome"];
  title: string | null;
  publisher: string | null;
  number: string | null;
  published_on: string | null;
  url: string | null;
  checked_on: string;
  note: string | null;
  reviewer: string | null;
  created_at: Date;
};

function toCheck(r: Row): PolicyCheck & { id: number; createdAt: string } {
  return {
    id: r.id,
    policyId: r.policy_id,
    figures: r.figures,
    outcome: r.outcome,
    source:
      r.title && r.publisher
        ? { title: r.title, publisher: r.publisher, ...(r.number ? { number: r.number } : {}), ...(r.published_on ? { date: r.published_on } : {}), ...(r.url ? { url: r.url } : {}) }
        : null,
    checkedOn: r.checked_on,
    checkedBy: r.reviewer ?? "审核人",
    ...(r.note ? { note: r.note } : {}),
    createdAt: r.created_at.toISOString(),
  };
}

const SELECT = `SELECT c.id, c.policy_id, c.figures, c.outcome::text AS outcome, c.title, c.publisher, c.number, c.published_on, c.url,
                       c.checked_on, c.note, u.name AS reviewer, c.created_at
                  FROM policy_checks c LEFT JOIN users u ON u.id = c.reviewer_id`;

/** The newest check of every policy that has one. */
export async function latestChecks(db: Db): Promise<Map<string, PolicyCheck>> {
  const rows = await db.$queryRawUnsafe<Row[]>(`${SELECT} ORDER BY c.policy_id, c.id DESC`);
  const latest = new Map<string, PolicyCheck>();
  for (const r of rows) if (!latest.has(r.policy_id)) latest.set(r.policy_id, toCheck(r));
  return latest;
}

/** Every check of one policy, newest first (the history on its review page). */
export async function checkHistory(db: Db, policyId: string) {
  return (await db.$queryRawUnsafe<Row[]>(`${SELECT} WHERE c.policy_id = $1 ORDER BY c.id DESC`, policyId)).map(toCheck);
}

/** Records a check of the policy as its file states it now, with an audit event, in one transaction. */
export async function recordPolicyCheck(db: Db, policy: Policy, input: PolicyCheckInput, reviewer: { id: string }) {
  const checkedOn = input.checkedOn ?? todayInChina();
  const keepSource = input.outcome === "verified" || Boolean(input.title && input.publisher);
  return db.$transaction(async (tx) => {
    const row = await tx.policyCheck.create({
      data: {
        policyId: policy.id,
        figures: policyFigures(policy),
        outcome: input.outcome,
        title: keepSource ? input.title : null,
        publisher: keepSource ? input.publisher : null,
        number: input.number ?? null,
        publishedOn: input.publishedOn ?? null,
        url: input.url ?? null,
        checkedOn,
        note: input.note ?? null,
        reviewerId: reviewer.id,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({ data: { actor: reviewer.id, action: "policy.check", data: { policyId: policy.id, outcome: input.outcome, checkId: row.id, checkedOn } } });
    return { id: row.id, outcome: input.outcome, checkedOn };
  });
}

export function requirePolicy(policies: readonly Policy[], id: string): Policy {
  const policy = policies.find((p) => p.id === id);
  if (!policy) throw new AppError("not_found", `找不到政策 ${id}。`);
  return policy;
}
