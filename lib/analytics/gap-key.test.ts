import { describe, expect, it } from "vitest";
import { findRegionByName } from "../regions/index.ts";
import { normalizeQuery } from "../query/normalize.ts";
import { gapKey, synonymFolder } from "./gap-key.ts";

const fold = synonymFolder([["医保卡", "社保卡", "社会保障卡"], ["起付线", "起付标准", "门槛费"]]);
const key = (q: string, region?: string) => gapKey(normalizeQuery(q).text, region, fold, findRegionByName);

describe("gapKey", () => {
  it("puts the same question in other words, order and script in one cluster", () => {
    expect(key("社保卡丢了怎么补")).toEqual(key("医保卡丢了怎么补"));
    expect(key("社会保障卡丢了怎么补？")).toEqual(key("醫保卡丟了怎麼補"));
    expect(key("起付线 住院")).toEqual(key("住院 门槛费"));
  });

  it("moves the place named into the region", () => {
    expect(key("深圳医保报销比例")).toEqual({ key: "医保报销比例", region: "440300" });
    expect(key("医保报销比例", "440300")).toEqual({ key: "医保报销比例", region: "440300" });
    expect(key("医保报销比例")).toEqual({ key: "医保报销比例", region: "000000" });
  });

  it("keeps different questions apart", () => {
    expect(key("住院起付线").key).not.toBe(key("门诊起付线").key);
    expect(key("深圳医保报销比例")).not.toEqual(key("广州医保报销比例"));
  });
});
