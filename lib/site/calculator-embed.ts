// What an embedded calculator (a ::calculator directive) shows: its configuration and first result
// computed on the server, or the calculator's own refusal. The public page and the editor's preview
// both draw it from this, so the preview is the calculator readers will get.
import "server-only";
import { isCalculatorError } from "../calculators/engine/errors.ts";
import { findPolicy } from "../calculators/engine/find-policy.ts";
import type { Policy } from "../calculators/engine/policy-schema.ts";
import { todayInChina } from "../domain/dates.ts";
import { getPolicies } from "../calculators/policies/server-policies.ts";
import type { CalculatorDirective } from "../markdown/render.ts";
import { buildCalculatorConfig, estimateOutcome } from "../calculators/widget/widget-config.ts";
import { defaultState } from "../calculators/widget/widget-state.ts";

export type EmbeddedCalculator =
  | { ok: true; config: ReturnType<typeof buildCalculatorConfig>; state: ReturnType<typeof defaultState>; outcome: ReturnType<typeof estimateOutcome> }
  | { ok: false; message: string; years: number[] };

export async function embeddedCalculator(directive: CalculatorDirective): Promise<EmbeddedCalculator> {
  let policies: Policy[];
  try {
    policies = await getPolicies();
  } catch (error) {
    console.error("calculator policies failed to load:", error instanceof Error ? error.message : error);
    return { ok: false, message: "政策数据暂时无法加载，请稍后再试。", years: [] };
  }
  let policy: Policy;
  try {
    policy = findPolicy(policies, directive);
  } catch (error) {
    if (!isCalculatorError(error)) throw error;
    const years = Array.isArray(error.details.availableYears) ? error.details.availableYears.map(Number) : [];
    return { ok: false, message: error.message, years };
  }
  const config = buildCalculatorConfig(policies, policy, todayInChina());
  const state = defaultState(config, {
    level: directive.level,
    person: directive.person,
    filing: directive.filing,
    delivery: directive.delivery,
    total: directive.total === undefined ? undefined : String(directive.total),
  });
  return { ok: true, config, state, outcome: estimateOutcome(policies, config, state) };
}
