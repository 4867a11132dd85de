import { describe, expect, it } from 'vitest';
import { EVAL_NEEDS, EVAL_OUTPUTS } from '../../../fixtures/eval';
import { COLLABORATION_TYPES, IP_STATUSES, RESEARCH_FIELDS, SECTORS } from '../../../matching';

describe('labeled domain evaluation set', () => {
  it('has at least 30 needs and 100 outputs with unique ids', () => {
    expect(EVAL_NEEDS.length).toBeGreaterThanOrEqual(30);
    expect(EVAL_OUTPUTS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(EVAL_OUTPUTS.map((o) => o.id)).size).toBe(EVAL_OUTPUTS.length);
    expect(new Set(EVAL_NEEDS.map((n) => n.id)).size).toBe(EVAL_NEEDS.length);
  });

  it('judges only existing outputs, with at least one grade-2 or grade-3 answer per need', () => {
    const ids = new Set(EVAL_OUTPUTS.map((o) => o.id));
    for (const need of EVAL_NEEDS) {
      for (const [id, grade] of Object.entries(need.judgements)) {
        expect(ids.has(id), `${need.id} judges unknown ${id}`).toBe(true);
        expect([1, 2, 3]).toContain(grade);
      }
      expect(Math.max(...Object.values(need.judgements)), need.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('uses the shared vocabulary for structured fields', () => {
    for (const o of EVAL_OUTPUTS) {
      expect(o.sectors.every((s) => (SECTORS as readonly string[]).includes(s))).toBe(true);
      expect(o.fields.every((f) => (RESEARCH_FIELDS as readonly string[]).includes(f))).toBe(true);
      expect(IP_STATUSES).toContain(o.ipStatus);
      expect(o.collaborationTypes.every((c) => (COLLABORATION_TYPES as readonly string[]).includes(c))).toBe(true);
      expect(o.trl).toBeGreaterThanOrEqual(1);
      expect(o.trl).toBeLessThanOrEqual(9);
    }
    const fieldsCovered = new Set(EVAL_OUTPUTS.flatMap((o) => o.fields));
    expect(fieldsCovered.size).toBe(RESEARCH_FIELDS.length);
  });
});
