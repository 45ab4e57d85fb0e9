// Plans → file text in the content format: YAML frontmatter (via the yaml package) and :::answer
// blocks; advisor YAML. Pure.
import { Document, isSeq } from "yaml";
import type { AdvisorDraft, ArticleDraft } from "./plan.ts";

const YAML_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;
const FLOW_FIELDS = ["insurance", "topics", "related"];

export function renderArticle(a: ArticleDraft): string {
  // Field order follows docs/CONTENT.md.
  const front: Record<string, unknown> = {
    title: a.title,
    ...(a.question ? { question: a.question } : {}),
    region: a.region,
    insurance: a.insurance,
    topics: a.topics,
    ...(a.year !== undefined ? { year: a.year } : {}),
    published: a.published,
    status: a.status,
    ...(a.related.length ? { related: a.related } : {}),
    ...(a.citations.length ? { citations: a.citations } : {}),
    source: a.sources.join(", "),
  };
  const doc = new Document(front);
  for (const field of FLOW_FIELDS) {
    const node = doc.get(field, true);
    if (isSeq(node)) node.flow = true;
  }
  const answers = a.answers.map((ans) => `:::answer{advisor="${ans.advisor}" date="${ans.date}"}\n${ans.body}\n:::\n`);
  return `---\n${doc.toString(YAML_OPTIONS)}---\n${answers.length ? `\n${answers.join("\n")}` : ""}`;
}

export function renderAdvisor(a: AdvisorDraft): string {
  const data = {
    name: a.name,
    title: a.title,
    ...(a.organisation ? { organisation: a.organisation } : {}),
    ...(a.bio ? { bio: a.bio } : {}),
    // Real people's names as the page showed them (or a placeholder): not invented samples.
    sample: false,
  };
  return `# 由 npm run import:raw 从来源页面导入，发布前请核实。\n${new Document(data).toString(YAML_OPTIONS)}`;
}
