// The one typed API client. Every request is JSON in and out, sends the session cookie, and turns
// an error response (`{ error: { code, message, details } }`) into an ApiError that forms can map
// onto their fields.
import type {
  AccessRequestView,
  AdminStats,
  FeedbackStatus,
  MatchListQuery,
  NeedMatchView,
  NotificationPage,
  OutputMatchView,
  SearchHit,
  AuditEntryView,
  ConfidentialDetailsView,
  CreateNeedBody,
  CreateResearchOutputBody,
  NeedListQuery,
  NeedView,
  ResearchOutputListQuery,
  ResearchOutputView,
  UpdateNeedBody,
  UpdateResearchOutputBody,
  CreateOrganizationBody,
  InvitationView,
  MailView,
  MemberView,
  OrganizationKind,
  OrganizationView,
  Page,
  UpdateOrganizationBody,
  UserView,
  VerificationItem,
  VerificationState,
  DirectoryHit,
  DirectoryQuery,
  HelpRequestView,
  IntermediaryView,
  ProfileBody,
  SectorDetail,
  SectorSummary,
} from './api-types';

export type * from './api-types';
import type { ReportView as ChatReportView, RoomView as ChatRoomView } from './chat-types';
import type { CompareView as DiagnosticCompareView, DiagnosticAnswers, DraftView as DiagnosticDraftView, QuestionnaireView, ReportSummary as DiagnosticReportSummary, ReportView as DiagnosticReportView } from './diagnostic-types';

/** One problem with one field: schema errors carry a message, service errors only the field. */
export interface FieldDetail {
  field: string;
  message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The details as a list of field problems, whatever shape the server sent. */
  get fields(): FieldDetail[] {
    const list: unknown[] = Array.isArray(this.details) ? this.details : this.details ? [this.details] : [];
    return list.filter(
      (item): item is FieldDetail => typeof item === 'object' && item !== null && typeof (item as FieldDetail).field === 'string',
    );
  }
}

type Query = Record<string, string | number | boolean | undefined>;

/**
 * A fresh Idempotency-Key. crypto.getRandomValues, not randomUUID: the latter exists only in secure
 * contexts, and the app also runs over plain HTTP on a local network.
 */
function idempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') search.set(key, String(value));
  const url = search.size > 0 ? `${path}?${search}` : path;
  const headers: Record<string, string> = body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' };
  // One key per submission: the server answers a repeat with the first result, so the retry below
  // (or the server's 503 during an outage) never makes a second listing. Only creates use it.
  if (method === 'POST') headers['idempotency-key'] = idempotencyKey();
  const send = () => fetch(url, { method, credentials: 'include', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let response: Response;
  try {
    // A dropped connection may have lost the answer of a create that was carried out: ask again
    // once with the same key. Other methods fail at once, as before.
    response = await (method === 'POST' ? send().catch(send) : send());
  } catch {
    throw new ApiError(0, 'network', 'Matchbridge cannot be reached. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'error', error?.message ?? `The server answered ${response.status}.`, error?.details);
  }
  return payload as T;
}

const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {});
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);

