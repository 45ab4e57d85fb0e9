import { describe, expect, it } from "vitest";
import type { TopicVocabulary } from "./schema.ts";
import { inferTopics, READER_FALLBACK_TOPIC } from "./topics.ts";

const vocab: TopicVocabulary = [
  { name: "异地就医", aliases: ["外地就医"] },
  { name: "异地就医备案", aliases: ["异地备案"] },
  { name: "门诊统筹", aliases: ["门诊报销"] },
] as TopicVocabulary;

describe("inferTopics", () => {
  it("orders topics by where the words stand, the longer match first where two start together", () => {
    expect(inferTopics("异地就医备案要多久，门诊报销多少", vocab)).toEqual(["异地就医备案", "异地就医", "门诊统筹"]);
    expect(inferTopics("门诊报销以后，外地就医怎么办", vocab)).toEqual(["门诊统筹", "异地就医"]);
  });

  it("reads phrasings no alias lists, and the title before the description", () => {
    expect(inferTopics(["医保断缴后重新参保有等待期吗"], [])).toEqual(["断缴", "参保登记"]);
    expect(inferTopics(["住院怎么报", "门诊报销也问一下"], vocab)).toEqual(["住院报销", "门诊统筹"]);
  });

  it("keeps to max, and falls back to the reader's topic (or to none when asked)", () => {
    expect(inferTopics("异地就医备案要多久，门诊报销多少", vocab, { max: 1 })).toEqual(["异地就医备案"]);
    expect(inferTopics("这个怎么弄", vocab)).toEqual([READER_FALLBACK_TOPIC]);
    expect(inferTopics("这个怎么弄", vocab, { fallback: null })).toEqual([]);
  });
});
