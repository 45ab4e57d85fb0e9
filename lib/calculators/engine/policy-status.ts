// Whether a policy still applies today and whether a newer year exists. Kept apart from estimate():
// the engine never borrows another year, but the widget should still point a reader to the newer one.
// `today` is China's (lib/domain/dates.ts todayInChina): the policies' effective dates are local dates.
import type { Policy, SourceStatus } from "./policy-schema.ts";

export type PolicyStatus = {
  /** Today (Beijing time) is after effective.to. */
  expired: boolean;
  /** Today is before effective.from. */
  upcoming: boolean;
  /** Later years of the same region / insurance / scheme, oldest first. */
  newer: { id: string; year: number }[];
  /** Status of the source cited in every explanation (the first). */
  verification: SourceStatus;
};

export function policyStatus(policies: readonly Policy[], policy: Policy, today: string): PolicyStatus {
  const newer = policies
    .filter(
      (p) => p.region === policy.region && p.insurance === policy.insurance && p.scheme === policy.scheme && p.year > policy.year,
    )
    .sort((a, b) => a.year - b.year)
    .map((p) => ({ id: p.id, year: p.year }));
  return {
    expired: today > policy.effective.to,
    upcoming: today < policy.effective.from,
    newer,
    verification: policy.sources[0]?.status ?? "unverified",
  };
}
