// A web instance's graceful stop (SIGTERM from a deploy or a process manager): it says it is stopping
// (GET /api/health/ready answers 503 "stopping", read through the same global symbol by
// lib/site/health.ts), keeps serving for the drain period so that the load balancer's probe takes it
// out of rotation — each response meanwhile says Connection: close, so that keep-alive clients reconnect
// elsewhere — then stops accepting, lets the requests in flight finish (bounded) and exits.
export const STOPPING = Symbol.for("yibao.web.stopping");

/** @param {import("node:http").Server} server */
export function stopGracefully(server, { drainMs = 0, graceMs = 20_000, log = console.log } = {}) {
  if (globalThis[STOPPING]) return;
  globalThis[STOPPING] = true;
  server.on("request", (_req, res) => res.setHeader("connection", "close"));
  if (drainMs) log(`stopping: not ready, serving ${drainMs / 1000} s more for the load balancer to notice`);
  setTimeout(() => {
    // Node closes idle keep-alive connections here too; the close callback runs when the last request ends.
    server.close(() => process.exit(0));
    setTimeout(() => {
      log(`stopping: requests still open after ${graceMs / 1000} s are cut`);
      server.closeAllConnections();
      process.exit(0);
    }, graceMs).unref();
  }, drainMs);
}
