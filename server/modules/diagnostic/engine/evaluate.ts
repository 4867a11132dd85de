import { applicableSections, effectiveAnswers, questionIndex } from './answers';
import { matchCondition } from './conditions';
import type { Answers, Evidence, Priority, Questionnaire, RecommendationRule, Report, ReportRecommendation, ReportRisk, Severity } from './types';

/** Extra score for each triggered risk a recommendation addresses, by the risk's severity. */
const RISK_BONUS: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** Scores are urgency × impact (1–9) plus risk bonuses; these bands name them. */
export function priorityOf(score: number): Priority {
  if (score >= 9) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

/**
 * Answers → the report: the sections that apply, the IP assets the company likely holds, its
 * risks and prioritised recommendations, each citing the answers that triggered it. Pure and
 * deterministic: the same answers (in any key order) give the same report.
 */
export function evaluate(questionnaire: Questionnaire, answers: Answers): Report {
  const questions = questionIndex(questionnaire);
  const sections = applicableSections(questionnaire, answers);
  const applying = new Set(sections.map((section) => section.id));
  const effective = effectiveAnswers(questionnaire, answers);
  const fire = (rule: { section: string; when: Parameters<typeof matchCondition>[0] }): Evidence[] | null =>
    applying.has(rule.section) ? matchCondition(rule.when, effective, questions) : null;

  const assets = questionnaire.assets.flatMap((rule) => {
    const evidence = fire(rule);
    return evidence ? [{ id: rule.id, section: rule.section, title: rule.title, description: rule.description, evidence }] : [];
  });
  const risks: ReportRisk[] = questionnaire.risks.flatMap((rule) => {
    const evidence = fire(rule);
    return evidence ? [{ id: rule.id, section: rule.section, title: rule.title, description: rule.description, severity: rule.severity, evidence }] : [];
  });
  const severityOf = new Map(risks.map((risk) => [risk.id, risk.severity]));
  const fired = questionnaire.recommendations.flatMap((rule, order) => {
    const evidence = fire(rule);
    return evidence ? [{ rule, order, evidence, score: scoreOf(rule, severityOf) }] : [];
  });
  // Highest score first; ties by urgency, then by the data file's order (its authors' judgement).
  fired.sort((a, b) => b.score - a.score || b.rule.urgency - a.rule.urgency || a.order - b.order);
  const recommendations: ReportRecommendation[] = fired.map(({ rule, evidence, score }, index) => ({
    id: rule.id,
    section: rule.section,
    title: rule.title,
    reason: rule.reason,
    nextStep: rule.nextStep,
    priority: priorityOf(score),
    score,
    rank: index + 1,
    addresses: rule.addresses.filter((id) => severityOf.has(id)),
    links: [...rule.links],
    evidence,
  }));
  return {
    questionnaireVersion: questionnaire.version,
    sections: sections.map((section) => ({
      id: section.id,
      title: section.title,
      evidence: matchCondition(section.appliesWhen, effective, questions) ?? [],
    })),
    assets,
    risks,
    recommendations,
  };
}

function scoreOf(rule: RecommendationRule, severityOf: ReadonlyMap<string, Severity>): number {
  const bonus = rule.addresses.reduce((sum, id) => {
    const severity = severityOf.get(id);
    return sum + (severity ? RISK_BONUS[severity] : 0);
  }, 0);
  return rule.urgency * rule.impact + bonus;
}
