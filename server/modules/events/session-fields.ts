/** Session fields as stored, and the checks a session must pass (times, breaks, at least one usable slot). */
import { HttpError } from '../../plugins/errors';
import type { EventDoc } from './model';
import type { SessionBody } from './schema';
import { sessionSlots } from './slots';

export interface SessionFields {
  title: string;
  startsAt: Date;
  endsAt: Date;
  slotMinutes: number;
  breaks: { startsAt: Date; endsAt: Date }[];
  tables: number;
  maxMeetingsPerPerson: number;
}

export function sessionFields(body: SessionBody | (Omit<SessionFields, 'startsAt' | 'endsAt' | 'breaks'> & Record<string, unknown>)): SessionFields {
  const b = body as SessionBody;
  return {
    title: b.title,
    startsAt: new Date(b.startsAt),
    endsAt: new Date(b.endsAt),
    slotMinutes: b.slotMinutes,
    breaks: (b.breaks ?? []).map((pause) => ({ startsAt: new Date(pause.startsAt), endsAt: new Date(pause.endsAt) })),
    tables: b.tables,
    maxMeetingsPerPerson: b.maxMeetingsPerPerson,
  };
}

/** A stored session in its API shape (what a session body would send, breaks always present). */
export function plainSession(session: EventDoc['sessions'][number]): SessionBody & Required<Pick<SessionBody, 'breaks'>> {
  return {
    title: session.title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    slotMinutes: session.slotMinutes as 15 | 20 | 30,
    breaks: session.breaks.map((pause) => ({ startsAt: pause.startsAt.toISOString(), endsAt: pause.endsAt.toISOString() })),
    tables: session.tables,
    maxMeetingsPerPerson: session.maxMeetingsPerPerson,
  };
}

export function checkSession(session: SessionFields & { _id?: unknown }): void {
  const invalid = (message: string, field: string) => new HttpError(400, 'validation_failed', message, { field });
  if (!(session.endsAt > session.startsAt)) throw invalid('A session must end after it starts.', 'endsAt');
  if (session.endsAt.getTime() - session.startsAt.getTime() > 24 * 3600_000) throw invalid('A session lasts at most 24 hours; split longer days into sessions.', 'endsAt');
  for (const pause of session.breaks) {
    if (!(pause.endsAt > pause.startsAt)) throw invalid('A break must end after it starts.', 'breaks');
    if (pause.startsAt < session.startsAt || pause.endsAt > session.endsAt) throw invalid('Breaks must lie within the session.', 'breaks');
  }
  const usable = sessionSlots({ _id: session._id ?? 'new', ...session }).filter((slot) => slot.usable).length;
  if (usable === 0) throw invalid(`No ${session.slotMinutes}-minute slot fits between the session's start, end and breaks.`, 'slotMinutes');
}
