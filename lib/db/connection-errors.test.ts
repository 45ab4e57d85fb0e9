// A Postgres that dies just as a connection opens: the end of the handshake and the server's FATAL in
// one read, as when Postgres is killed under load. A real Postgres cannot be made to do that on cue, so
// a socket speaks those few protocol messages. Every connection of ours must hear the 'error' it emits;
// one that does not ends the process (here: an unhandled error that fails the run).
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "./client.ts";
import { acquireLock } from "./lock.ts";

const message = (type: string, body: Buffer) => {
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};
const authenticationOk = message("R", Buffer.from([0, 0, 0, 0]));
const readyForQuery = message("Z", Buffer.from("I"));
const fatal = message(
  "E",
  Buffer.concat([
    ...[
      ["S", "FATAL"],
      ["V", "FATAL"],
      ["C", "57P01"],
      ["M", "terminating connection due to unexpected postmaster exit"],
    ].map(([k, v]) => Buffer.from(`${k}${v}\0`)),
    Buffer.from([0]),
  ]),
);

let server: Server;
let url: string;
let connections = 0;

beforeAll(async () => {
  server = createServer((socket) => {
    connections++;
    socket.on("error", () => {});
    // Answer the startup message with all three at once, then hang up.
    socket.once("data", () => socket.end(Buffer.concat([authenticationOk, readyForQuery, fatal])));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  url = `postgresql://yibao:secret@127.0.0.1:${port}/yibao`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("a connection whose server dies as it opens", () => {
  it("fails the advisory lock, not the process, and says why", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const before = connections;
    await expect(acquireLock(url, "test")).rejects.toThrow();
    expect(connections).toBe(before + 1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/lock test: connection lost \(terminating connection due to unexpected postmaster exit\)/));
    warn.mockRestore();
  });

  it("fails a Prisma transaction, not the process", async () => {
    const before = connections;
    await expect(getDb(url).$transaction(async (tx) => tx.$queryRawUnsafe("SELECT 1"))).rejects.toThrow();
    expect(connections).toBeGreaterThan(before);
    await closeDb(url);
  });
});
