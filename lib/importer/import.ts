// Orchestration: bytes → decode → detect → parse → plan → render → validate with the same parser ingest
// uses → output files. importPages is pure (no disk); readInputs and writeOutputs do the I/O.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { formatIssue, type ParseContext, parseQuestion } from "../content/parse.ts";
import { advisorSchema, type TopicVocabulary } from "../domain/schema.ts";
import { decodePage } from "./decode.ts";
import { detectShape } from "./detect.ts";
import { type AdvisorDraft, type ArticleDraft, type Counts, type PagePlan, planPage } from "./plan.ts";
import { parseLawyerMulti } from "./shapes/lawyer-multi.ts";
import { parseLawyerSingle } from "./shapes/lawyer-single.ts";
import { parseNews } from "./shapes/news.ts";
import { parseRegionYear } from "./shapes/region-year.ts";
import { renderAdvisor, renderArticle } from "./to-markdown.ts";
import type { DroppedBlock, ParseOutcome, Shape } from "./types.ts";

const PARSERS: Record<Shape, (text: string) => ParseOutcome> = {
  "lawyer-single": parseLawyerSingle,
  "lawyer-multi": parseLawyerMulti,
  "region-year": parseRegionYear,
  news: parseNews,
};

export type ImportInput = { path: string; bytes: Uint8Array };

export type ImportOptions = {
  /** Topic vocabulary (content/topics.yaml): names and aliases used to infer topics. */
  topics?: TopicVocabulary;
  /** Validation context of the target content tree (existing advisors, topic aliases). */
  context?: ParseContext;
};

export type ArticleSummary = { slug: string; kind: ArticleDraft["kind"]; status: ArticleDraft["status"]; title: string };

export type FileReport =
  | {
      ok: true;
      path: string;
      shape: Shape;
      counts: Counts;
      region: string;
      year?: number;
      category?: string;
      articles: ArticleSummary[];
      advisors: string[];
      /** "张凯 执业律师" — who answered, as the advisor files name them. */
      answerers: string[];
      dropped: DroppedBlock[];
      warnings: string[];
    }
  | { ok: false; path: string; shape?: Shape; error: string; details: string[] };

export type OutputFile = { path: string; text: string };
export type ImportResult = { files: FileReport[]; outputs: OutputFile[] };

/** Plan one file: nothing here touches the disk. */
export function planFile(input: ImportInput, options: ImportOptions = {}): { ok: true; plan: PagePlan } | { ok: false; shape?: Shape; error: string; details: string[] } {
  const decoded = decodePage(input.bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error, details: [] };
  const detected = detectShape(decoded.text);
  if (!detected.shape) return { ok: false, error: `unknown page shape (${detected.reason})`, details: [] };
  const parsed = PARSERS[detected.shape](decoded.text);
  if (!parsed.ok) return { ok: false, shape: detected.shape, error: `looks like ${detected.shape} but ${parsed.error}`, details: [] };
  const planned = planPage(parsed.page, basename(input.path), { topics: options.topics });
  if (!planned.ok) return { ok: false, shape: detected.shape, error: planned.error, details: [] };
  // Every article must pass the validator ingest uses before anything is written.
  const { problems, warnings } = validate(planned.plan.articles, planned.plan.advisors, options.context);
  if (problems.length) return { ok: false, shape: detected.shape, error: "the extracted articles do not pass the content schema", details: problems };
  planned.plan.warnings.push(...warnings);
  return planned;
}

/**
 * Import several pages. Files that fail are reported and contribute nothing; the others are merged:
 * a related question recommended by several pages is written once, linked back to each of them.
 */
