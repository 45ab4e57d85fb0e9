export type SecretKind = "auth" | "revalidate";
/** The settings a resolution reads: lib/env.ts's Env (or, in scripts/web-server.mjs, process.env). */
export type SecretSource = { BETTER_AUTH_SECRET?: string; REVALIDATE_SECRET?: string };

export const SECRETS: Record<SecretKind, { variable: "BETTER_AUTH_SECRET" | "REVALIDATE_SECRET"; file: string }>;
export function loadOrCreateSecret(dir: string, name: string): Promise<string>;
export function storedSecret(env: SecretSource & { dataDir: string }, kind: SecretKind): Promise<string>;
export function missingSecrets(source: SecretSource): string[];
export function missingSecretsMessage(missing: string[]): string;
export function authSecret(env: SecretSource): string;
export function signingSecret(env: SecretSource): string;
export function holdsRevalidateSecret(env: SecretSource, header: string | null | undefined): boolean;
