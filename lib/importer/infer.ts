// Frontmatter facts inferred from a question's own words: region, policy year, insurance type, topics.
// Pure.
import type { Insurance, TopicVocabulary } from "../domain/schema.ts";
import { findRegionByName, getRegion, NATIONWIDE } from "../regions/index.ts";
import { inferTopics } from "../domain/topics.ts";

export type RegionMatch = { code: string; name: string; index: number };

const MAX_NAME = 10;

// Short place names that are also ordinary words in this domain (合作医疗, 安宁疗护, 东方医院, 阿里健康 …),
// and idioms that start with a city name.
const NOT_PLACES = new Set(["合作", "安宁", "东方", "阿里", "和平", "城中", "长寿", "开发", "高新"]);
const IDIOMS = ["大同小异", "长治久安", "四平八稳", "中山医院", "中山大学", "中山路", "南京路", "北京路"];

/**
 * Place names in a title ("2025贵州毕节…", "张家口医保在石家庄…"), resolved through the region package.
 * Provinces and cities match by full or short name; counties by their full name (three or more
 * characters), and county-level cities also by their short name ("昆山", "义乌"). Short district and
 * county names ("城区", "矿区") are ordinary words and are not matched.
 */
export function findRegions(text: string): RegionMatch[] {
  const out: RegionMatch[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    for (let len = Math.min(MAX_NAME, chars.length - i); len >= 2; len--) {
      const name = chars.slice(i, i + len).join("");
      const code = findRegionByName(name);
      if (!code) continue;
      const region = getRegion(code)!;
      const full = name === region.name;
      if (!full && NOT_PLACES.has(name)) continue;
      if (IDIOMS.some((w) => w.startsWith(name) && chars.slice(i, i + [...w].length).join("") === w)) continue;
      const cityLike = region.level !== "county" || code.endsWith("00") || region.name.endsWith("市");
      if (!cityLike && !(full && len >= 3)) continue;
      out.push({ code, name, index: i });
      i += len - 1;
      break;
    }
  }
  return out;
}

/**
 * The region a question is about: the first place it names, narrowed to a city or county inside that
 * place when one is named too ("贵州毕节" → 毕节市). A second, unrelated place ("张家口医保在石家庄") is
 * where the care happens, not the scheme's region, so it is ignored.
 */
export function inferRegion(text: string): RegionMatch | undefined {
  const matches = findRegions(text);
  const first = matches[0];
  if (!first) return undefined;
  let best = first;
  for (const m of matches.slice(1)) {
    const r = getRegion(m.code)!;
    if (r.path.some((p) => p.code === best.code) && r.code !== best.code) best = m;
    else {
      // Names shared by several places ("南山区") resolve to one of them; look for it inside `best`.
      const under = findUnder(best.code, m.name);
      if (under) best = { ...m, code: under };
    }
  }
  return best;
}

const SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$/u;

/** A city or county called `name` inside the province or city `parent`. */
function findUnder(parent: string, name: string): string | undefined {
  const level = getRegion(parent)?.level;
  const matches = (code: string) => {
    const r = getRegion(code);
    return !!r && (r.name === name || r.name.replace(SUFFIX, "") === name);
  };
  const two = (n: number) => String(n).padStart(2, "0");
  if (level === "city") {
    for (let d = 1; d <= 99; d++) if (matches(parent.slice(0, 4) + two(d))) return parent.slice(0, 4) + two(d);
  }
  if (level === "province") {
    for (let c = 1; c <= 99; c++) {
      const city = `${parent.slice(0, 2)}${two(c)}00`;
      if (matches(city)) return city;
      for (let d = 1; d <= 99; d++) if (matches(city.slice(0, 4) + two(d))) return city.slice(0, 4) + two(d);
    }
  }
  return undefined;
}

export function regionCode(text: string): string {
  return inferRegion(text)?.code ?? NATIONWIDE;
}

/** A policy year written in the text ("2025年", "2025贵州…"), not an amount such as "2000元". */
export function inferYear(text: string): number | undefined {
  const m = /(?<!\d)(199[89]|20\d{2})(?=年|[^\d元块万千百人岁次个多余%．.,，\-/]|$)/u.exec(text);
  return m ? Number(m[1]) : undefined;
}

// Employee insurance goes with a job (单位, 在职, 退休); resident insurance with 居民 / 新农合 and people
// without an employer (students, newborns).
const EMPLOYEE = /职工|在职|退休|单位|上班|公司/u;
const RESIDENT = /居民|新农合|农合|合作医疗|农村医保|学生|儿童|新生儿|(?<!生)孩子|小孩|无业/u;

/** employee / resident from the words used; both when the text names neither (or both). */
export function inferInsurance(text: string): Insurance[] {
  const e = EMPLOYEE.test(text);
  const r = RESIDENT.test(text);
  if (e && !r) return ["employee"];
  if (r && !e) return ["resident"];
  return ["employee", "resident"];
}

export const FALLBACK_TOPIC = "医保";
const SOCIAL_SECURITY_ONLY = /社保|社会保险|养老|退休|失业|工伤/u;

/**
 * Up to `max` topics by the one rule (lib/domain/topics.ts), with what scraped pages add: two unrelated
 * places named in the title mean care away from home (异地就医, first), and a page that names no topic is
 * about 医保 (or 社保, for pension and other social-security questions).
 */
export function inferImportedTopics(texts: string[], vocabulary: TopicVocabulary = [], max = 3): string[] {
  // Two unrelated places ("张家口医保在石家庄…"): care away from where one is insured.
  const places = findRegions(texts[0] ?? "");
  const away = places.length >= 2 && !places.slice(1).some((p) => related(p.code, places[0]!.code)) ? ["异地就医"] : [];
  const names = [...new Set([...away, ...inferTopics(texts, vocabulary, { max, fallback: null })])].slice(0, max);
  if (names.length) return names;
  const all = texts.join("\n");
  return [SOCIAL_SECURITY_ONLY.test(all) && !/医保|医疗/u.test(all) ? "社保" : FALLBACK_TOPIC];
}

function related(a: string, b: string): boolean {
  const pa = getRegion(a)?.path.map((p) => p.code) ?? [];
  const pb = getRegion(b)?.path.map((p) => p.code) ?? [];
  return pa.includes(b) || pb.includes(a);
}
