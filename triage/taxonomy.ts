/** Codes from ../shared/spec/TAXONOMY.md: the contract between triage, directory, evaluation and bench. */
export const CATEGORIES = ['emergency', 'legal_channel', 'petition', 'out_of_scope', 'inquiry', 'unclear'] as const;
export type Category = (typeof CATEGORIES)[number];

export const DEPARTMENT_CODES = [
  'housing', 'urban_management', 'environment', 'planning_land', 'human_resources', 'education', 'health',
  'civil_affairs', 'public_security', 'transport', 'market_regulation', 'water', 'street_office',
] as const;
export type DepartmentCode = (typeof DEPARTMENT_CODES)[number];

export const SERVICE_CODES = [
  'counselling', 'family', 'mediation', 'elderly_care', 'disability', 'youth', 'assistance', 'legal_aid',
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

export type TargetCode = DepartmentCode | ServiceCode;
export const TARGET_CODES: readonly TargetCode[] = [...DEPARTMENT_CODES, ...SERVICE_CODES];

export const isCategory = (v: unknown): v is Category => typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);
export const isDepartmentCode = (v: unknown): v is DepartmentCode =>
  typeof v === 'string' && (DEPARTMENT_CODES as readonly string[]).includes(v);
export const isServiceCode = (v: unknown): v is ServiceCode => typeof v === 'string' && (SERVICE_CODES as readonly string[]).includes(v);

/** Which targets a category may carry: petition → departments; 信访外 → services; legal channel → legal aid. */
export function targetsFor(category: Category): readonly TargetCode[] {
  switch (category) {
    case 'petition':
      return DEPARTMENT_CODES;
    case 'out_of_scope':
      return SERVICE_CODES.filter((c) => c !== 'legal_aid');
    case 'legal_channel':
      return ['legal_aid'];
    default:
      return [];
  }
}
