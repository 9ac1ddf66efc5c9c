// One line about a queued message, for marks too small to list its recipients: is it being tried, waiting
// for its next try, or settled; how many attempts so far; and when the next one is due.
import type { QueueEntryView } from '../sim/worldView.ts';

/** QueueSummary is a queued message at a glance; `nextAttemptAt` is the earliest of its recipients' retries. */
export interface QueueSummary {
  readonly state: 'trying' | 'waiting' | 'settled';
  readonly attempts: number;
  readonly nextAttemptAt: number | null;
}

/**
 * queueSummary folds a message's recipients: it is `trying` while any recipient is pending (an attempt is
 * under way or about to start), else `waiting` while any is deferred, else `settled` (delivered or bounced,
 * about to leave the queue). Attempts count the most any recipient has had.
 */
export function queueSummary(entry: QueueEntryView): QueueSummary {
  const attempts = Math.max(0, ...entry.recipients.map((r) => r.attempts));
  const deferred = entry.recipients.filter((r) => r.status === 'deferred');
  const retries = deferred.flatMap((r) => (r.nextAttemptAt === null ? [] : [r.nextAttemptAt]));
  const nextAttemptAt = retries.length > 0 ? Math.min(...retries) : null;
  if (entry.recipients.some((r) => r.status === 'pending'))
    return { state: 'trying', attempts, nextAttemptAt };
  if (deferred.length > 0) return { state: 'waiting', attempts, nextAttemptAt };
  return { state: 'settled', attempts, nextAttemptAt: null };
}