export function importPages(inputs: ImportInput[], options: ImportOptions = {}): ImportResult {
  const files: FileReport[] = [];
  const articles = new Map<string, ArticleDraft>();
  const owner = new Map<string, string>();
  const advisors = new Map<string, AdvisorDraft>();

  for (const input of [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const planned = planFile(input, options);
    if (!planned.ok) {
      files.push({ ok: false, path: input.path, ...(planned.shape ? { shape: planned.shape } : {}), error: planned.error, details: planned.details });
      continue;
    }
    const plan = planned.plan;
    const clash = plan.articles.find((a) => a.kind !== "related" && owner.has(a.slug));
    if (clash) {
      files.push({ ok: false, path: input.path, shape: plan.shape, error: `same file name and question as ${owner.get(clash.slug)} (slug ${clash.slug}); imported once`, details: [] });
      continue;
    }
    for (const a of plan.articles) {
      const prev = articles.get(a.slug);
      if (prev) {
        prev.related = [...new Set([...prev.related, ...a.related])];
        prev.sources = [...new Set([...prev.sources, ...a.sources])];
        prev.question ??= a.question;
      } else {
        articles.set(a.slug, structuredClone(a));
        owner.set(a.slug, input.path);
      }
    }
    for (const adv of plan.advisors) {
      const prev = advisors.get(adv.id);
      if (!prev || (adv.helped ?? 0) > (prev.helped ?? 0)) advisors.set(adv.id, adv);
    }
    files.push({
      ok: true,
      path: input.path,
      shape: plan.shape,
      counts: plan.counts,
      region: plan.region,
      ...(plan.year ? { year: plan.year } : {}),
      ...(plan.category ? { category: plan.category } : {}),
      articles: plan.articles.map((a) => ({ slug: a.slug, kind: a.kind, status: a.status, title: a.title })),
      advisors: plan.advisors.map((a) => a.id),
      answerers: plan.advisors.map((a) => `${a.name}（${a.title}）`),
      dropped: plan.dropped,
      warnings: plan.warnings,
    });
  }

  const outputs: OutputFile[] = [
    ...[...articles.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1)).map((a) => ({ path: `questions/${a.slug}.md`, text: renderArticle(a) })),
    ...[...advisors.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => ({ path: `advisors/${a.id}.yaml`, text: renderAdvisor(a) })),
  ];
  // Merging only adds links between valid articles; check again so the promise holds for the output.
  const { problems } = validate([...articles.values()], [...advisors.values()], options.context);
  if (problems.length) throw new Error(`importer produced invalid content after merging:\n${problems.join("\n")}`);
  return { files, outputs };
}

function validate(articles: ArticleDraft[], advisors: AdvisorDraft[], context?: ParseContext): { problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings = new Set<string>();
  const known = new Set([...(context?.advisors ?? []), ...advisors.map((a) => a.id)]);
  const ctx: ParseContext = { ...context, advisors: known };
  for (const a of articles) {
    const file = `questions/${a.slug}.md`;
    const r = parseQuestion(file, renderArticle(a), ctx);
    if (!r.ok) problems.push(...r.errors.map(formatIssue));
    // Ingest's warnings (e.g. a topic missing from content/topics.yaml), once per message.
    for (const w of r.warnings) warnings.add(w.message);
  }
  for (const adv of advisors) {
    const r = advisorSchema.safeParse(parseYaml(renderAdvisor(adv)));
    if (!r.success) problems.push(...r.error.issues.map((i) => `advisors/${adv.id}.yaml [${i.path.join(".")}]: ${i.message}`));
  }
  return { problems, warnings: [...warnings] };
}

/**
 * Files named on the command line are read whatever their extension; folders are walked for *.txt
 * (other files there, such as a README, are listed as skipped).
 */
export async function readInputs(args: string[]): Promise<{ inputs: ImportInput[]; missing: string[]; skipped: string[] }> {
  const inputs: ImportInput[] = [];
  const missing: string[] = [];
  const skipped: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".")) continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (entry.isFile() && /\.txt$/i.test(entry.name)) inputs.push({ path: p, bytes: await readFile(p) });
      else if (entry.isFile()) skipped.push(p);
    }
  };
  for (const arg of args) {
    if (!existsSync(arg)) {
      missing.push(arg);
      continue;
    }
    if ((await stat(arg)).isDirectory()) await walk(arg);
    else inputs.push({ path: arg, bytes: await readFile(arg) });
  }
  return { inputs, missing, skipped };
}

/** Write the output files under outDir (questions/, advisors/); unchanged files are left untouched. */
export async function writeOutputs(outDir: string, outputs: OutputFile[]): Promise<{ written: number; unchanged: number }> {
  let written = 0;
  let unchanged = 0;
  for (const o of outputs) {
    const target = join(outDir, o.path);
    if (existsSync(target) && (await readFile(target, "utf8")) === o.text) {
      unchanged++;
      continue;
    }
    await mkdir(join(target, ".."), { recursive: true });
    await writeFile(target, o.text, "utf8");
    written++;
  }
  return { written, unchanged };
}
