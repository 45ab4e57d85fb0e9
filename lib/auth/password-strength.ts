// Whether a new password is good enough: at least 10 characters, not the account's e-mail or name, none
// of the patterns Chinese passwords are guessed with first (a birthday, a mobile number, a name in pinyin,
// 5201314 and friends), and hard to guess by zxcvbn-ts's estimate (common-password list, keyboard walks,
// repeats, sequences, dates) with the account's own words counted as known. Pure; the Chinese message
// says what to change. Used by `npm run user:add`, the account API and the password change.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { splitSyllables, toSyllables } from "../query/pinyin.ts";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;

// Words that Chinese password lists are full of: love numbers, pinyin phrases, the commonest surnames
// and given-name syllables, the keyboard rows people think are random.
const CHINESE_WORDS = [
  "5201314", "1314520", "520520", "woaini", "woaini1314", "aini1314", "iloveyou", "wangyi", "baidu", "qq123456", "taobao", "weixin",
  "zhongguo", "beijing", "shanghai", "guangzhou", "shenzhen", "yibao", "shebao", "mima", "mimamima", "admin", "qwertyuiop", "asdfghjkl", "zxcvbnm",
  "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo",
  "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang",
  "wei", "fang", "min", "jing", "li", "qiang", "lei", "jun", "yong", "yan", "jie", "juan", "tao", "ming", "chao", "xiu", "xia", "hui", "hong",
  "ping", "gang", "hua", "fei", "bin", "dan", "ling", "ying", "xin", "yu", "hao", "tingting", "lili", "jingjing",
];

let zxcvbn: ZxcvbnFactory | undefined;
function checker(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...dictionary, chinese: CHINESE_WORDS }, graphs: adjacencyGraphs });
  return zxcvbn;
}

const SURNAMES = new Set(["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "jin", "fu", "qian", "ou", "ouyang", "sima", "zhuge"]);

/** A name in pinyin with something tacked on (zhangsan12345, LiXiaoming!): the letters are a surname and one or two syllables. */
function isPinyinName(password: string): boolean {
  for (const run of password.toLowerCase().match(/[a-z]{4,}/g) ?? []) {
    const syllables = splitSyllables(run);
    if (syllables && syllables.length >= 2 && syllables.length <= 3 && SURNAMES.has(syllables[0]!) && run.length >= password.length / 2) return true;
  }
  return false;
}

const BIRTHDAY = /(?:19|20)\d{2}[-./]?(?:0[1-9]|1[0-2])[-./]?(?:0[1-9]|[12]\d|3[01])/;
const SHORT_BIRTHDAY = /(?:^|\D)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\D|$)/;
const MOBILE = /1[3-9]\d{9}/;
const ID_CARD = /\d{17}[\dXx]/;

/** The words of the account that a password must not be built from: the e-mail, its parts, the name and its pinyin. */
export function accountWords(account: { email?: string; name?: string }): string[] {
  const words = new Set<string>();
  const email = account.email?.trim().toLowerCase();
  if (email) {
    words.add(email);
    const local = email.split("@")[0]!;
    words.add(local);
    for (const part of local.split(/[^a-z0-9]+/)) if (part.length >= 3) words.add(part);
  }
  const name = account.name?.trim();
  if (name) {
    words.add(name.toLowerCase());
    const syllables = toSyllables(name);
    if (syllables.length) {
      words.add(syllables.join(""));
      // Given name then surname (the order on foreign forms), and initials.
      words.add([...syllables.slice(1), syllables[0]].join(""));
      words.add(syllables.map((s) => s[0]).join(""));
    }
  }
  return [...words].filter((w) => w.length >= 2);
}

/** Why the password is not acceptable (Chinese, for the person choosing it), or null when it is. */
export function passwordProblem(password: string, account: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少 ${PASSWORD_MIN} 个字符。`;
  if (password.length > PASSWORD_MAX) return `密码最多 ${PASSWORD_MAX} 个字符。`;
  const lower = password.toLowerCase();
  const words = accountWords(account);
  if (words.some((w) => w.length >= 4 && lower.includes(w)) || (account.email && lower.includes(account.email.split("@")[0]!.toLowerCase()))) {
    return "密码不能包含你的邮箱或姓名（包括拼音）。";
  }
  if (MOBILE.test(password) || ID_CARD.test(password)) return "密码不能包含手机号或身份证号这样的号码。";
  if (BIRTHDAY.test(password) || SHORT_BIRTHDAY.test(password)) return "密码不能包含生日这样的日期。";
  if (isPinyinName(password)) return "密码不能是拼音姓名加数字或符号。";
  const result = checker().check(password, words);
  if (result.score < MIN_SCORE) return "密码太容易被猜到：请避免常见密码、重复或连续的字符、键盘顺序和拼音姓名，可以用几个不相关的词加数字或符号组成。";
  return null;
}
