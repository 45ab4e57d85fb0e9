// The embedded servers' credentials (Postgres password, Meilisearch master key) are generated into
// DATA_DIR the way the site's shared secrets are: one implementation, in lib/secrets.mjs.
export { loadOrCreateSecret } from "../secrets.mjs";
