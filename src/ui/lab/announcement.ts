// What a screen reader hears when the cursor moves: the event a step lands on, or, when playing pauses, a summary
// of what played. Built from the trace's facts through the event list's own words, never from wire text.
import type { TraceEvent } from '../../sim/trace.ts';
import { isNotable } from '../../timeline/playback.ts';
import { describe, eventHosts, formatClock } from '../i18n/eventText.ts';
import type { Language } from '../i18n/language.ts';
import { labText } from '../i18n/labText.ts';

// A summary names at most this many notable events, the latest ones: a screen reader reads it all out.
const NOTABLE_IN_SUMMARY = 3;

/** announceEvent is what a step to trace position `cursor` says: the event's time, hosts and what happened. */
export function announceEvent(trace: readonly TraceEvent[], cursor: number, language: Language): string {
  const words = labText[language].announce;
  const event = trace[cursor];
  if (event === undefined) return words.start;
  return words.event(formatClock(event.t), eventHosts(event), describe(event, language));
}

/**
 * announcePlayed is what pausing says after playing from `from` to `to` (trace positions): how many events played,
 * where it stopped, the latest notable ones among them, and the event it stopped on.
 */
export function announcePlayed(
  trace: readonly TraceEvent[],
  from: number,
  to: number,
  language: Language,
): string {
  const words = labText[language].announce;
  if (to <= from) return announceEvent(trace, to, language);
  const played = trace.slice(Math.max(0, from + 1), to + 1);
  const notable = played
    .filter(isNotable)
    .slice(-NOTABLE_IN_SUMMARY)
    .map((e) => describe(e, language));
  const last = trace[to];
  return words.played(
    played.length,
    formatClock(last?.t ?? 0),
    notable,
    last === undefined ? '' : describe(last, language),
  );
}
