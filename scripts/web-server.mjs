// The production web server: Next.js's own request handler — what `next start` runs — inside a Node
// http server, for what `next start` cannot do (scripts/web-server/http.mjs): a page that failed because
// Postgres is unreachable answers 503 with Retry-After (a crawler or load balancer comes back later)
// instead of 500 (broken), and a path with a broken percent-escape a Chinese 404 instead of a plain 500.
// Plain JavaScript: it starts Next, so it cannot be compiled by it.
//   node scripts/web-server.mjs [--port 3000] [--hostname 127.0.0.1]
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { trustedProxies, withOutagesAs503 } from "./web-server/http.mjs";

// Before Next loads: it picks React's production build by this, as `next start` sets it.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const { values } = parseArgs({ options: { port: { type: "string", default: process.env.PORT ?? "3000" }, hostname: { type: "string", default: process.env.HOST ?? "127.0.0.1" } } });
const port = Number(values.port);
const app = next({ dev: false, dir: new URL("..", import.meta.url).pathname, hostname: values.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// X-Forwarded-For is believed only from these (none by default): the socket's peer is the client.
const server = createServer(withOutagesAs503(handle, randomUUID, { trusted: trustedProxies(process.env.TRUSTED_PROXIES) }));
// As `next start` does: keep-alive longer than a typical load balancer's idle timeout.
server.keepAliveTimeout = 65_000;
server.listen(port, values.hostname, () => console.log(`ready on http://${values.hostname}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
