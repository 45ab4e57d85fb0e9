// /calculators/<policyId>?level=…&total=… — one policy's calculator, its form state in the URL so that
// a result can be shared. Bad query values fall back to the defaults; an unknown id is a 404.
import type { Metadata } from "next";
import Link from "@/components/SiteLink";
import { notFound } from "next/navigation";
import { CalculatorWidget } from "@/components/calculator/CalculatorWidget";
import { policyStatus } from "@/lib/calculators/engine/policy-status";
import { todayInChina } from "@/lib/domain/dates";
import { findPolicyById, getPolicies } from "@/lib/calculators/policies/server-policies";
import { buildCalculatorConfig, estimateOutcome } from "@/lib/calculators/widget/widget-config";
import { stateFromSearchParams, type RawSearchParams } from "@/lib/calculators/widget/widget-state";
import { calculatorPath, calculatorsPath } from "@/lib/urls";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ policyId: string }>; searchParams: Promise<RawSearchParams> };

async function load(rawId: string) {
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return null; // "%" alone and other broken escapes: no such calculator
  }
  const policies = await getPolicies();
  const policy = findPolicyById(policies, id);
  return policy ? { policies, policy } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load((await params).policyId);
  if (!found) return { title: "找不到这个计算器" };
  return {
    title: `${found.policy.title}报销计算器`,
    description: `按${found.policy.title}估算医保基金支付和个人负担，逐步说明计算过程并注明政策来源。`,
    alternates: { canonical: calculatorPath(found.policy.id) },
  };
}

export default async function PolicyCalculatorPage({ params, searchParams }: Props) {
  const found = await load((await params).policyId);
  if (!found) notFound();
  const { policies, policy } = found;
  const today = todayInChina();
  const config = buildCalculatorConfig(policies, policy, today);
  const state = stateFromSearchParams(config, await searchParams);
  const otherYears = policies
    .filter((p) => p.region === policy.region && p.insurance === policy.insurance && p.scheme === policy.scheme && p.id !== policy.id)
    .sort((a, b) => a.year - b.year);

  return (
    <>
      <nav className="crumbs" aria-label="位置">
        <ol>
          <li>
            <Link href={calculatorsPath()}>报销计算器</Link>
          </li>
          <li>
            <Link href={calculatorsPath({ region: policy.region })}>{config.policy.regionName}</Link>
          </li>
        </ol>
      </nav>
      <h1>{policy.title} 报销计算器</h1>
      <p className="meta">
        输入这次看病的费用，估算统筹基金支付多少、自己负担多少。页面地址会随输入变化，复制地址即可分享这次的计算。
      </p>
      <CalculatorWidget
        config={config}
        initialState={state}
        initialOutcome={estimateOutcome(policies, config, state)}
        syncUrl
        headingLevel={2}
        heading="估算报销"
      />
      {otherYears.length > 0 ? (
        <section aria-labelledby="other-years">
          <h2 id="other-years">其他年度</h2>
          <ul>
            {otherYears.map((p) => (
              <li key={p.id}>
                <Link href={calculatorPath(p.id)}>{p.title}</Link>
                {policyStatus(policies, p, today).expired ? <span className="chip status">已过期</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
