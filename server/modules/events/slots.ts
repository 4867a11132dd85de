/**
 * Slots are derived, never stored: a session's slot i covers [startsAt + i*slotMinutes, +slotMinutes),
 * and a slot overlapping a break is not usable. A slot id is `<sessionId>:<index>`.
 */
export interface SessionTimes {
  _id: unknown;
  startsAt: Date;
  endsAt: Date;
  slotMinutes: number;
  breaks: { startsAt: Date; endsAt: Date }[];
}

export interface Slot {
  id: string;
  sessionId: string;
  index: number;
  startsAt: Date;
  endsAt: Date;
  /** False when the slot overlaps a break. */
  usable: boolean;
}

export const slotId = (sessionId: string, index: number): string => `${sessionId}:${index}`;

export function parseSlotId(id: string): { sessionId: string; index: number } | null {
  const match = /^([0-9a-fA-F]{24}):(\d+)$/.exec(id);
  return match ? { sessionId: match[1]!.toLowerCase(), index: Number(match[2]) } : null;
}

/** Every whole slot that fits in the session, in time order (a trailing partial slot is dropped). */
export function sessionSlots(session: SessionTimes): Slot[] {
  const sessionId = String(session._id);
  const length = session.slotMinutes * 60_000;
  const start = session.startsAt.getTime();
  const count = Math.max(0, Math.floor((session.endsAt.getTime() - start) / length));
  const slots: Slot[] = [];
  for (let index = 0; index < count; index++) {
    const startsAt = new Date(start + index * length);
    const endsAt = new Date(start + (index + 1) * length);
    const usable = !session.breaks.some((pause) => pause.startsAt < endsAt && pause.endsAt > startsAt);
    slots.push({ id: slotId(sessionId, index), sessionId, index, startsAt, endsAt, usable });
  }
  return slots;
}

/** The time a placed meeting covers; null when the slot does not exist in the session. */
export function slotTimes(session: SessionTimes, index: number): { startsAt: Date; endsAt: Date } | null {
  const slot = sessionSlots(session)[index];
  return slot ? { startsAt: slot.startsAt, endsAt: slot.endsAt } : null;
}
