import type { JobResults } from '../queues';
import type { JobContext } from './context';

/**
 * The sweep behind meeting-request expiry. Every read already treats a pending request past its
 * expiry as expired (so correctness never waits for this job); the sweep stores the status and
 * notifies both sides. A repeatable sweep was chosen over one delayed job per request: nothing
 * to cancel when a request is answered, nothing to move when an organizer changes the expiry,
 * and a lost job can never leave a request pending forever.
 */
export async function runExpireMeetingRequests(ctx: JobContext): Promise<JobResults['expire-meeting-requests']> {
  const expired = await ctx.services.events.meetings.expireDue();
  if (expired > 0) ctx.log(`expired ${expired} meeting request${expired === 1 ? '' : 's'}`);
  return { expired };
}
