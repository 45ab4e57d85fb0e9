// The production web server: Next.js's own request handler — what `next start` runs — inside a Node
// http server, for what `next start` cannot do (scripts/web-server/http.mjs): a page that failed because
// Postgres is unreachable answers 503 with Retry-After (a crawler or load balancer comes back later)
// instead of 500 (broken), and a path with a broken percent-escape a Chinese 404 instead of a plain 500.
// Plain JavaScript: it starts Next, so it cannot be compiled by it.
// On SIGTERM it stops gracefully (scripts/web-server/shutdown.mjs): --drain-seconds N behind a load
// balancer (0 by default, as `npm start` has none), then the requests in flight finish.
//   node scripts/web-server.mjs [--port 3000] [--hostname 127.0.0.1] [--drain-seconds 10]
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { missingSecrets, missingSecretsMessage } from "../lib/secrets.mjs";
import { observeRequest } from "../lib/ops/metrics-registry.mjs";
import { trustedProxies, withOutagesAs503 } from "./web-server/http.mjs";
import { stopGracefully } from "./web-server/shutdown.mjs";

// Before anything else: without the shared secrets every instance would sign sessions with its own
// and refuse the worker's page refreshes. `npm start` passes them; by hand they must be set.
const missing = missingSecrets(process.env);
if (missing.length) {
  console.error(`[serve] cannot start\n${missingSecretsMessage(missing)}`);
  process.exit(1);
}

// Before Next loads: it picks React's production build by this, as `next start` sets it.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    hostname: { type: "string", default: process.env.HOST ?? "127.0.0.1" },
    "drain-seconds": { type: "string", default: "0" },
  },
});
const drainSeconds = Number(values["drain-seconds"]);
if (!Number.isFinite(drainSeconds) || drainSeconds < 0 || drainSeconds > 600) {
  console.error(`[serve] --drain-seconds must be a number of seconds from 0 to 600, not "${values["drain-seconds"]}"`);
  process.exit(2);
}
const port = Number(values.port);
const app = next({ dev: false, dir: new URL("..", import.meta.url).pathname, hostname: values.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// X-Forwarded-For is believed only from these (none by default): the socket's peer is the client.
const handler = withOutagesAs503(handle, randomUUID, { trusted: trustedProxies(process.env.TRUSTED_PROXIES) });
// Every request counted by route group and status, with its duration (GET /metrics, lib/ops/metrics.ts).
const server = createServer((req, res) => {
  observeRequest(req, res);
  return handler(req, res);
});
// As `next start` does: keep-alive longer than a typical load balancer's idle timeout.
server.keepAliveTimeout = 65_000;
server.listen(port, values.hostname, () => console.log(`ready on http://${values.hostname}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => stopGracefully(server, { drainMs: drainSeconds * 1000, log: (l) => console.log(`[serve] ${l}`) }));
}
