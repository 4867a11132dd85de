import type { Condition, Question, Questionnaire } from './types';

/**
 * Everything wrong with a questionnaire data file, as readable sentences (empty when it is sound).
 * Run by the unit tests on every version and by the service at start, so a typo in a rule fails
 * loudly instead of silently never firing.
 */
export function validateQuestionnaire(questionnaire: Questionnaire): string[] {
  const problems: string[] = [];
  const questions = new Map<string, { question: Question; section: string | null }>();
  if (!/^v\d+$/.test(questionnaire.version)) problems.push(`version "${questionnaire.version}" must look like v1, v2, …`);

  const addQuestion = (question: Question, section: string | null) => {
    if (questions.has(question.id)) problems.push(`question id "${question.id}" is used twice`);
    questions.set(question.id, { question, section });
    if (!question.text.trim()) problems.push(`question "${question.id}" has no text`);
    if (question.options.length < 2) problems.push(`question "${question.id}" needs at least two options`);
    const values = question.options.map((option) => option.value);
    for (const value of duplicates(values)) problems.push(`question "${question.id}" lists option "${value}" twice`);
  };
  // Profile facts and screening answers are known before any section: every rule may read them.
  questionnaire.profile.forEach((question) => addQuestion(question, null));
  questionnaire.screening.forEach((question) => addQuestion(question, null));
  for (const id of duplicates(questionnaire.sections.map((section) => section.id))) problems.push(`section id "${id}" is used twice`);
  for (const section of questionnaire.sections) {
    if (section.questions.length === 0) problems.push(`section "${section.id}" has no questions`);
    section.questions.forEach((question) => addQuestion(question, section.id));
  }
  // After every question is known: a section may not read a later section's questions either.
  for (const section of questionnaire.sections) checkCondition(section.appliesWhen, `section "${section.id}" appliesWhen`, null);

  const sectionIds = new Set(questionnaire.sections.map((section) => section.id));
  const riskIds = new Set(questionnaire.risks.map((risk) => risk.id));
  const rules = [
    ...questionnaire.assets.map((rule) => ({ kind: 'asset', rule })),
    ...questionnaire.risks.map((rule) => ({ kind: 'risk', rule })),
    ...questionnaire.recommendations.map((rule) => ({ kind: 'recommendation', rule })),
  ];
  for (const id of duplicates(rules.map(({ rule }) => rule.id))) problems.push(`rule id "${id}" is used twice`);
  for (const { kind, rule } of rules) {
    const where = `${kind} "${rule.id}"`;
    if (!sectionIds.has(rule.section)) problems.push(`${where} belongs to unknown section "${rule.section}"`);
    checkCondition(rule.when, where, rule.section);
  }
  const addressed = new Set<string>();
  for (const rule of questionnaire.recommendations) {
    const where = `recommendation "${rule.id}"`;
    if (!rule.reason.trim() || !rule.nextStep.trim()) problems.push(`${where} needs a reason and a next step`);
    for (const score of [rule.urgency, rule.impact]) if (![1, 2, 3].includes(score)) problems.push(`${where} has urgency and impact 1–3`);
    for (const risk of rule.addresses) {
      if (!riskIds.has(risk)) problems.push(`${where} addresses unknown risk "${risk}"`);
      addressed.add(risk);
    }
  }
  for (const risk of riskIds) if (!addressed.has(risk)) problems.push(`risk "${risk}" is addressed by no recommendation`);
  return problems;

  /** `section` null: only profile and screening questions may be read (section applicability). */
  function checkCondition(condition: Condition, where: string, section: string | null): void {
    if ('question' in condition) {
      const found = questions.get(condition.question);
      if (!found) return void problems.push(`${where} reads unknown question "${condition.question}"`);
      if (found.section !== null && found.section !== section) {
        problems.push(`${where} reads question "${condition.question}" of section "${found.section}", which may not be asked`);
      }
      if (condition.anyOf.length === 0) problems.push(`${where} matches no option of "${condition.question}"`);
      const options = new Set(found.question.options.map((option) => option.value));
      for (const value of condition.anyOf) {
        if (!options.has(value)) problems.push(`${where} expects unknown option "${value}" of question "${condition.question}"`);
      }
      return;
    }
    const children = 'all' in condition ? condition.all : condition.any;
    if (children.length === 0) problems.push(`${where} has an empty ${'all' in condition ? 'all' : 'any'}`);
    children.forEach((child) => checkCondition(child, where, section));
  }
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}
