// Chinese labels used in explanation lines and by the widget's select boxes.
import type { Delivery, FacilityLevel, Person, Scheme, SourceStatus } from "./policy-schema.ts";

export { INSURANCE_LABELS } from "../../domain/schema.ts";

export const SCHEME_LABELS: Record<Scheme, string> = {
  outpatient: "普通门诊统筹",
  chronic: "门诊慢特病",
  inpatient: "住院",
  maternity: "生育医疗费用",
};

export const LEVEL_LABELS: Record<FacilityLevel, string> = {
  village: "村卫生室/社区卫生服务站",
  township: "乡镇卫生院/社区卫生服务中心",
  level1: "一级及未定级医疗机构",
  level2: "二级医疗机构",
  level3: "三级医疗机构",
};

export const PERSON_LABELS: Record<Person, string> = {
  active: "在职职工",
  retired: "退休人员",
  resident: "城乡居民",
};

export const DELIVERY_LABELS: Record<Delivery, string> = {
  normal: "顺产",
  assisted: "助娩产",
  cesarean: "剖宫产",
  "midterm-induction": "中期引产",
  abortion: "住院人工流产",
};

export const SOURCE_STATUS_LABELS: Record<SourceStatus, string> = {
  verified: "已核对官方文件",
  secondary: "来自二手资料，尚未核对官方文件",
  unverified: "未核实，以官方文件为准",
};

export const FILING_LABELS = {
  local: "参保地就医",
  filed: "异地就医（已备案）",
  unfiled: "异地就医（未备案）",
  emergency: "异地急诊抢救（视同已备案）",
} as const;
