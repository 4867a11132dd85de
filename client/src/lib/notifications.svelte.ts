// The signed-in user's unread notification count, for the bell in the navigation. Refreshed on
// navigation, every 30 seconds, and by the notifications page whenever it learns a newer count.
import { api } from './api';
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
