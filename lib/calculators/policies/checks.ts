// Reviewers' checks of policy figures against official documents: written from the authoring app
// (reviewer role, with an audit event), read wherever a policy is shown. engine/policy-checks.ts says
// how a check applies; lib/domain/checks.ts what a check must name; this module owns the rows.
import "server-only";
import type { Db } from "../../db/client.ts";
import { checkColumns, checkSource, type CheckInput } from "../../domain/checks.ts";
import { AppError } from "../../domain/errors.ts";
import { policyFigures, type PolicyCheck } from "../engine/policy-checks.ts";
import type { Policy } from "../engine/policy-schema.ts";
import { todayInChina } from "../../domain/dates.ts";
import { AUDIT } from "../../domain/audit-actions.ts";
import type { Changed } from "../../domain/changes.ts";

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
    source: checkSource({ ...r, publishedOn: r.published_on }),
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
  const rows = await db.$queryRawUnsafe<Row[]>(`SELECT DISTINCT ON (c.policy_id) * FROM (${SELECT}) c ORDER BY c.policy_id, c.id DESC`);
  return new Map(rows.map((r) => [r.policy_id, toCheck(r)]));
}

/** Every check of one policy, newest first (the history on its review page). */
export async function checkHistory(db: Db, policyId: string) {
  return (await db.$queryRawUnsafe<Row[]>(`${SELECT} WHERE c.policy_id = $1 ORDER BY c.id DESC`, policyId)).map(toCheck);
}

/** Records a check of the policy as its file states it now, with an audit event, in one transaction. */
export async function recordPolicyCheck(db: Db, policy: Policy, input: CheckInput, reviewer: { id: string }) {
  const columns = checkColumns(input, todayInChina());
  return db.$transaction(async (tx) => {
    const row = await tx.policyCheck.create({ data: { policyId: policy.id, figures: policyFigures(policy), ...columns, reviewerId: reviewer.id }, select: { id: true } });
    await tx.auditEvent.create({ data: { actor: reviewer.id, action: AUDIT.policyCheck, data: { policyId: policy.id, outcome: input.outcome, checkId: row.id, checkedOn: columns.checkedOn } } });
    return { id: row.id, outcome: input.outcome, checkedOn: columns.checkedOn, changed: { policyIds: [policy.id] } satisfies Changed };
  });
}

export function requirePolicy(policies: readonly Policy[], id: string): Policy {
  const policy = policies.find((p) => p.id === id);
  if (!policy) throw new AppError("not_found", `找不到政策 ${id}。`);
  return policy;
}
