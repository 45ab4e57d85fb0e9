// Every setting of the project, validated once. The web process, the worker and the scripts all read
// their configuration here and nowhere else; an invalid value stops start-up with a message naming the
// variable. Everything has a default that works on a developer's machine.
import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number (no units)")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional(),
  MEILI_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional(),
  /** Several independent Meilisearch instances (comma-separated), each fed from the outbox; searches fail over. */
  MEILI_URLS: z
    .string()
    .transform((s) => s.split(",").map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: "each must be an http(s):// URL" })).min(1))
    .optional(),
  /** A read replica of DATABASE_URL for public reads (pages, search fallback); writes and authoring use the primary. */
  DATABASE_REPLICA_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only").default("articles"),
  /** Indexing threads of the embedded Meilisearch (one leaves a core for the site). */
  MEILI_INDEXING_THREADS: int(1, 256).default(1),
  DATA_DIR: z.string().default(".data"),
  CONTENT_DIR: z.string().default("content"),
  /** Next's build folder (next.config.ts's distDir), separate per checkout for side-by-side test runs. */
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  PORT: int(1, 65535).default(3000),
  /** The address the site and the embedded servers listen on; 0.0.0.0 (or ::) opens them to the network. */
  HOST: z.union([z.ipv4(), z.ipv6(), z.hostname()], { error: "must be an IP address or a host name" }).default("127.0.0.1"),
  /** Past this many milliseconds a search is answered from Postgres (degraded mode). */
  SEARCH_TIMEOUT_MS: int(50, 60_000).default(1500),
  /** The site's public origin (canonicals, sign-in cookies, Origin checks); http://localhost:PORT by default. */
  SITE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL such as https://yibao.example.cn" }).optional(),
  /** off: searches are not logged (for measuring what the search analytics cost, or to collect none). */
  SEARCH_LOG: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  /** off: every search goes to Meilisearch, repeats too (for measuring what the result cache saves). */
  SEARCH_CACHE: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  /** Days the search log and clicks are kept (the worker removes older rows). */
  SEARCH_LOG_RETENTION_DAYS: int(1, 3650).default(180),
  /** Edge caches (Varnish, deploy/varnish) the worker purges after a change, comma-separated; none by default. */
  EDGE_URLS: z
    .string()
    .transform((s) => s.split(",").map((u) => u.trim().replace(/\/$/, "")).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: "each must be an http(s):// URL" })))
    .optional(),
  /** Lets Prometheus scrape GET /metrics from another machine (Authorization: Bearer …); loopback needs none. */
  METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
  /** /api/health/ready fails when no outbox worker wrote its heartbeat for this many seconds. */
  READY_WORKER_SECONDS: int(5, 3600).default(30),
  /** /api/health/ready fails when a search feed's oldest unapplied change is older than this. */
  READY_FEED_LAG_SECONDS: int(1, 86_400).default(60),
  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDR ranges); none by
   * default, and then the socket's peer is the client. The web server reads it (scripts/web-server/http.mjs).
   */
  TRUSTED_PROXIES: z
    .string()
    .transform((s) => s.split(",").map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine(isProxyEntry, "each must be an IP address or a CIDR range such as 10.0.0.0/8")))
    .optional(),
  /** Sign-in (and password change) attempts per client and minute before 429. */
  SIGN_IN_ATTEMPTS_PER_MINUTE: int(1, 1000).default(5),
  /** Signs session cookies; `npm start` generates one into DATA_DIR when unset. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Lets the outbox worker tell the web servers which cached pages changed; `npm start` generates one. */
  REVALIDATE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The web servers whose page caches the worker refreshes, comma-separated; this machine's by default. */
  REVALIDATE_URLS: z
    .string()
    .transform((s) => s.split(",").map((u) => u.trim().replace(/\/$/, "")).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: "each must be an http(s):// URL" })).min(1))
    .optional(),
});

function isProxyEntry(entry: string): boolean {
  const [address, bits, extra] = entry.split("/");
  const family = isIP(address ?? "");
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

export type Env = z.infer<typeof schema> & {
  dataDir: string;
  contentDir: string;
  siteUrl: string;
  /** MEILI_URLS, else MEILI_URL alone; empty when neither is set (embedded). */
  meiliUrls: string[];
  revalidateUrls: string[];
  edgeUrls: string[];
};

export class EnvError extends Error {}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const known = Object.keys(schema.shape);
  const cleaned = Object.fromEntries(Object.entries(source).filter(([k, v]) => known.includes(k) && v !== "" && v !== undefined));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}=${JSON.stringify(cleaned[String(i.path[0])])}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const siteUrl = (parsed.data.SITE_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, "");
  const meiliUrls = parsed.data.MEILI_URLS ?? (parsed.data.MEILI_URL ? [parsed.data.MEILI_URL] : []);
  const revalidateUrls = parsed.data.REVALIDATE_URLS ?? [`http://127.0.0.1:${parsed.data.PORT}`];
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR), contentDir: resolve(parsed.data.CONTENT_DIR), siteUrl, meiliUrls, revalidateUrls, edgeUrls: parsed.data.EDGE_URLS ?? [] };
}

let cached: Env | undefined;

/** This process's environment, parsed on first use. */
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
