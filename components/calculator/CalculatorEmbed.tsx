// Server side of an embedded calculator (the ::calculator directive in an answer): finds the policy,
// renders the first result, and hands over to the client widget. A directive naming a policy that
// does not exist shows the calculator's own refusal instead of breaking the article.
import Link from "next/link";
import { isCalculatorError } from "@/lib/calculators/engine/errors";
import { findPolicy } from "@/lib/calculators/engine/find-policy";
import type { Policy } from "@/lib/calculators/engine/policy-schema";
import { todayInChina } from "@/lib/calculators/engine/policy-status";
import { getPolicies } from "@/lib/calculators/policies/server-policies";
import { buildCalculatorConfig, estimateOutcome } from "@/lib/calculators/widget/widget-config";
import { defaultState } from "@/lib/calculators/widget/widget-state";
import type { CalculatorDirective } from "@/lib/markdown/render";
import { CalculatorWidget } from "./CalculatorWidget";

function Unavailable({ message, years, directive }: { message: string; years: number[]; directive: CalculatorDirective }) {
  const query = new URLSearchParams({ region: directive.region, insurance: directive.insurance, scheme: directive.scheme });
  return (
    <div className="notice calc-missing" role="note">
      <p>报销计算器：{message}</p>
      {years.length > 0 ? (
        <p>
          <Link href={`/calculators?${query.toString()}`}>查看已收录年份（{years.join("、")}）的计算器</Link>
        </p>
      ) : null}
    </div>
  );
}

export async function CalculatorEmbed({ directive }: { directive: CalculatorDirective }) {
  let policies: Policy[];
  try {
    policies = await getPolicies();
  } catch (error) {
    console.error("calculator policies failed to load:", error instanceof Error ? error.message : error);
    return <Unavailable message="政策数据暂时无法加载，请稍后再试。" years={[]} directive={directive} />;
  }

  let policy: Policy;
  try {
    policy = findPolicy(policies, directive);
  } catch (error) {
    if (!isCalculatorError(error)) throw error;
    const years = Array.isArray(error.details.availableYears) ? error.details.availableYears.map(Number) : [];
    return <Unavailable message={error.message} years={years} directive={directive} />;
  }

  const config = buildCalculatorConfig(policies, policy, todayInChina());
  const state = defaultState(config, {
    level: directive.level,
    person: directive.person,
    filing: directive.filing,
    delivery: directive.delivery,
    total: directive.total === undefined ? undefined : String(directive.total),
  });
  return <CalculatorWidget config={config} initialState={state} initialOutcome={estimateOutcome(policies, config, state)} />;
}
