import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import type { OrganizationService } from '../organizations/service';
import { toObjectId } from '../shared/ids';
import { assertMayRead, assertMayTake, mayReadReport } from './access';
import { acceptAnswers } from './answers-input';
import { compareReports, effectiveAnswers, evaluate, missingAnswers, validateQuestionnaire, type Answers, type Report } from './engine';
import type { PlatformLinks } from './links';
import type { DiagnosticDraftDoc, DiagnosticDraftModel, DiagnosticReportDoc, DiagnosticReportModel } from './model';
import { CURRENT_VERSION, QUESTIONNAIRES, questionnaireFor } from './questionnaire';
import { profileAnswers } from './questionnaire/profile-answers';
import type { CompareView, DraftView, QuestionnaireView, ReportSummary, ReportView, SaveDraftBody } from './schema';
import { counts, toDraftView, toSummary } from './views';

export interface DiagnosticServiceDeps {
  drafts: DiagnosticDraftModel;
  reports: DiagnosticReportModel;
  organizations: OrganizationService;
  links: PlatformLinks;
}

const HISTORY_LIMIT = 100;
/** Every field of a report except the two large JSON ones: what the history list needs. */
const SUMMARY_FIELDS = { answersJson: 0, reportJson: 0 } as const;

/** The IP diagnostic: a resumable draft per SME, submitted into reports kept with their history. */
export class DiagnosticService {
  constructor(private readonly deps: DiagnosticServiceDeps) {
    // A broken data file must stop the server at start, not quietly drop recommendations.
    for (const questionnaire of QUESTIONNAIRES.values()) {
      const problems = validateQuestionnaire(questionnaire);
      if (problems.length > 0) throw new Error(`Diagnostic questionnaire ${questionnaire.version} is invalid: ${problems.join('; ')}`);
    }
  }

  questionnaire(version = CURRENT_VERSION): QuestionnaireView {
    const { title, intro, screening, sections } = questionnaireFor(version);
    return { version, title, intro, screening, sections: sections.map(({ id, title, intro, questions }) => ({ id, title, intro, questions })) };
  }

  async draft(user: CurrentUser, organizationId: string): Promise<DraftView> {
    const organization = await this.deps.organizations.get(organizationId);
    assertMayRead(user, organizationId);
    const draft = await this.deps.drafts.findById(toObjectId(organizationId)).lean<DiagnosticDraftDoc>();
    if (!draft) throw new HttpError(404, 'not_found', 'No diagnostic in progress for this organization; start one by saving answers with revision 0.');
    return toDraftView(draft, organization);
  }

  /** Replaces the draft's answers. `revision` must be the one last read (0 to start); else 409. */
  async saveDraft(user: CurrentUser, organizationId: string, body: SaveDraftBody): Promise<DraftView> {
    assertMayTake(user, await this.deps.organizations.get(organizationId));
    const _id = toObjectId(organizationId);
    const existing = await this.deps.drafts.findById(_id).lean<DiagnosticDraftDoc>();
    const answers = acceptAnswers(questionnaireFor(existing?.questionnaireVersion ?? CURRENT_VERSION), body.answers);
    const answersJson = JSON.stringify(answers);
    if (!existing) {
      if (body.revision !== 0) throw conflict('This diagnostic was submitted or discarded meanwhile; start a new one with revision 0.');
      try {
        await this.deps.drafts.create({ _id, questionnaireVersion: CURRENT_VERSION, answersJson, revision: 1, updatedBy: toObjectId(user.id) });
      } catch (error) {
        if ((error as { code?: number }).code === 11000) throw conflict('A colleague started this diagnostic at the same moment; reload to continue theirs.');
        throw error;
      }
    } else {
      if (body.revision !== existing.revision) throw staleRevision(existing.revision);
      // Conditional on the revision read: of two concurrent saves, exactly one wins.
      const result = await this.deps.drafts.updateOne(
        { _id, revision: existing.revision },
        { $set: { answersJson, updatedBy: toObjectId(user.id) }, $inc: { revision: 1 } },
      );
      if (result.modifiedCount !== 1) throw staleRevision(existing.revision + 1);
    }
    return this.draft(user, organizationId);
  }

