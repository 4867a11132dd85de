/**
 * The EU SME definition (Commission Recommendation 2003/361/EC), simplified as in DESIGN.md:
 * staff headcount in annual work units and annual turnover. Both limits must hold.
 */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const SIZE_CLASS_RULES: { sizeClass: Exclude<SizeClass, 'large'>; maxHeadcount: number; maxTurnoverEur: number }[] = [
  { sizeClass: 'micro', maxHeadcount: 10, maxTurnoverEur: 2_000_000 },
  { sizeClass: 'small', maxHeadcount: 50, maxTurnoverEur: 10_000_000 },
  { sizeClass: 'medium', maxHeadcount: 250, maxTurnoverEur: 50_000_000 },
];

export const SIZE_CLASS_DEFINITION =
  'EU SME definition (Recommendation 2003/361/EC): micro < 10 staff and < €2M turnover; small < 50 and < €10M; medium < 250 and < €50M; otherwise large.';

/** The smallest class whose limits (strictly below both) the company meets. */
export function sizeClassOf(headcount: number, annualTurnoverEur: number): SizeClass {
  for (const rule of SIZE_CLASS_RULES) {
    if (headcount < rule.maxHeadcount && annualTurnoverEur < rule.maxTurnoverEur) return rule.sizeClass;
  }
  return 'large';
}
