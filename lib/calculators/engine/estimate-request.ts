// The HTTP edge of the calculator: an untrusted JSON body → a parsed input, or field errors in Chinese.
// estimateInputSchema already words its own rules in Chinese; this adds Chinese wording for zod's
// generic issues (missing field, wrong type, unknown option), which would otherwise reach users in English.
import type { z } from "zod";
import type { CalculatorError } from "./errors.ts";
import { estimateInputSchema, type ParsedEstimateInput } from "./estimate-input.ts";

/** Messages by dotted field path ("total", "ytd.fundPaid"); "body" for the request as a whole. */
export type FieldErrors = Record<string, string[]>;

export type ParsedEstimateRequest =
  | { ok: true; input: ParsedEstimateInput }
  | { ok: false; message: string; fields: FieldErrors };

type Issue = z.core.$ZodRawIssue;

function typeName(expected: string): string {
  const names: Record<string, string> = { number: "数字", string: "文字", object: "对象", boolean: "true/false", array: "数组" };
  return names[expected] ?? expected;
}

/** Used only where a schema gave no message of its own. */
export function chineseIssueMessage(issue: Issue): string {
  const missing = issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value");
  if (missing) return "必填";
  switch (issue.code) {
    case "invalid_type":
      return `类型不对，应为${typeName(String(issue.expected))}`;
    case "invalid_value":
      return `取值无效，可选：${issue.values.map(String).join("、")}`;
    case "unrecognized_keys":
      return "不认识的字段";
    case "too_small":
      return `数值过小（最小 ${String(issue.minimum)}）`;
    case "too_big":
      return `数值过大（最大 ${String(issue.maximum)}）`;
    case "invalid_union":
      return "格式不对：应为金额（元），或 { 层级 id: 金额 }";
    default:
      return "格式不对";
  }
}

/**
 * Collects messages by field. The field names come from the client's own JSON keys, so they can be
 * "constructor", "toString" or "__proto__": a plain object would hand back Object.prototype's members
 * for them (or swallow "__proto__" as the prototype); a Map has no such members, and Object.fromEntries
 * defines every key as an own property.
 */
function fieldCollector(): { add: (path: readonly PropertyKey[], message: string) => void; fields: () => FieldErrors } {
  const byField = new Map<string, string[]>();
  return {
    add: (path, message) => {
      const key = path.map(String).join(".") || "body";
      const list = byField.get(key);
      if (list) list.push(message);
      else byField.set(key, [message]);
    },
    fields: () => Object.fromEntries(byField),
  };
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const collect = fieldCollector();
  for (const issue of error.issues) {
    // An unknown key is reported on the key itself, so a client can point at it.
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) collect.add([...issue.path, key], issue.message);
    else collect.add(issue.path, issue.message);
  }
  return collect.fields();
}

/** One line per field ("valueOf：不认识的字段"), for the `message` beside the `fields` of a 400. */
export function summarizeFieldErrors(fields: FieldErrors): string {
  return Object.entries(fields)
    .map(([field, messages]) => `${field}：${messages.join("；")}`)
    .join("\n");
}

export function parseEstimateRequest(body: unknown): ParsedEstimateRequest {
  const parsed = estimateInputSchema.safeParse(body, { error: chineseIssueMessage });
  if (parsed.success) return { ok: true, input: parsed.data };
  const fields = fieldErrorsOf(parsed.error);
  return { ok: false, message: summarizeFieldErrors(fields), fields };
}

/** A refusal of the engine, put next to the input it is about (the year, the person, 异地 …). */
export function fieldErrorsOfRefusal(error: CalculatorError): FieldErrors {
  const issues = error.details.issues;
  if (Array.isArray(issues)) {
    const collect = fieldCollector();
    for (const issue of issues as { path: PropertyKey[]; message: string }[]) collect.add(issue.path, issue.message);
    return collect.fields();
  }
  return { [refusedField(error)]: [error.message] };
}

function refusedField(error: CalculatorError): string {
  switch (error.code) {
    case "policy_not_found": {
      const years = error.details.availableYears;
      return Array.isArray(years) && years.length > 0 ? "year" : "region";
    }
    case "person_not_covered":
      return "person";
    case "offsite_rule_missing":
      return "filing";
    default:
      return "body";
  }
}
