// Test helpers: the importer's own fixtures (test/fixtures/raw) and the shared seed pages.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = join(import.meta.dirname, "../../test/fixtures/raw");
/** ../shared/seeds beside the repository; absent on machines that only have the repository. */
export const SEEDS = process.env.IMPORTER_SEEDS_DIR || join(import.meta.dirname, "../../../shared/seeds");
export const hasSeeds = existsSync(SEEDS);

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name));
}
