// Personal data in a reader's question is masked before anything is stored (PIPL: collect no more than
// needed): ID card numbers, mobile and landline numbers, bank card numbers, e-mail addresses and the name
// after "我叫…". Pure. Masking errs on the side of hiding a little too much: a question reads the same
// without "王小明", but a stored ID number cannot be taken back.

export type PiiKind = "id_card" | "bank_card" | "phone" | "email" | "name";

export const PII_LABELS: Record<PiiKind, string> = { id_card: "身份证号", bank_card: "银行卡号", phone: "电话号码", email: "邮箱", name: "姓名" };

const MASK: Record<PiiKind, string> = { id_card: "［身份证号已隐去］", bank_card: "［银行卡号已隐去］", phone: "［电话已隐去］", email: "［邮箱已隐去］", name: "［姓名已隐去］" };

// Digits may be written in groups ("110101 19900307 123X", "6222-0200-…"); full-width digits are
// folded by NFKC first. Lookarounds instead of \b: a Han character next to a digit is no word boundary.
const SEP = "[ \\-]?";
const group = (n: number) => `\\d{${n}}`;
const PATTERNS: [PiiKind, RegExp][] = [
  // 18-digit resident ID (6 area + 8 birth date + 3 + check), also the old 15-digit form.
  ["id_card", new RegExp(`(?<![\\dA-Za-z])[1-9]\\d{5}${SEP}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])${SEP}\\d{3}[\\dXx](?![\\dA-Za-z])`, "g")],
  ["id_card", new RegExp(`(?<!\\d)[1-9]\\d{5}\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}(?!\\d)`, "g")],
  // Bank cards: 16–19 digits, grouped by four or not.
  ["bank_card", new RegExp(`(?<!\\d)${group(4)}(?:${SEP}${group(4)}){3}(?:${SEP}\\d{1,3})?(?!\\d)`, "g")],
  ["bank_card", /(?<!\d)\d{16,19}(?!\d)/g],
  // Mobile numbers, with or without +86 and separators: 13800138000, 138 0013 8000, +86-138-0013-8000.
  ["phone", new RegExp(`(?<![\\d+])(?:\\+?86${SEP})?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}(?!\\d)`, "g")],
  // Landlines with an area code: 010-12345678, (0755)8888 8888, 0851 1234567.
  ["phone", /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[ -]?\d{3,4}[ -]?\d{4}(?!\d)/g],
  ["email", /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g],
];

// "我叫王小明", "本人姓名：李四", "我爸叫张建国"; the name is two to four Han characters, cut short where an
// ordinary word follows without punctuation ("我叫李四在深圳上班").
const NAME_TRIGGER = /(?:(?:我|本人|我爸|我妈|我父亲|我母亲|我爱人|我老公|我老婆|我丈夫|我妻子|我儿子|我女儿|孩子|患者)(?:叫|名叫|的名字是|的名字叫|名字叫)|姓名(?:是|为)?[:：]?|名字(?:是|叫)[:：]?)\s*/g;
const NAME = /^[\u4e00-\u9fff·]{2,4}/;
const AFTER_NAME = /[在是的今从想要住有和跟已去在，。、今年现]/;

function maskNames(text: string, found: Set<PiiKind>): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(NAME_TRIGGER)) {
    const start = m.index + m[0].length;
    if (start < last) continue;
    const name = NAME.exec(text.slice(start))?.[0];
    if (!name) continue;
    // From the third character on, a word that usually follows a name ends it.
    let len = name.length;
    for (let i = 2; i < name.length; i++) {
      if (AFTER_NAME.test(name[i]!)) {
        len = i;
        break;
      }
    }
    out += text.slice(last, start) + MASK.name;
    last = start + len;
    found.add("name");
  }
  return out + text.slice(last);
}

// Full-width digits, Latin letters, "+", "-", "@" and "." as ASCII, so that "１３８…" is a number too;
// other full-width punctuation (，：) is part of the text and stays.
function foldWidth(s: string): string {
  return s.replace(/[\uFF0B\uFF0D\uFF0E\uFF10-\uFF19\uFF20-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export type Masked = { text: string; found: PiiKind[] };

export function maskPersonalData(input: string): Masked {
  const found = new Set<PiiKind>();
  let text = foldWidth(input);
  for (const [kind, re] of PATTERNS) {
    text = text.replace(re, () => {
      found.add(kind);
      return MASK[kind];
    });
  }
  text = maskNames(text, found);
  return { text, found: [...found] };
}
