// Typed calls for the events API (events, sessions, registration, recommendations, meetings,
// agenda, dashboard, scheduler). Same request function and error shape as the main client.
import { apiRequest as request } from './api';
import type {
  AgendaView,
  CreateEventBody,
  DashboardView,
  EventSummary,
  EventView,
  MeetingView,
  RatingBody,
  RecommendationView,
  RegisterBody,
  RegistrationView,
  RescheduleBody,
  ScheduleView,
  SessionBody,
  UpdateEventBody,
  UpdateRegistrationBody,
  UpdateSessionBody,
} from './events-types';

export type * from './events-types';

const base = (id: string) => `/api/events/${encodeURIComponent(id)}`;
const meeting = (id: string, meetingId: string) => `${base(id)}/meetings/${encodeURIComponent(meetingId)}`;

export const eventsApi = {
  list: (query: { mine?: boolean; sector?: string; limit?: number } = {}) => request<{ items: EventSummary[] }>('GET', '/api/events', undefined, query),
  get: (id: string) => request<EventView>('GET', base(id)),
  create: (body: CreateEventBody) => request<EventView>('POST', '/api/events', body),
  update: (id: string, body: UpdateEventBody) => request<EventView>('PATCH', base(id), body),
  setStatus: (id: string, action: 'publish' | 'cancel') => request<EventView>('POST', `${base(id)}/${action}`, {}),
  addSession: (id: string, body: SessionBody) => request<EventView>('POST', `${base(id)}/sessions`, body),
  updateSession: (id: string, sessionId: string, body: UpdateSessionBody) =>
    request<EventView>('PATCH', `${base(id)}/sessions/${encodeURIComponent(sessionId)}`, body),
  deleteSession: (id: string, sessionId: string) => request<EventView>('DELETE', `${base(id)}/sessions/${encodeURIComponent(sessionId)}`),

  register: (id: string, body: RegisterBody) => request<RegistrationView>('POST', `${base(id)}/registrations`, body),
  registrations: (id: string) => request<{ items: RegistrationView[] }>('GET', `${base(id)}/registrations`),
  myRegistration: (id: string) => request<RegistrationView>('GET', `${base(id)}/registrations/me`),
  updateRegistration: (id: string, body: UpdateRegistrationBody) => request<RegistrationView>('PATCH', `${base(id)}/registrations/me`, body),
  withdraw: (id: string) => request<void>('DELETE', `${base(id)}/registrations/me`),
  recommendations: (id: string) => request<{ items: RecommendationView[] }>('GET', `${base(id)}/recommendations`),

  requestMeeting: (id: string, body: { recipientRegistrationId: string; reason: string }) => request<MeetingView>('POST', `${base(id)}/meetings`, body),
  meetings: (id: string, query: { box?: 'incoming' | 'outgoing' | 'all'; status?: string } = {}) =>
    request<{ items: MeetingView[] }>('GET', `${base(id)}/meetings`, undefined, query),
  meeting: (id: string, meetingId: string) => request<MeetingView>('GET', meeting(id, meetingId)),
  act: (id: string, meetingId: string, action: 'accept' | 'decline' | 'cancel') => request<MeetingView>('POST', `${meeting(id, meetingId)}/${action}`, {}),
  reschedule: (id: string, meetingId: string, body: RescheduleBody) => request<MeetingView>('POST', `${meeting(id, meetingId)}/reschedule`, body),
  checkIn: (id: string, meetingId: string) => request<MeetingView>('POST', `${meeting(id, meetingId)}/check-in`, {}),
  rate: (id: string, meetingId: string, body: RatingBody) => request<MeetingView>('PUT', `${meeting(id, meetingId)}/rating`, body),

  agenda: (id: string) => request<AgendaView>('GET', `${base(id)}/agenda`),
  dashboard: (id: string) => request<DashboardView>('GET', `${base(id)}/dashboard`),
  exportUrl: (id: string, what: 'participants' | 'meetings') => `${base(id)}/export/${what}.csv`,

  schedule: (id: string) => request<ScheduleView>('GET', `${base(id)}/schedule`),
  runScheduler: (id: string, mode: 'all' | 'unscheduled') => request<{ jobId: string }>('POST', `${base(id)}/schedule`, { mode }),
  publishSchedule: (id: string) => request<ScheduleView>('POST', `${base(id)}/schedule/publish`, {}),
};
