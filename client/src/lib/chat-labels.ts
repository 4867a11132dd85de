// Words and links for chat rooms, from what the room id says it belongs to.
import type { RoomView } from './chat-types';

export const ROOM_KIND_LABELS: Record<RoomView['kind'], string> = {
  lobby: 'Event lobby',
  topic: 'Event room',
  meeting: 'Meeting',
  access: 'Access request',
};

/** Where the room's subject lives in the app (the event, the access requests), or null. */
export function roomContextLink(view: Pick<RoomView, 'kind' | 'eventId'>): { href: string; label: string } | null {
  if ((view.kind === 'lobby' || view.kind === 'topic') && view.eventId) return { href: `/events/${view.eventId}`, label: 'Open the event' };
  if (view.kind === 'access') return { href: '/access-requests', label: 'Open access requests' };
  return null;
}

export function chatPath(roomId: string): string {
  return `/chat/${encodeURIComponent(roomId)}`;
}
