import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams } from '../shared/schema';
import { CompareView, DraftView, HistoryView, OrganizationParams, QuestionnaireView, ReportView, SaveDraftBody, SubmitBody, VersionParams } from './schema';

/** The IP diagnostic for SMEs: questionnaire, resumable draft, submitted reports, history and comparison. */
const diagnosticRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { diagnostics } = app.services;
  const tags = ['diagnostic'];

  app.get(
    '/api/diagnostics/questionnaire',
    { schema: { tags, summary: 'The current questionnaire: screening questions and detailed sections', response: { 200: QuestionnaireView } } },
    async () => diagnostics.questionnaire(),
  );

  app.get(
    '/api/diagnostics/questionnaire/:version',
    { schema: { tags, summary: 'One questionnaire version (reports name the version they were made with)', params: VersionParams, response: { 200: QuestionnaireView, ...errorResponses(400, 404) } } },
    async (request) => diagnostics.questionnaire(request.params.version),
  );

  const organizationPath = '/api/diagnostics/organizations/:organizationId';
  app.get(
    `${organizationPath}/draft`,
    { schema: { tags, summary: "The organization's diagnostic in progress (members and platform admins)", params: OrganizationParams, response: { 200: DraftView, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => diagnostics.draft(requireUser(request), request.params.organizationId),
  );

  app.put(
    `${organizationPath}/draft`,
    {
      schema: {
        tags,
        summary: 'Save the answers so far (SME members); revision 0 starts a new diagnostic',
        params: OrganizationParams,
        body: SaveDraftBody,
        response: { 200: DraftView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => diagnostics.saveDraft(requireUser(request), request.params.organizationId, request.body),
  );

  app.post(
    `${organizationPath}/submit`,
    {
      schema: {
        tags,
        summary: 'Submit the completed diagnostic: its report joins the history (SME members)',
        params: OrganizationParams,
        body: SubmitBody,
        response: { 201: ReportView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await diagnostics.submit(requireUser(request), request.params.organizationId, request.body.revision)),
  );

  app.get(
    `${organizationPath}/reports`,
    { schema: { tags, summary: "The organization's reports, newest first (members and platform admins)", params: OrganizationParams, response: { 200: HistoryView, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => diagnostics.history(requireUser(request), request.params.organizationId),
  );

  app.get(
    '/api/diagnostics/reports/:id',
    { schema: { tags, summary: 'One report with its links to research outputs, intermediaries and events', params: IdParams, response: { 200: ReportView, ...errorResponses(400, 401, 404) } } },
    async (request) => diagnostics.report(requireUser(request), request.params.id),
  );

  app.get(
    '/api/diagnostics/reports/:id/compare',
    { schema: { tags, summary: "What changed since the organization's previous report", params: IdParams, response: { 200: CompareView, ...errorResponses(400, 401, 404) } } },
    async (request) => diagnostics.compare(requireUser(request), request.params.id),
  );
};

export default diagnosticRoutes;
