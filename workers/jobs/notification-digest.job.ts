import type { JobResults } from '../queues';
import type { JobContext } from './context';

/** Mails each user one digest of their unread, not yet digested notifications. */
export async function runNotificationDigest(ctx: JobContext): Promise<JobResults['notification-digest']> {
  return ctx.services.notifications.sendDigests((userIds) => ctx.services.accounts.emailsOf(userIds));
}
