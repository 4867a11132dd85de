import { applicableSections, missingAnswers, visibleQuestions, type Answers, type Report } from './engine';
import type { DiagnosticDraftDoc, DiagnosticReportDoc } from './model';
import type { OrganizationView } from '../organizations/schema';
import { questionnaireFor } from './questionnaire';
import { profileAnswers } from './questionnaire/profile-answers';
import type { DraftView, ReportSummary } from './schema';

// Documents → API views.

/** The draft with what its answers (and the organization's profile facts) imply: sections, open questions. */
export function toDraftView(draft: DiagnosticDraftDoc, organization: OrganizationView): DraftView {
  const questionnaire = questionnaireFor(draft.questionnaireVersion);
  const answers = JSON.parse(draft.answersJson) as Answers;
  const withProfile = { ...answers, ...profileAnswers(questionnaire, organization) };
  const missing = missingAnswers(questionnaire, withProfile);
  const total = visibleQuestions(questionnaire, withProfile).length;
  return {
    organizationId: String(draft._id),
    questionnaireVersion: draft.questionnaireVersion,
    answers,
    revision: draft.revision,
    updatedAt: draft.updatedAt.toISOString(),
    sections: applicableSections(questionnaire, withProfile).map(({ id, title }) => ({ id, title })),
    missing,
    answered: total - missing.length,
    total,
  };
}

export function toSummary(doc: DiagnosticReportDoc): ReportSummary {
  return {
    id: String(doc._id),
    organizationId: String(doc.organizationId),
    questionnaireVersion: doc.questionnaireVersion,
    submittedAt: doc.createdAt.toISOString(),
    submittedByName: doc.submittedByName,
    assetCount: doc.assetCount,
    riskCount: doc.riskCount,
    highRiskCount: doc.highRiskCount,
    recommendationCount: doc.recommendationCount,
    highPriorityCount: doc.highPriorityCount,
  };
}

export function counts(report: Report) {
  return {
    assetCount: report.assets.length,
    riskCount: report.risks.length,
    highRiskCount: report.risks.filter((risk) => risk.severity === 'high').length,
    recommendationCount: report.recommendations.length,
    highPriorityCount: report.recommendations.filter((r) => r.priority === 'high').length,
  };
}