  /** Evaluates the draft into a report, stores it and removes the draft. */
  async submit(user: CurrentUser, organizationId: string, revision: number): Promise<ReportView> {
    const organization = await this.deps.organizations.get(organizationId);
    assertMayTake(user, organization);
    const _id = toObjectId(organizationId);
    const draft = await this.deps.drafts.findById(_id).lean<DiagnosticDraftDoc>();
    if (!draft) throw new HttpError(404, 'not_found', 'No diagnostic in progress for this organization; answer the questions first.');
    if (draft.revision !== revision) throw staleRevision(draft.revision);
    const questionnaire = questionnaireFor(draft.questionnaireVersion);
    const answers = { ...(JSON.parse(draft.answersJson) as Answers), ...profileAnswers(questionnaire, organization) };
    const missing = missingAnswers(questionnaire, answers);
    if (missing.length > 0) {
      throw new HttpError(400, 'incomplete', `Answer every question before submitting; ${missing.length} still open (first: ${missing[0]}).`,
        missing.map((id) => ({ field: `answers.${id}`, message: 'needs an answer' })));
    }
    const report = evaluate(questionnaire, answers);
    // Claim the draft first: of two concurrent submits only one finds it, so no duplicate reports.
    const claimed = await this.deps.drafts.deleteOne({ _id, revision });
    if (claimed.deletedCount !== 1) throw staleRevision(revision + 1);
    try {
      const created = await this.deps.reports.create({
        organizationId: _id,
        questionnaireVersion: questionnaire.version,
        answersJson: JSON.stringify(effectiveAnswers(questionnaire, answers)),
        reportJson: JSON.stringify(report),
        submittedBy: toObjectId(user.id),
        submittedByName: user.name,
        ...counts(report),
      });
      return this.report(user, String(created._id));
    } catch (error) {
      // Put the answers back so nothing the company typed is lost, then report the failure.
      await this.deps.drafts.create({ ...draft }).catch(() => undefined);
      throw error;
    }
  }

  async history(user: CurrentUser, organizationId: string): Promise<{ items: ReportSummary[] }> {
    await this.deps.organizations.load(organizationId);
    assertMayRead(user, organizationId);
    const docs = await this.deps.reports
      .find({ organizationId: toObjectId(organizationId) }, SUMMARY_FIELDS)
      .sort({ _id: -1 })
      .limit(HISTORY_LIMIT)
      .lean<DiagnosticReportDoc[]>();
    return { items: docs.map(toSummary) };
  }

  async report(user: CurrentUser, id: string): Promise<ReportView> {
    const doc = await this.loadReadable(user, id);
    const organization = await this.deps.organizations.get(String(doc.organizationId));
    const [links, previous] = await Promise.all([this.deps.links.forOrganization(organization), this.previousOf(doc)]);
    return {
      ...toSummary(doc),
      organizationName: organization.name,
      answers: JSON.parse(doc.answersJson) as Answers,
      report: JSON.parse(doc.reportJson) as Report,
      links,
      previousReportId: previous ? String(previous._id) : null,
    };
  }

  /** What changed since the organization's previous report (null changes for its first). */
  async compare(user: CurrentUser, id: string): Promise<CompareView> {
    const current = await this.loadReadable(user, id);
    const previous = await this.previousOf(current, true);
    return {
      current: toSummary(current),
      previous: previous ? toSummary(previous) : null,
      changes: previous ? compareReports(JSON.parse(current.reportJson) as Report, JSON.parse(previous.reportJson) as Report) : null,
    };
  }

  private async loadReadable(user: CurrentUser, id: string): Promise<DiagnosticReportDoc> {
    const doc = await this.deps.reports.findById(toObjectId(id, 'diagnostic report')).lean<DiagnosticReportDoc>();
    if (!doc || !mayReadReport(user, String(doc.organizationId))) throw new HttpError(404, 'not_found', `No diagnostic report with id ${id}.`);
    return doc;
  }

  private async previousOf(doc: DiagnosticReportDoc, full = false): Promise<DiagnosticReportDoc | null> {
    return this.deps.reports
      .findOne({ organizationId: doc.organizationId, _id: { $lt: doc._id } }, full ? {} : SUMMARY_FIELDS)
      .sort({ _id: -1 })
      .lean<DiagnosticReportDoc>();
  }
}

function conflict(message: string): HttpError {
  return new HttpError(409, 'conflict', message);
}

function staleRevision(current: number): HttpError {
  return new HttpError(409, 'stale_revision', `Someone saved this diagnostic meanwhile (now revision ${current}); reload to see the latest answers.`, { revision: current });
}
