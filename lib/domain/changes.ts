// What a write changed, as the pages showing it know it: each write verb of the authoring app reports
// it, and the admin transport (lib/site/admin-api.ts) expires exactly those pages on every web server.
// A verb that changes nothing a reader sees reports nothing.
export type Changed = {
  /** Articles whose pages (and the pages listing them) now read differently. */
  articleIds?: string[];
  /** Addresses /q/<slug> that may have been cached as a 404 or a redirect before this write. */
  slugs?: string[];
  /** Policies whose figures or verification mark the pages now show differently. */
  policyIds?: string[];
};
