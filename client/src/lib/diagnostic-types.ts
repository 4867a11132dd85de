// Diagnostic API types, derived from the server's TypeBox schemas (`import type` only: nothing of
// the server reaches the browser bundle).
import type { Static } from '@sinclair/typebox';
import type {
  CompareView as CompareSchema,
  DraftView as DraftSchema,
  QuestionnaireView as QuestionnaireSchema,
  ReportSummary as ReportSummarySchema,
  ReportView as ReportSchema,
} from '../../../server/modules/diagnostic/schema';

export type QuestionnaireView = Static<typeof QuestionnaireSchema>;
export type Question = QuestionnaireView['screening'][number];
export type QuestionnaireSection = QuestionnaireView['sections'][number];
export type DiagnosticAnswers = DraftView['answers'];
export type DraftView = Static<typeof DraftSchema>;
export type ReportSummary = Static<typeof ReportSummarySchema>;
export type ReportView = Static<typeof ReportSchema>;
export type ReportRecommendation = ReportView['report']['recommendations'][number];
export type ReportRisk = ReportView['report']['risks'][number];
export type ReportAsset = ReportView['report']['assets'][number];
export type Evidence = ReportRecommendation['evidence'][number];
export type ReportLinks = ReportView['links'];
export type CompareView = Static<typeof CompareSchema>;
export type ReportChanges = NonNullable<CompareView['changes']>;
