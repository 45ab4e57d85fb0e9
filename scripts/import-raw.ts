// npm run import:raw -- <files or folders…> [--out imported] [--dry-run] [--verbose]
// Raw consultation pages → Markdown articles and advisor files for review (see docs/IMPORTER.md).
import { runCli } from "../lib/importer/cli.ts";
import { readEnv } from "../lib/env.ts";

const code = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  cwd: process.cwd(),
  contentDir: readEnv().contentDir,
});
process.exit(code);
