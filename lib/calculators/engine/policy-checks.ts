// A reviewer's check of a policy against an official document, laid over the policy as its file states
// it. Pure: the checks are read from Postgres by lib/calculators/policies/checks.ts.
//
// A check vouches for the figures the reviewer saw, kept as canonical JSON. When the file's figures
// change afterwards the check lapses: the page says so and shows the file's own status, because a
// "verified" mark on figures nobody has compared would be worse than none.
import type { CheckOutcome } from "../../domain/checks.ts";
import type { Policy, PolicySource } from "./policy-schema.ts";

export type PolicyCheck = {
  policyId: string;
  figures: string;
  outcome: CheckOutcome;
  /** The official document (required for "verified"). */
  source: Omit<PolicySource, "status"> | null;
  checkedOn: string;
  checkedBy: string;
  note?: string;
};

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * What a check vouches for: everything the calculator computes from. Title, note and sources are left
 * out — citing a better source or rewording the note does not change a figure.
 */
export function policyFigures(policy: Policy): string {
  const { title: _title, note: _note, sources: _sources, checked: _checked, illustrative: _illustrative, ...figures } = policy;
  return JSON.stringify(canonical(figures));
}

/** The policy as the site shows it: with the reviewer's check applied when it still holds. */
export function applyCheck(policy: Policy, check: PolicyCheck | undefined): Policy {
  if (!check) return policy;
  const mark = { outcome: check.outcome, on: check.checkedOn, by: check.checkedBy, ...(check.note ? { note: check.note } : {}) };
  if (check.figures !== policyFigures(policy)) return { ...policy, checked: { ...mark, lapsed: true } };
  const checked = { ...mark, lapsed: false };
  switch (check.outcome) {
    case "verified": {
      // The official document becomes the source cited first; the file's sources stay as further reading.
      const official: PolicySource = { ...check.source!, status: "verified" };
      const others = policy.sources.filter((s) => !(s.title === official.title && s.publisher === official.publisher));
      return { ...policy, illustrative: false, sources: [official, ...others], checked };
    }
    case "illustrative":
      return { ...policy, illustrative: true, checked };
    case "unverified":
      return { ...policy, sources: policy.sources.map((s, i) => (i === 0 ? { ...s, status: "unverified" as const } : s)), checked };
  }
}

/** One line for readers: who checked the figures and when, or that they changed since. */
export function checkMarkText(policy: Policy): string | null {
  const c = policy.checked;
  if (!c) return null;
  if (c.lapsed) return `${c.on} 核实后数据有改动，待重新核实`;
  if (c.outcome === "verified") return `${c.on} 由${c.by}核对官方文件`;
  if (c.outcome === "illustrative") return `${c.on} 由${c.by}标为示意数据`;
  return `${c.on} ${c.by}未能核实${c.note ? `：${c.note}` : ""}`;
}

/**
 * Whether a policy wants a reviewer: its period is over, or its figures are not (or no longer) checked
 * against the official document. The 可能过期 report lists these; the 政策核实 list puts them first.
 */
export function needsCheck(policy: Policy, today: string): boolean {
  return policy.effective.to < today || policy.sources[0]?.status !== "verified" || Boolean(policy.checked?.lapsed);
}
