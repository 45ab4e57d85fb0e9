import { describe, expect, it } from "vitest";
import { checkHealth, checkReadiness } from "./health.ts";

const up = async () => {};
const down = async () => {
  throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
};
const limits = { workerSeconds: 30, feedLagSeconds: 60 };

describe("checkHealth", () => {
  it("is down without Postgres and degraded without Meilisearch", async () => {
    expect((await checkHealth({ db: down, search: up })).status).toBe("down");
    expect((await checkHealth({ db: up, search: down })).status).toBe("degraded");
    expect((await checkHealth({ db: up, search: up })).status).toBe("ok");
  });
});

describe("checkReadiness", () => {
  const probes = { db: up, search: up, worker: async () => ({ ageSeconds: 3 }), feedLag: async () => [0, 2] };

  it("is ready when everything answers, the worker was seen and the feeds keep up", async () => {
    const r = await checkReadiness(probes, limits);
    expect(r).toMatchObject({ status: "ready", reasons: [], workerSeenSecondsAgo: 3, feedLagSeconds: [0, 2] });
  });

  it("names every reason it is not ready", async () => {
    expect((await checkReadiness({ ...probes, worker: async () => null }, limits)).reasons).toEqual(["worker_unseen"]);
    expect((await checkReadiness({ ...probes, worker: async () => ({ ageSeconds: 31 }) }, limits)).reasons).toEqual(["worker_stale"]);
    expect((await checkReadiness({ ...probes, feedLag: async () => [0, 61] }, limits)).reasons).toEqual(["feed_lag"]);
    expect((await checkReadiness({ ...probes, search: down }, limits)).reasons).toEqual(["search_down"]);
    expect((await checkReadiness({ ...probes, stopping: () => true }, limits)).reasons).toEqual(["stopping"]);
  });

  it("does not ask about the worker when Postgres is down, and says only that", async () => {
    let asked = false;
    const r = await checkReadiness({ ...probes, db: down, worker: async () => ((asked = true), { ageSeconds: 1 }) }, limits);
    expect(r.status).toBe("not_ready");
    expect(r.reasons).toEqual(["db_down"]);
    expect(asked).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/ECONNREFUSED|5432/);
  });
});
