// An article back into the content file format (docs/CONTENT.md): what `npm run content:export`
// writes. Pure. parseQuestion(formatQuestion(a)) gives `a` again, so a round trip keeps content hashes.
import { stringify } from "yaml";
import type { Advisor, Article } from "../domain/schema.ts";

export function formatQuestion(a: Article): string {
  // Field order as in docs/CONTENT.md; empty lists and absent fields are left out.
  const front: Record<string, unknown> = { slug: a.slug, title: a.title };
  if (a.question !== undefined) front.question = a.question;
  Object.assign(front, { region: a.region, insurance: a.insurance, topics: a.topics });
  if (a.year !== undefined) front.year = a.year;
  front.published = a.published;
  if (a.updated !== undefined) front.updated = a.updated;
  front.status = a.status;
  if (a.related.length) front.related = a.related;
  if (a.aliases?.length) front.aliases = a.aliases;
  if (a.citations.length) front.citations = a.citations;
  if (a.source !== undefined) front.source = a.source;
  const yaml = stringify(front, { lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  const answers = a.answers.map((x) => `:::answer{advisor="${x.advisor}" date="${x.date}"}\n${x.body}\n:::`);
  return `---\n${yaml}\n---\n${answers.map((x) => `\n${x}\n`).join("")}`;
}

export function formatAdvisor(a: Advisor): string {
  const { id: _id, ...fields } = a;
  const out = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null));
  return stringify(out, { lineWidth: 0 });
}