export const api = {
  diagnostics: {
    questionnaire: (version?: string) => get<QuestionnaireView>(version ? `/api/diagnostics/questionnaire/${encodeURIComponent(version)}` : '/api/diagnostics/questionnaire'),
    draft: (organizationId: string) => get<DiagnosticDraftView>(`/api/diagnostics/organizations/${encodeURIComponent(organizationId)}/draft`),
    saveDraft: (organizationId: string, answers: DiagnosticAnswers, revision: number) =>
      request<DiagnosticDraftView>('PUT', `/api/diagnostics/organizations/${encodeURIComponent(organizationId)}/draft`, { answers, revision }),
    submit: (organizationId: string, revision: number) => post<DiagnosticReportView>(`/api/diagnostics/organizations/${encodeURIComponent(organizationId)}/submit`, { revision }),
    history: (organizationId: string) => get<{ items: DiagnosticReportSummary[] }>(`/api/diagnostics/organizations/${encodeURIComponent(organizationId)}/reports`),
    report: (id: string) => get<DiagnosticReportView>(`/api/diagnostics/reports/${encodeURIComponent(id)}`),
    compare: (id: string) => get<DiagnosticCompareView>(`/api/diagnostics/reports/${encodeURIComponent(id)}/compare`),
  },
  auth: {
    me: async () => (await get<{ user: UserView | null }>('/api/auth/me')).user,
    register: (body: { email: string; password: string; name: string; next?: string }) => post<{ message: string }>('/api/auth/register', body),
    confirmRegistration: (token: string) => post<UserView>('/api/auth/register/confirm', { token }),
    login: (body: { email: string; password: string }) => post<UserView>('/api/auth/login', body),
    logout: () => request<void>('POST', '/api/auth/logout'),
    requestReset: (email: string) => post<{ message: string }>('/api/auth/password-reset/request', { email }),
    confirmReset: (token: string, newPassword: string) => post<void>('/api/auth/password-reset/confirm', { token, newPassword }),
  },
  organizations: {
    list: (query: { kind?: OrganizationKind; cursor?: string; limit?: number } = {}) =>
      get<Page<OrganizationView>>('/api/organizations', query),
    get: (id: string) => get<OrganizationView>(`/api/organizations/${encodeURIComponent(id)}`),
    create: (body: CreateOrganizationBody) => post<OrganizationView>('/api/organizations', body),
    update: (id: string, body: UpdateOrganizationBody) => patch<OrganizationView>(`/api/organizations/${encodeURIComponent(id)}`, body),
    members: (id: string) => get<MemberView[]>(`/api/organizations/${encodeURIComponent(id)}/members`),
    invite: (id: string, body: { email: string; role: MemberView['role'] }) =>
      post<InvitationView>(`/api/organizations/${encodeURIComponent(id)}/invitations`, body),
    acceptInvitation: (token: string) => post<OrganizationView>('/api/invitations/accept', { token }),
  },
  researchOutputs: {
    list: (query: ResearchOutputListQuery = {}) => get<Page<ResearchOutputView>>('/api/research-outputs', query),
    get: (id: string) => get<ResearchOutputView>(`/api/research-outputs/${encodeURIComponent(id)}`),
    create: (body: CreateResearchOutputBody) => post<ResearchOutputView>('/api/research-outputs', body),
    update: (id: string, body: UpdateResearchOutputBody) => patch<ResearchOutputView>(`/api/research-outputs/${encodeURIComponent(id)}`, body),
    transition: (id: string, action: 'publish' | 'archive') => post<ResearchOutputView>(`/api/research-outputs/${encodeURIComponent(id)}/${action}`),
    confidential: (id: string) => get<ConfidentialDetailsView>(`/api/research-outputs/${encodeURIComponent(id)}/confidential`),
    auditLog: (id: string, cursor?: string) => get<Page<AuditEntryView>>(`/api/research-outputs/${encodeURIComponent(id)}/audit-log`, { cursor, limit: 50 }),
    requestAccess: (id: string, body: { message: string; organizationId?: string }) =>
      post<AccessRequestView>(`/api/research-outputs/${encodeURIComponent(id)}/access-requests`, body),
  },
  needs: {
    list: (query: NeedListQuery = {}) => get<Page<NeedView>>('/api/needs', query),
    get: (id: string) => get<NeedView>(`/api/needs/${encodeURIComponent(id)}`),
    create: (body: CreateNeedBody) => post<NeedView>('/api/needs', body),
    update: (id: string, body: UpdateNeedBody) => patch<NeedView>(`/api/needs/${encodeURIComponent(id)}`, body),
    transition: (id: string, action: 'publish' | 'archive') => post<NeedView>(`/api/needs/${encodeURIComponent(id)}/${action}`),
    /** An SME admin on a need an intermediary drafted for the SME: `give` publishes it. */
    consent: (id: string, decision: 'give' | 'refuse', note?: string) =>
      post<NeedView>(`/api/needs/${encodeURIComponent(id)}/consent`, note ? { decision, note } : { decision }),
  },
  accessRequests: {
    list: (direction: 'incoming' | 'outgoing', cursor?: string) =>
      get<Page<AccessRequestView>>('/api/access-requests', { direction, cursor, limit: 50 }),
    grant: (id: string) => post<AccessRequestView>(`/api/access-requests/${encodeURIComponent(id)}/grant`),
    refuse: (id: string, reason?: string) => post<AccessRequestView>(`/api/access-requests/${encodeURIComponent(id)}/refuse`, reason ? { reason } : {}),
  },
  matches: {
    forNeed: (id: string, query: MatchListQuery = {}) => get<NeedMatchView[]>(`/api/needs/${encodeURIComponent(id)}/matches`, query),
    forOutput: (id: string, query: MatchListQuery = {}) => get<OutputMatchView[]>(`/api/research-outputs/${encodeURIComponent(id)}/matches`, query),
    feedback: (id: string, status: FeedbackStatus) => post<{ id: string; status: string }>(`/api/matches/${encodeURIComponent(id)}/feedback`, { status }),
  },
  notifications: {
    list: (query: { unread?: boolean; cursor?: string; limit?: number } = {}) => get<NotificationPage>('/api/notifications', query),
    /** No ids: every notification of the user. */
    markRead: (ids?: string[]) => post<{ marked: number }>('/api/notifications/read', ids ? { ids } : {}),
  },
  /** Live chat's REST side (the socket carries messages; see lib/chat.svelte.ts). */
  chat: {
    rooms: () => get<{ items: ChatRoomView[] }>('/api/chat/rooms'),
    room: (roomId: string) => get<ChatRoomView>(`/api/chat/rooms/${encodeURIComponent(roomId)}`),
    eventRooms: (eventId: string) => get<{ items: ChatRoomView[] }>(`/api/chat/events/${encodeURIComponent(eventId)}/rooms`),
    createTopic: (eventId: string, title: string) => post<ChatRoomView>(`/api/chat/events/${encodeURIComponent(eventId)}/rooms`, { title }),
    markRead: (roomId: string, seq: number) => post<{ lastReadSeq: number; unread: number }>(`/api/chat/rooms/${encodeURIComponent(roomId)}/read`, { seq }),
    setLocked: (roomId: string, locked: boolean) => patch<ChatRoomView>(`/api/chat/rooms/${encodeURIComponent(roomId)}`, { locked }),
    remove: (roomId: string, seq: number) => request<{ seq: number; removed: boolean }>('DELETE', `/api/chat/rooms/${encodeURIComponent(roomId)}/messages/${seq}`),
    mute: (roomId: string, userId: string, minutes: number) =>
      put<{ userId: string; until: string | null }>(`/api/chat/rooms/${encodeURIComponent(roomId)}/mutes/${encodeURIComponent(userId)}`, { minutes }),
    unmute: (roomId: string, userId: string) => request<{ userId: string; until: string | null }>('DELETE', `/api/chat/rooms/${encodeURIComponent(roomId)}/mutes/${encodeURIComponent(userId)}`),
    report: (roomId: string, seq: number, reason: string) => post<unknown>(`/api/chat/rooms/${encodeURIComponent(roomId)}/messages/${seq}/report`, { reason }),
    reports: (roomId: string) => get<{ items: ChatReportView[] }>(`/api/chat/rooms/${encodeURIComponent(roomId)}/reports`),
  },
  search: {
    researchOutputs: (q: string, limit = 20) => get<SearchHit<ResearchOutputView>[]>('/api/search/research-outputs', { q, limit }),
    needs: (q: string, limit = 20) => get<SearchHit<NeedView>[]>('/api/search/needs', { q, limit }),
  },
  intermediaries: {
    search: (query: DirectoryQuery = {}) => get<Page<DirectoryHit>>('/api/intermediaries', query),
    get: (id: string) => get<IntermediaryView>(`/api/intermediaries/${encodeURIComponent(id)}`),
    saveProfile: (id: string, body: ProfileBody) => put<IntermediaryView>(`/api/intermediaries/${encodeURIComponent(id)}/profile`, body),
    askForHelp: (id: string, body: { smeOrganizationId: string; needId: string; message: string }) =>
      post<HelpRequestView>(`/api/intermediaries/${encodeURIComponent(id)}/help-requests`, body),
  },
  helpRequests: {
    list: (direction: 'incoming' | 'outgoing', cursor?: string) => get<Page<HelpRequestView>>('/api/help-requests', { direction, cursor, limit: 20 }),
    accept: (id: string, note?: string) => post<HelpRequestView>(`/api/help-requests/${encodeURIComponent(id)}/accept`, note ? { note } : {}),
    decline: (id: string, reason: string) => post<HelpRequestView>(`/api/help-requests/${encodeURIComponent(id)}/decline`, { reason }),
    answer: (id: string, answer: string) => post<HelpRequestView>(`/api/help-requests/${encodeURIComponent(id)}/answer`, { answer }),
    close: (id: string) => post<HelpRequestView>(`/api/help-requests/${encodeURIComponent(id)}/close`),
  },
  sectors: {
    list: () => get<SectorSummary[]>('/api/sectors'),
    get: (code: string) => get<SectorDetail>(`/api/sectors/${encodeURIComponent(code)}`),
  },
  admin: {
    stats: () => get<AdminStats>('/api/admin/stats'),
    rescore: () => post<{ jobId: string }>('/api/admin/rescore'),
    users: (limit = 200) => get<UserView[]>('/api/admin/users', { limit }),
    mailbox: (to?: string, limit = 50) => get<MailView[]>('/api/admin/mailbox', { to, limit }),
    /** The verification queue (pending, oldest first) or the decided ones. */
    organizations: (status: VerificationState = 'pending', cursor?: string) => get<Page<VerificationItem>>('/api/admin/organizations', { status, cursor, limit: 50 }),
    decide: (id: string, decision: 'verify' | 'reject', note?: string) =>
      post<VerificationItem>(`/api/admin/organizations/${encodeURIComponent(id)}/${decision}`, note ? { note } : {}),
  },
};

/** The raw request, for feature clients kept in their own files (events-api.ts). */
export { request as apiRequest };
