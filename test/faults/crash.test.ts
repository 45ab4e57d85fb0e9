// kill -9 of `npm run ingest` or `npm run worker` at random points — some while a second ingest runs
// at the same time, which must then finish cleanly — then one more ingest: the state (rows, revisions,
// related questions, search documents, outbox) is the same as after one clean run.
import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, inject, it, onTestFinished } from "vitest";
import { writeSyntheticCorpus } from "../../scripts/bench/synthetic.ts";
import { testContext } from "../support/context.ts";
import { pipelineState } from "../support/state.ts";

const ROOT = join(import.meta.dirname, "../..");
const ARTICLES = 1200;
const KILLS = 10;

function run(script: "ingest" | "worker", ctx: Awaited<ReturnType<typeof testContext>>, content: string) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", join(ROOT, `scripts/${script}.ts`)], {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...process.env, CI: "1", DATABASE_URL: ctx.databaseUrl, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), MEILI_INDEX: ctx.indexName, CONTENT_DIR: content },
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited };
}

// A seeded generator: the same kill points on every run, so a failure can be replayed.
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

it(`ends in the state of a clean run after ${KILLS} kill -9 of ingest or worker`, { timeout: 600_000 }, async () => {
  const root = await mkdtemp(join(tmpdir(), "yibao-crash-"));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const content = join(root, "content");
  for (const part of ["advisors", "topics.yaml", "search"]) await cp(join(ROOT, "content", part), join(content, part), { recursive: true });
  const advisors = (await readdir(join(content, "advisors"))).map((f) => f.replace(/\.yaml$/, ""));
  await writeSyntheticCorpus(content, ARTICLES, advisors);

  const clean = await testContext();
  onTestFinished(clean.close);
  const started = Date.now();
  expect(await run("ingest", clean, content).exited).toBe(0);
  const cleanMs = Date.now() - started;
  const expected = await pipelineState(clean.db, clean.index);
  expect(expected.docs).toHaveLength(ARTICLES);

  const crashed = await testContext();
  onTestFinished(crashed.close);
  const random = rng(20261201);
  const points: string[] = [];
  for (let i = 0; i < KILLS; i++) {
    const script = i % 3 === 2 ? "worker" : "ingest";
    const after = Math.round(300 + random() * cleanMs);
    // Every fourth kill: a second ingest started at the same time, left to finish.
    const beside = i % 4 === 3 ? run("ingest", crashed, content) : null;
    const p = run(script, crashed, content);
    await new Promise((r) => setTimeout(r, after));
    p.child.kill("SIGKILL");
    points.push(`${script}@${after}ms:${(await p.exited) ?? "killed"}${beside ? "+ingest beside" : ""}`);
    if (beside) expect(await beside.exited, `the ingest beside ${points.at(-1)}`).toBe(0);
  }
  expect(await run("ingest", crashed, content).exited).toBe(0);
  const got = await pipelineState(crashed.db, crashed.index);
  // On a mismatch, say which part differs before comparing the whole.
  for (const part of ["articles", "revisions", "advisors", "redirects", "outbox", "relations", "docs"] as const) {
    expect(JSON.stringify(got[part]) === JSON.stringify(expected[part]), `${part} differ after kills at ${points.join(", ")}`).toBe(true);
  }
  expect(got.hash).toBe(expected.hash);
});
