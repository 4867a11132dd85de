// The signed-in user's unread notification count, for the bell in the navigation. Refreshed on
// navigation, every 30 seconds, and by the notifications page whenever it learns a newer count.
import { api, type NotificationView } from './api';
import { session } from './session.svelte';

export const unread = $state({ count: 0 });

export const UNREAD_POLL_MS = 30_000;

export async function refreshUnread(): Promise<void> {
  if (!session.user) {
    unread.count = 0;
    return;
  }
  try {
    unread.count = (await api.notifications.list({ unread: true, limit: 1 })).unreadCount;
  } catch {
    // The bell is a hint; a failed check keeps the last count and the next one tries again.
  }
}

/**
 * A notification pushed over the live socket (see lib/chat.svelte.ts): the bell counts it at once
 * instead of waiting for the next poll. Pages showing the list listen with `onLiveNotification`.
 */
const liveListeners = new Set<(notification: NotificationView) => void>();

export function receiveLiveNotification(notification: NotificationView): void {
  if (!notification.read) unread.count += 1;
  for (const listener of liveListeners) listener(notification);
}

export function onLiveNotification(listener: (notification: NotificationView) => void): () => void {
  liveListeners.add(listener);
  return () => liveListeners.delete(listener);
}
