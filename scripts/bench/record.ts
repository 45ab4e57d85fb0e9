// Writes one benchmark's section into BENCHMARKS.md, replacing the previous figures of that section.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { todayInChina } from "../../lib/domain/dates.ts";

const FILE = "BENCHMARKS.md";
const HEADER = "# Benchmarks\n\nFigures written by the `npm run bench:*` scripts (with `--write`). Each section names the machine it ran on.\n";

export async function recordBenchmark(name: string, lines: string[], machine: string) {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = [start, `Measured ${todayInChina()} on ${machine}.`, "", ...lines, end].join("\n");
  let doc = existsSync(FILE) ? await readFile(FILE, "utf8") : HEADER;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  doc = re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n## ${name}\n\n${section}\n`;
  await writeFile(FILE, doc);
}
