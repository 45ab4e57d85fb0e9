import { describe, expect, it } from "vitest";
import { allSynonyms, partSynonyms } from "./settings.ts";

describe("synonyms sent to Meilisearch", () => {
  it("apply groups both ways and colloquial groups one way only", () => {
    const s = allSynonyms({ terms: [], synonyms: [["外省", "省外"]], colloquial: [{ says: ["外地", "外省"], means: ["异地"] }] });
    expect(s["外地"]).toEqual(["异地"]);
    expect(s["外省"]).toEqual(["省外", "异地"]);
    expect(s["省外"]).toEqual(["外省"]);
    expect(s["异地"]).toBeUndefined();
  });

  it("let a word find the dictionary terms it begins or ends, one way", () => {
    const parts = partSynonyms(["职工医保", "门诊统筹", "异地就医备案"], ["职工", "医保", "门诊", "统筹", "异地就医", "备案", "职工医保", "诊统", "工"]);
    expect(parts).toEqual({ 职工: ["职工医保"], 医保: ["职工医保"], 门诊: ["门诊统筹"], 统筹: ["门诊统筹"], 异地就医: ["异地就医备案"], 备案: ["异地就医备案"] });
    const s = allSynonyms({ terms: ["职工医保"], synonyms: [["职工医保", "职工基本医疗保险"]], colloquial: [{ says: ["上班族"], means: ["职工"] }] });
    expect(s["职工"]).toEqual(["职工医保"]);
    expect(s["职工医保"]).toEqual(["职工基本医疗保险"]);
  });
});
