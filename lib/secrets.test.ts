import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authSecret, holdsRevalidateSecret, missingSecrets, missingSecretsMessage, storedSecret } from "./secrets.mjs";

const SET = "s".repeat(40);
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "yibao-secrets-"));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe("a process that owns DATA_DIR", () => {
  it("uses the variable when set and writes nothing", async () => {
    expect(await storedSecret({ dataDir, BETTER_AUTH_SECRET: SET }, "auth")).toBe(SET);
    await expect(stat(join(dataDir, "auth-secret"))).rejects.toThrow();
  });

  it("otherwise generates each secret once into DATA_DIR (mode 600) and reads it back on the next start", async () => {
    const auth = await storedSecret({ dataDir }, "auth");
    const revalidate = await storedSecret({ dataDir }, "revalidate");
    expect(auth).toMatch(/^[0-9a-f]{64}$/);
    expect(revalidate).not.toBe(auth);
    expect(await storedSecret({ dataDir }, "auth")).toBe(auth);
    expect(await readFile(join(dataDir, "revalidate-secret"), "utf8")).toBe(revalidate);
    expect((await stat(join(dataDir, "auth-secret"))).mode & 0o777).toBe(0o600);
  });
});

describe("a web server", () => {
  it("names the secrets it lacks, in Chinese and English", () => {
    expect(missingSecrets({})).toEqual(["BETTER_AUTH_SECRET", "REVALIDATE_SECRET"]);
    expect(missingSecrets({ BETTER_AUTH_SECRET: SET, REVALIDATE_SECRET: "" })).toEqual(["REVALIDATE_SECRET"]);
    expect(missingSecrets({ BETTER_AUTH_SECRET: SET, REVALIDATE_SECRET: SET })).toEqual([]);
    const message = missingSecretsMessage(["BETTER_AUTH_SECRET", "REVALIDATE_SECRET"]);
    expect(message).toContain("缺少 BETTER_AUTH_SECRET、REVALIDATE_SECRET");
    expect(message).toContain("Missing BETTER_AUTH_SECRET, REVALIDATE_SECRET");
  });

  it("signs with the set secret, and accepts a page refresh only from its holder", () => {
    expect(authSecret({ BETTER_AUTH_SECRET: SET })).toBe(SET);
    expect(authSecret({})).not.toBe(authSecret({}));
    expect(holdsRevalidateSecret({ REVALIDATE_SECRET: SET }, `Bearer ${SET}`)).toBe(true);
    expect(holdsRevalidateSecret({ REVALIDATE_SECRET: SET }, `Bearer ${SET}x`)).toBe(false);
    expect(holdsRevalidateSecret({ REVALIDATE_SECRET: SET }, SET)).toBe(false);
    expect(holdsRevalidateSecret({}, "Bearer ")).toBe(false);
    expect(holdsRevalidateSecret({}, "Bearer undefined")).toBe(false);
  });
});

it("no file of lib/, app/, components/ or scripts/ but lib/secrets.mjs reads a secret (lib/env.ts only validates them)", () => {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "lib", "app", "components", "scripts", "instrumentation.ts", "proxy.ts"], { encoding: "utf8" })
    .split("\n")
    .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.endsWith(".test.ts") && !["lib/secrets.mjs", "lib/secrets.d.mts"].includes(f));
  expect(files.length).toBeGreaterThan(100);
  const readers = files.filter((f) => {
    const text = readFileSync(f, "utf8").replace(/^\s*(\/\/|\*|\/\*).*$/gm, "");
    return /BETTER_AUTH_SECRET|REVALIDATE_SECRET|auth-secret|revalidate-secret/.test(f === "lib/env.ts" ? text.replace(/^\s*(BETTER_AUTH_SECRET|REVALIDATE_SECRET): z\..*$/gm, "") : text);
  });
  expect(readers).toEqual([]);
});
