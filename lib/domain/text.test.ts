import { describe, expect, it } from "vitest";
import { findUnstorable, idParam, isStorableText } from "./text.ts";

describe("the text rule", () => {
  it.each([["医保\u0000报销", false], ["半个\uD800字", false], ["\uDC00开头", false], ["表情😀可以", true], ["普通文字", true]])("%j storable: %s", (s, ok) => {
    expect(isStorableText(s)).toBe(ok);
  });

  it("finds the first unstorable string anywhere in a body, keys included", () => {
    expect(findUnstorable({ a: "ok", b: [1, { c: "x\u0000" }] })).toEqual(["b", 1, "c"]);
    expect(findUnstorable({ "k\uD800": 1 })).toEqual(["k\uD800"]);
    expect(findUnstorable({ a: ["fine", 2, null] })).toBeNull();
  });

  it.each([["1", 1], ["2147483647", 2147483647], ["2147483648", null], ["0", null], ["-1", null], ["1e3", null], ["99999999999999", null], ["", null]])("idParam(%j) = %j", (raw, id) => {
    expect(idParam(raw)).toBe(id);
  });
});
