// GET /metrics for Prometheus: the request and search counters of this process
// (lib/ops/metrics-registry.mjs) and, read from Postgres at each scrape, what the outbox worker is doing
// wherever it runs — the outbox's depth, each search feed's lag, when a worker was last seen and how long
// its last search pass took. Alert rules on these: deploy/prometheus/alerts.yml.
import "server-only";
import { getDb, poolStats } from "../db/client.ts";
import { feedLag, lastHeartbeat } from "../outbox/heartbeat.ts";
import { getIndexes, instanceOf } from "../search/client.ts";
import { metrics } from "./metrics-registry.mjs";

function withStoreGauges() {
  const m = metrics();
  if (m.registry.getSingleMetric("yibao_outbox_depth")) return m;
  const { Gauge } = m.client;
  const registers = [m.registry];
  // A failed read leaves a gauge without a value for this scrape (absent() alerts see it), never a 500.
  const read = async (fn: () => Promise<void>) => fn().catch(() => {});
  new Gauge({
    name: "yibao_outbox_depth",
    help: "Changes in the outbox not yet applied by every search feed",
    registers,
    collect() {
      return read(async () => this.set(await getDb().outbox.count()));
    },
  });
  new Gauge({
    name: "yibao_search_feed_lag_seconds",
    help: "Per Meilisearch instance: age of the oldest change its feed has not applied (0 when caught up)",
    labelNames: ["meilisearch"],
    registers,
    collect() {
      this.reset();
      return read(async () => {
        const instances = getIndexes().map(instanceOf);
        const lag = await feedLag(getDb(), instances);
        instances.forEach((meilisearch, i) => this.set({ meilisearch }, lag[i] ?? 0));
      });
    },
  });
  // From the newest worker heartbeat, labelled by the worker's pid so that, with no worker ever seen, the
  // series is absent (an unlabelled gauge would say 0: "seen just now") and absent() in the alerts sees it.
  const fromHeartbeat = (name: string, help: string, pick: (h: NonNullable<Awaited<ReturnType<typeof lastHeartbeat>>>) => number | null | undefined) =>
    new Gauge({
      name,
      help,
      labelNames: ["pid"],
      registers,
      collect() {
        this.reset();
        return read(async () => {
          const h = await (scrapeHeartbeat ?? lastHeartbeat(getDb()));
          const v = h ? pick(h) : null;
          if (h && v != null) this.set({ pid: String(h.heartbeat.pid) }, v);
        });
      },
    });
  fromHeartbeat("yibao_worker_last_seen_seconds", "Seconds since an outbox worker last wrote its heartbeat", (h) => h.ageSeconds);
  fromHeartbeat("yibao_worker_search_pass_seconds", "How long the worker's last pass of the first search feed took", (h) => (h.heartbeat.lastFeedMs == null ? null : h.heartbeat.lastFeedMs / 1000));
  fromHeartbeat(
    "yibao_publish_to_searchable_seconds",
    "Of the worker's last search pass that applied changes: the longest a change waited from its commit until Meilisearch could find it",
    (h) => (h.heartbeat.lastSearchableMs == null ? null : h.heartbeat.lastSearchableMs / 1000),
  );
  new Gauge({
    name: "yibao_pg_pool_connections",
    help: "This process's Postgres pool (the primary): connections by state; waiting = requests queued for a connection",
    labelNames: ["state"],
    registers,
    collect() {
      const p = poolStats();
      if (!p) return;
      this.set({ state: "total" }, p.total);
      this.set({ state: "idle" }, p.idle);
      this.set({ state: "waiting" }, p.waiting);
    },
  });
  return m;
}

// The heartbeat row, read once per scrape for the three gauges that show it.
let scrapeHeartbeat: ReturnType<typeof lastHeartbeat> | null = null;

/** The exposition text and its content type. */
export async function scrape(): Promise<{ body: string; contentType: string }> {
  const m = withStoreGauges();
  scrapeHeartbeat = lastHeartbeat(getDb()).catch(() => null);
  try {
    return { body: await m.registry.metrics(), contentType: m.registry.contentType };
  } finally {
    scrapeHeartbeat = null;
  }
}

/** Counts a search by how it was answered (and a fallback's cause), and whether it found nothing. */
export function countSearch(r: { mode: "meilisearch" | "fallback"; cached: boolean; total: number; fallbackCause?: string }): void {
  const m = metrics();
  m.searches.inc({ mode: r.cached ? "cache" : r.mode, cause: r.mode === "fallback" ? (r.fallbackCause ?? "error") : "" });
  if (r.total === 0) m.zeroResults.inc();
}
