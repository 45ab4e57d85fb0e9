// Reads for the drug pages and the sitemap. Pages show one edition: the one in force that lists the drug,
// else the newest that does (then they say the edition in force does not list the name).
import "server-only";
import type { Db } from "../db/client.ts";
import { currentEditions } from "./editions.ts";

/** The page-cache tag of every drug page and the drug sitemap: an import that changed a list expires it. */
export const DRUGS_TAG = "drugs";

const DRUG_ID = /^[a-z0-9-]{1,80}$/;

export type DrugPage = NonNullable<Awaited<ReturnType<typeof getDrugPage>>>;

export async function getDrugPage(db: Db, id: string, today: string) {
  if (!DRUG_ID.test(id)) return null;
  const drug = await db.drug.findUnique({ where: { id }, select: { id: true, name: true, entries: { orderBy: { position: "asc" } } } });
  if (!drug || !drug.entries.length) return null;
  const editions = await db.catalogueEdition.findMany({
    select: { id: true, catalogue: true, part: true, label: true, year: true, effective: true, title: true, documentNo: true, issuer: true, published: true, noticeUrl: true, pdfUrl: true, fanli: true },
  });
  const inForce = new Set(currentEditions(editions, today).map((e) => e.id));
  const listing = editions.filter((e) => drug.entries.some((x) => x.editionId === e.id)).sort((a, b) => b.effective.localeCompare(a.effective));
  const edition = listing.find((e) => inForce.has(e.id)) ?? listing[0]!;
  const fanli = edition.fanli as Record<string, string>;
  const entries = drug.entries.filter((e) => e.editionId === edition.id);
  return {
    id: drug.id,
    name: drug.name,
    edition,
    /** False when the edition in force for this list does not list the name (an older one does). */
    inForce: inForce.has(edition.id),
    entries: entries.map((e) => ({ ...e, fanliText: e.seeFanli ? (fanli[e.seeFanli] ?? null) : null })),
    otherEditions: listing.filter((e) => e.id !== edition.id).map((e) => ({ label: e.label, effective: e.effective })),
  };
}

/** Every drug page, for the sitemap. */
export async function drugIds(db: Db): Promise<{ id: string }[]> {
  return db.drug.findMany({ where: { entries: { some: {} } }, select: { id: true }, orderBy: { id: "asc" } });
}
