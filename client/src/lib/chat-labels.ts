// Words and links for chat rooms, from what the room id says it belongs to.
import { api } from './api';
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

/**
 * Names for access-request rooms ("<output> · <the other organization>"), which the server only
 * calls "Access request chat": one look at my incoming and outgoing requests.
 */
export async function accessRoomLabels(): Promise<Map<string, string>> {
  const [incoming, outgoing] = await Promise.all([api.accessRequests.list('incoming'), api.accessRequests.list('outgoing')]);
  const labels = new Map<string, string>();
  for (const request of incoming.items) labels.set(`access-${request.id}`, `${request.outputTitle} · ${request.requestingOrganizationName}`);
  for (const request of outgoing.items) labels.set(`access-${request.id}`, `${request.outputTitle} · ${request.ownerOrganizationName}`);
  return labels;
}
