import { Type, type Static } from '@sinclair/typebox';
import { IpStatusSchema, TrlSchema } from '../research-outputs/schema';
import { SectorSchema } from '../organizations/schema';
import { ObjectIdString, StringEnum } from '../shared/schema';

const Id = Type.String({ pattern: '^[a-z][a-z0-9_]{0,60}$' });
const DateTime = Type.String({ format: 'date-time' });

// The questionnaire as a company sees it: questions and options, not the rules behind them.
const OptionView = Type.Object({ value: Type.String(), label: Type.String() });
const QuestionView = Type.Object({
  id: Id,
  text: Type.String(),
  help: Type.Optional(Type.String()),
  type: StringEnum(['single', 'multi'] as const),
  options: Type.Array(OptionView),
});
export const QuestionnaireView = Type.Object({
  version: Type.String(),
  title: Type.String(),
  intro: Type.String(),
  screening: Type.Array(QuestionView),
  sections: Type.Array(Type.Object({ id: Id, title: Type.String(), intro: Type.String(), questions: Type.Array(QuestionView) })),
});
export type QuestionnaireView = Static<typeof QuestionnaireView>;

/**
 * Question id → option value (one-choice questions) or option values (several choices). The
 * service checks ids and options against the questionnaire and names what is wrong.
 */
export const Answers = Type.Record(
  Id,
  Type.Union([Type.String({ maxLength: 60 }), Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })]),
  { maxProperties: 200, additionalProperties: false, description: 'question id → option value, or a list of option values for questions with several choices' },
);

export const VersionParams = Type.Object({ version: Type.String({ pattern: '^v\\d{1,4}$' }) }, { additionalProperties: false });
export const OrganizationParams = Type.Object({ organizationId: ObjectIdString }, { additionalProperties: false });
const Revision = Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'the revision you last read (0 when you start a new diagnostic); an older one is a 409' });

export const SaveDraftBody = Type.Object({ answers: Answers, revision: Revision }, { additionalProperties: false });
export type SaveDraftBody = Static<typeof SaveDraftBody>;
export const SubmitBody = Type.Object({ revision: Revision }, { additionalProperties: false });
export type SubmitBody = Static<typeof SubmitBody>;

const SectionRef = Type.Object({ id: Id, title: Type.String() });
export const DraftView = Type.Object({
  organizationId: ObjectIdString,
  questionnaireVersion: Type.String(),
  answers: Answers,
  revision: Type.Integer(),
  updatedAt: DateTime,
  sections: Type.Array(SectionRef, { description: 'the detailed sections the screening answers call for' }),
  missing: Type.Array(Id, { description: 'questions still to answer before submitting, in order' }),
  answered: Type.Integer(),
  total: Type.Integer({ description: 'questions currently asked (screening + applicable sections)' }),
});
export type DraftView = Static<typeof DraftView>;

const Evidence = Type.Object({ questionId: Id, question: Type.String(), answer: Type.Array(Type.String()), answerLabels: Type.Array(Type.String()) });
const Finding = { id: Id, section: Id, title: Type.String(), description: Type.String(), evidence: Type.Array(Evidence) };
const Severity = StringEnum(['high', 'medium', 'low'] as const);
const LinkKind = StringEnum(['research_outputs', 'intermediaries', 'events'] as const);
export const ReportBody = Type.Object({
  questionnaireVersion: Type.String(),
  sections: Type.Array(Type.Object({ id: Id, title: Type.String(), evidence: Type.Array(Evidence) })),
  assets: Type.Array(Type.Object(Finding)),
  risks: Type.Array(Type.Object({ ...Finding, severity: Severity })),
  recommendations: Type.Array(
    Type.Object({
      id: Id,
      section: Id,
      title: Type.String(),
      reason: Type.String(),
      nextStep: Type.String(),
      priority: Severity,
      score: Type.Integer(),
      rank: Type.Integer(),
      addresses: Type.Array(Id),
      links: Type.Array(LinkKind),
      evidence: Type.Array(Evidence),
    }),
  ),
});

// Where the report points on the platform. Outputs: public fields only, never confidential details.
const OutputLink = Type.Object({
  id: ObjectIdString,
  title: Type.String(),
  summary: Type.String({ description: 'the public summary, shortened' }),
  sectors: Type.Array(SectorSchema),
  trl: TrlSchema,
  ipStatus: IpStatusSchema,
  governmentFunded: Type.Boolean(),
});
const IntermediaryLink = Type.Object({
  organizationId: ObjectIdString,
  name: Type.String(),
  country: Type.String(),
  region: Type.String(),
  services: Type.Array(Type.String()),
  servesYourRegion: Type.Boolean(),
});
const EventLink = Type.Object({ id: ObjectIdString, title: Type.String(), type: Type.String(), startsAt: Type.Union([DateTime, Type.Null()]), timeZone: Type.String({ description: 'the IANA zone the event runs in' }), organizerName: Type.String() });
export const ReportLinks = Type.Object({
  sectors: Type.Array(SectorSchema, { description: "the organization's sectors the outputs were chosen by" }),
  researchOutputs: Type.Array(OutputLink, { description: 'published outputs in your sectors whose owners offer licences' }),
  intermediaries: Type.Array(IntermediaryLink, { description: 'intermediaries in your country, those serving your region first' }),
  events: Type.Array(EventLink, { description: 'upcoming published events' }),
  eventsAvailable: Type.Boolean({ description: 'false while the platform has no events service to ask' }),
});
export type ReportLinks = Static<typeof ReportLinks>;

export const ReportSummary = Type.Object({
  id: ObjectIdString,
  organizationId: ObjectIdString,
  questionnaireVersion: Type.String(),
  submittedAt: DateTime,
  submittedByName: Type.String(),
  assetCount: Type.Integer(),
  riskCount: Type.Integer(),
  highRiskCount: Type.Integer(),
  recommendationCount: Type.Integer(),
  highPriorityCount: Type.Integer(),
});
export type ReportSummary = Static<typeof ReportSummary>;

export const ReportView = Type.Object({
  ...ReportSummary.properties,
  organizationName: Type.String(),
  answers: Answers,
  report: ReportBody,
  links: ReportLinks,
  previousReportId: Type.Union([ObjectIdString, Type.Null()]),
});
export type ReportView = Static<typeof ReportView>;

const Titled = Type.Array(Type.Object({ id: Id, title: Type.String() }));
export const CompareView = Type.Object({
  current: ReportSummary,
  previous: Type.Union([ReportSummary, Type.Null()]),
  changes: Type.Union([
    Type.Object({
      newAssets: Titled,
      goneAssets: Titled,
      newRisks: Titled,
      resolvedRisks: Titled,
      newRecommendations: Titled,
      doneRecommendations: Titled,
      openRecommendations: Titled,
    }),
    Type.Null(),
  ], { description: 'null for the first report' }),
});
export type CompareView = Static<typeof CompareView>;

export const HistoryView = Type.Object({ items: Type.Array(ReportSummary) });
