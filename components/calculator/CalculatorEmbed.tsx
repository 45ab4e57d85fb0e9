// Server side of an embedded calculator (the ::calculator directive in an answer): finds the policy,
// renders the first result, and hands over to the client widget. A directive naming a policy that
// does not exist shows the calculator's own refusal instead of breaking the article.
import Link from "@/components/SiteLink";
import { embeddedCalculator } from "@/lib/site/calculator-embed";
import { dependsOn, policyTag } from "@/lib/site/page-cache";
import type { CalculatorDirective } from "@/lib/markdown/render";
import { CalculatorWidget } from "./CalculatorWidget";
import { calculatorsPath } from "@/lib/urls";

export function CalculatorUnavailable({ message, years, directive }: { message: string; years: number[]; directive: Pick<CalculatorDirective, "region" | "insurance" | "scheme"> }) {
  const query = new URLSearchParams({ region: directive.region, insurance: directive.insurance, scheme: directive.scheme });
  return (
    <div className="notice calc-missing" role="note">
      <p>报销计算器：{message}</p>
      {years.length > 0 ? (
        <p>
          <Link href={calculatorsPath(query)}>查看已收录年份（{years.join("、")}）的计算器</Link>
        </p>
      ) : null}
    </div>
  );
}

export async function CalculatorEmbed({ directive }: { directive: CalculatorDirective }) {
  const c = await embeddedCalculator(directive);
  if (!c.ok) return <CalculatorUnavailable message={c.message} years={c.years} directive={directive} />;
  // The cached question page shows the policy's verification mark: a reviewer's check expires it.
  await dependsOn([policyTag(c.config.policy.id)]);
  return <CalculatorWidget config={c.config} initialState={c.state} initialOutcome={c.outcome} />;
}
