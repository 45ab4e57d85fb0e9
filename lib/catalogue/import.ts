// content/catalogues/*.json → Postgres (editions, drugs, rows) → the drug index on every Meilisearch
// instance. An edition is imported whole, in one transaction, after its rows were counted against the
// counts the file states; a file whose hash is already stored is not read further; the index is rebuilt
// from Postgres only when what it would hold changed. One import at a time per database.
import "server-only";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { todayInChina } from "../domain/dates.ts";
import { type Db, getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { acquireLock } from "../db/lock.ts";
import type { ContentIssue } from "../domain/schema.ts";
import { type DrugCardData, type DrugDocument, drugIndexName, slipVariants, syncDrugIndex } from "../search/drugs.ts";
import { currentEditions } from "./editions.ts";
import { checkCatalogue, fileIssue, listCatalogueFiles } from "./check.ts";
import { assignIds, groupName, matchForm, nameSyllables, rowNames } from "./names.ts";
import type { DrugList } from "./schema.ts";

const LOCK = "catalogue-import";
// Bump when the shape of a drug document changes: every instance's drug index is then rebuilt.
const DOC_VERSION = "drug-doc-3";

export type CatalogueReport = {
  editions: { id: string; label: string; rows: number; status: "imported" | "unchanged" | "refused" }[];
  drugs: number;
  /** Instances whose drug index was rebuilt; the ones that could not be reached, with why. */
  indexed: string[];
  indexErrors: string[];
  errors: ContentIssue[];
  ms: number;
};

export type ImportOptions = {
  contentDir: string;
  databaseUrl: string;
  /** Every Meilisearch instance to feed (none: Postgres only). */
  meiliUrls: string[];
  meiliKey?: string;
  /** The article index's name; the drug index is `${indexName}-drugs`. */
  indexName: string;
  today?: string;
};

export async function importCatalogues(opts: ImportOptions): Promise<CatalogueReport> {
  const started = performance.now();
  const lock = await acquireLock(opts.databaseUrl, LOCK, { wait: true });
  try {
    const db = getDb(opts.databaseUrl);
    const report: CatalogueReport = { editions: [], drugs: 0, indexed: [], indexErrors: [], errors: [], ms: 0 };
    for (const rel of await listCatalogueFiles(opts.contentDir)) {
      const r = await importFile(db, join(opts.contentDir, rel), rel);
      if ("issue" in r) {
        report.errors.push(r.issue);
        report.editions.push({ id: rel.split("/").pop()!.replace(/\.json$/, ""), label: "", rows: 0, status: "refused" });
      } else report.editions.push(r);
    }
    const { docs, version } = await drugDocuments(db, opts.today ?? todayInChina());
    report.drugs = docs.length;
    for (const url of opts.meiliUrls) {
      try {
        if (await syncDrugIndex(url, opts.meiliKey, drugIndexName(opts.indexName), docs, version)) report.indexed.push(url);
      } catch (e) {
        report.indexErrors.push(`${url}: ${(e as Error).message}`);
      }
    }
    report.ms = performance.now() - started;
    return report;
  } finally {
    await lock!.release();
  }
}

type Imported = { id: string; label: string; rows: number; status: "imported" | "unchanged" };

async function importFile(db: Db, path: string, rel: string): Promise<Imported | { issue: ContentIssue }> {
  const badName = fileIssue(rel);
  if (badName) return { issue: badName };
  const id = rel.split("/").pop()!.replace(/\.json$/, "");
  const bytes = await readFile(path);
  const hash = createHash("sha256").update(bytes).digest("hex");
  const stored = await db.catalogueEdition.findUnique({ where: { id }, select: { contentHash: true, label: true, rows: true } });
  // The same bytes as stored: nothing to read further, nothing to write.
  if (stored?.contentHash === hash) return { id, label: stored.label, rows: stored.rows, status: "unchanged" };
  const file = checkCatalogue(rel, bytes);
  if ("issue" in file) return file;
  await writeEdition(db, { id, catalogue: file.catalogue, part: file.part, hash, list: file.list });
  return { id, label: file.list.provenance.edition, rows: file.list.drugs.length, status: "imported" };
}

async function writeEdition(db: Db, e: { id: string; catalogue: string; part: string; hash: string; list: DrugList }) {
  const { list } = e;
  const p = list.provenance;
  const source = Object.values(p.sources).find((s) => s.document_no === p.document_no) ?? Object.values(p.sources)[0]!;
  const names = list.drugs.map((r) => groupName(r.name_zh));
  const edition = {
    catalogue: e.catalogue,
    part: e.part,
    label: p.edition,
    year: Number(p.edition.slice(0, 4)),
    title: source.title,
    documentNo: p.document_no,
    issuer: source.issuer ?? "",
    published: source.published ?? "",
    effective: p.effective,
    noticeUrl: source.url ?? "",
    pdfUrl: source.attachment_url ?? "",
    contentHash: e.hash,
    rows: list.drugs.length,
    statedCounts: { ...p.counts, ...(source.stated_totals_fanli ? { fanli: source.stated_totals_fanli } : {}) } as Prisma.InputJsonValue,
    fanli: list.fanli as Prisma.InputJsonValue,
  };
  await db.$transaction(
    async (tx) => {
      const existing = new Map((await tx.drug.findMany({ where: { name: { in: [...new Set(names)] } }, select: { id: true, name: true } })).map((d) => [d.name, d.id]));
      // Ids of names new to the database; a homophone of any stored name gets a hashed suffix.
      const taken = new Map((await tx.drug.findMany({ select: { id: true, name: true } })).map((d) => [d.name, d.id]));
      for (const [n, id] of existing) taken.set(n, id);
      const ids = assignIds([...new Set(names)], taken);
      await tx.drug.createMany({ data: [...new Set(names)].filter((n) => !existing.has(n)).map((n) => ({ id: ids.get(n)!, name: n })), skipDuplicates: true });
      await tx.catalogueEdition.upsert({ where: { id: e.id }, create: { id: e.id, ...edition }, update: { ...edition, importedAt: new Date() } });
      await tx.drugEntry.deleteMany({ where: { editionId: e.id } });
      await tx.drugEntry.createMany({
        data: list.drugs.map((r, i) => ({
          editionId: e.id,
          drugId: ids.get(names[i]!)!,
          position: i + 1,
          section: r.section,
          no: r.no,
          primaryNo: r.primary_no,
          name: r.name_zh,
          dosageForm: r.dosage_form,
          class: r.class,
          restriction: r.restriction,
          paymentStandard: r.payment_standard ?? null,
          ...(r.payment_standard_note ? { paymentStandardNote: r.payment_standard_note as Prisma.InputJsonValue } : {}),
          agreementPeriod: r.agreement_period,
          categoryCode: r.category_code,
          categoryName: list.categories[r.category_code] ?? null,
          pdfPage: r.pdf_page,
          seeFanli: r.see_fanli ?? null,
          includes: r.includes ?? [],
        })),
      });
      // A corrected file may have renamed a drug: a name no row refers to any more has no page.
      await tx.drug.deleteMany({ where: { entries: { none: {} } } });
    },
    { timeout: 60_000 },
  );
}

/**
 * The drug index as Postgres says it should be: one document per drug with its rows of the edition in
 * force (or of the latest edition that lists it), and a version that changes whenever any of that does.
 */
export async function drugDocuments(db: Db, today: string): Promise<{ docs: DrugDocument[]; version: string }> {
  const editions = await db.catalogueEdition.findMany({ select: { id: true, catalogue: true, part: true, label: true, effective: true, year: true, title: true, contentHash: true } });
  const current = new Set(currentEditions(editions, today).map((e) => e.id));
  const byId = new Map(editions.map((e) => [e.id, e]));
  const drugs = await db.drug.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, entries: { orderBy: [{ editionId: "asc" }, { position: "asc" }] } },
  });
  const docs: DrugDocument[] = [];
  for (const d of drugs) {
    // The edition in force when it lists the drug, else the newest that does.
    const listed = [...new Set(d.entries.map((e) => e.editionId))].map((id) => byId.get(id)!).sort((a, b) => b.effective.localeCompare(a.effective));
    const shown = listed.find((e) => current.has(e.id)) ?? listed[0];
    if (!shown) continue;
    const rows = d.entries.filter((e) => e.editionId === shown.id);
    const names = [...new Set([d.name, ...rows.flatMap((r) => rowNames({ name_zh: r.name, includes: r.includes }))])];
    const syllables = names.map((n) => nameSyllables(n)).filter((s) => s.length > 0);
    const card: DrugCardData = {
      edition: { label: shown.label, effective: shown.effective, title: shown.title },
      entries: rows.map((r) => ({ section: r.section, no: r.no, name: r.name, dosageForm: r.dosageForm, class: r.class, restriction: r.restriction, paymentStandard: r.paymentStandard, agreementPeriod: r.agreementPeriod })),
    };
    docs.push({
      id: d.id,
      name: d.name,
      names: names.filter((n) => matchForm(n).length > 0),
      syllables: [...new Set(syllables.map((s) => s.join(" ")))],
      initials: [...new Set(syllables.map((s) => s.map((x) => x[0]).join("")))],
      variants: [...new Set(syllables.flatMap(slipVariants))].join(" "),
      card,
      v: "",
    });
  }
  const version = createHash("sha256")
    .update(DOC_VERSION)
    .update(JSON.stringify(editions.map((e) => [e.id, e.contentHash, current.has(e.id)]).sort()))
    .digest("hex")
    .slice(0, 16);
  for (const doc of docs) doc.v = version;
  return { docs, version };
}

/** One line for the ingest log. */
export function summariseCatalogues(r: CatalogueReport): string {
  const eds = r.editions.map((e) => `${e.id} ${e.status === "imported" ? `imported (${e.label}, ${e.rows} rows)` : e.status === "unchanged" ? "unchanged" : "REFUSED"}`).join(", ");
  const index = r.indexed.length ? `; drug index rebuilt (${r.drugs} drugs)` : "; drug index unchanged";
  return `drug lists: ${eds || "none"}${index} [${(r.ms / 1000).toFixed(2)} s]`;
}
