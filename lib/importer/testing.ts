// Test helpers: the importer's own fixtures (test/fixtures/raw) and the five seed pages (test/fixtures/seeds).
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = join(import.meta.dirname, "../../test/fixtures/raw");
export const SEEDS = join(import.meta.dirname, "../../test/fixtures/seeds");

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name));
}
