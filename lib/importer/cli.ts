// npm run import:raw -- <files or folders…> [--out <dir>] [--dry-run] [--verbose]
// Parses arguments, runs the import and prints one report block per file. Returns the exit code:
// 1 when any named file or folder was missing or any file could not be imported.
import { isAbsolute, relative, resolve } from "node:path";
import { loadConfig } from "../content/load.ts";
import { regionLabel } from "../regions/index.ts";
import { type FileReport, importPages, readInputs, writeOutputs } from "./import.ts";

export const DEFAULT_OUT = "imported";

export type CliIO = { out: (line: string) => void; cwd: string; contentDir: string };

const USAGE = `usage: npm run import:raw -- <files or folders…> [--out <dir>] [--dry-run] [--verbose]

  Imports raw consultation pages (UTF-8 text) into Markdown articles + advisor files.
  Folders are searched for *.txt. Output goes to <dir>/questions and <dir>/advisors
  (default ${DEFAULT_OUT}/, not ingested: review the files, then move them into content/).

  --out <dir>   output folder (must be outside the content folder)
  --dry-run     print the report, write nothing
  --verbose     also list every article and every dropped block`;

type Args = { paths: string[]; out: string; dryRun: boolean; verbose: boolean; help: boolean; error?: string };

export function parseArgs(argv: string[]): Args {
  const args: Args = { paths: [], out: DEFAULT_OUT, dryRun: false, verbose: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--out" || a === "-o") {
      const v = argv[++i];
      if (!v || v.startsWith("-")) return { ...args, error: "--out needs a folder" };
      args.out = v;
    } else if (a.startsWith("--out=")) args.out = a.slice("--out=".length);
    else if (a === "--dry-run" || a === "-n") args.dryRun = true;
    else if (a === "--verbose" || a === "-v") args.verbose = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a.startsWith("-")) return { ...args, error: `unknown option ${a}` };
    else args.paths.push(a);
  }
  if (!args.help && !args.paths.length) return { ...args, error: "name at least one file or folder to import" };
  return args;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  if (args.error) {
    io.out(`import:raw: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  const outDir = resolve(io.cwd, args.out);
  if (isInside(outDir, resolve(io.cwd, io.contentDir))) {
    io.out(`import:raw: --out ${args.out} is inside the content folder; imported text must be reviewed before it is ingested. Choose a folder outside it (default ${DEFAULT_OUT}/).`);
    return 2;
  }

  // Existing advisors and the topic vocabulary of the content tree make validation match ingest.
  const config = await loadConfig(resolve(io.cwd, io.contentDir));
  const { inputs, missing, skipped } = await readInputs(args.paths.map((p) => resolve(io.cwd, p)));
  const show = (p: string) => {
    const r = relative(io.cwd, p);
    return r && !r.startsWith("..") && !isAbsolute(r) ? r : p;
  };
  for (const m of missing) io.out(`FAIL  ${show(m)}  no such file or folder`);
  for (const s of skipped) io.out(`skip  ${show(s)}  not a .txt file (name it explicitly to import it)`);

  const result = importPages(inputs, { topics: config.topics, context: config.context });
  for (const f of result.files) for (const line of reportLines(f, show, args.verbose)) io.out(line);

  const failed = result.files.filter((f) => !f.ok).length + missing.length;
  const imported = result.files.length - result.files.filter((f) => !f.ok).length;
  const articles = result.outputs.filter((o) => o.path.startsWith("questions/")).length;
  const advisors = result.outputs.length - articles;
  let tail: string;
  if (args.dryRun) tail = `would write ${articles} articles and ${advisors} advisors to ${show(outDir)}/ (dry run: nothing written)`;
  else {
    const w = await writeOutputs(outDir, result.outputs);
    tail = `${articles} articles and ${advisors} advisors in ${show(outDir)}/ (${w.written} written, ${w.unchanged} unchanged)`;
  }
  io.out(`${imported} imported, ${failed} failed; ${tail}`);
  if (articles && !args.dryRun) io.out(`Review before publishing (see docs/IMPORTER.md), then move the files into content/.`);
  return failed ? 1 : 0;
}

export function reportLines(f: FileReport, show: (p: string) => string, verbose = false): string[] {
  if (!f.ok) return [`FAIL  ${show(f.path)}  ${f.error}; nothing written for this file`, ...f.details.map((d) => `        ${d}`)];
  const c = f.counts;
  const drops = Object.entries(c.dropped)
    .filter(([, n]) => n)
    .map(([k, n]) => `${k} ${n}`);
  const dropTotal = Object.values(c.dropped).reduce((a, b) => a + b, 0);
  const lines = [
    `ok    ${show(f.path)}  ${f.shape}: questions ${c.questions} (follow-ups ${c.followUps}), answers ${c.answers}, citations ${c.citations}, related ${c.related}, dropped ${dropTotal}${drops.length ? ` (${drops.join(", ")})` : ""}`,
    `        region ${f.region} ${regionLabel(f.region)}${f.year ? `, year ${f.year}` : ""}${f.category ? `, category ${f.category}` : ""}; answered by ${f.answerers.join(", ")}`,
    ...f.warnings.map((w) => `        warning: ${w}`),
  ];
  if (verbose) {
    for (const a of f.articles) lines.push(`        + ${a.status.padEnd(10)} ${a.slug}  ${a.title}`);
    for (const d of f.dropped) lines.push(`        - ${d.reason.padEnd(10)} ${d.text.replace(/\s+/g, " ").slice(0, 80)}`);
  }
  return lines;
}

function isInside(child: string, parent: string): boolean {
  const r = relative(parent, child);
  return r === "" || (!r.startsWith("..") && !isAbsolute(r));
}
