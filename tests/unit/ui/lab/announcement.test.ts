import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../../src/sim/session.ts';
import type { TraceEvent } from '../../../../src/sim/trace.ts';
import { nextStop } from '../../../../src/timeline/playback.ts';
import { announceEvent, announcePlayed } from '../../../../src/ui/lab/announcement.ts';

function run(name: string): readonly TraceEvent[] {
  const scenario = builtinScenario(name);
  if (scenario === undefined) throw new Error(`no built-in ${name}`);
  const session = new Session(scenario);
  session.runUntilQuiet(7 * 24 * 3_600_000);
  return session.events;
}

function firstWhere(trace: readonly TraceEvent[], test: (e: TraceEvent) => boolean): number {
  const at = trace.findIndex(test);
  if (at < 0) throw new Error('no such event');
  return at;
}

describe('the live region', () => {
  const textbook = run('textbook');

  it('says the line a step lands on, with its time and hosts, in either language', () => {
    const rcpt = firstWhere(textbook, (e) => e.kind === 'app.line' && e.verb === 'RCPT');
    expect(announceEvent(textbook, rcpt, 'en')).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3}, alice-pc: SMTP client: RCPT TO: <bob@hamburger\.edu>$/,
    );
    expect(announceEvent(textbook, rcpt, 'ko')).toMatch(
      /alice-pc: SMTP 클라이언트: RCPT TO: <bob@hamburger\.edu>$/,
    );
  });

  it('says a server reply as a line from the server', () => {
    const greeting = firstWhere(textbook, (e) => e.kind === 'app.line' && e.from === 'server');
    expect(announceEvent(textbook, greeting, 'en')).toMatch(/, crepes\.fr: SMTP server: 220 /);
    expect(announceEvent(textbook, greeting, 'ko')).toMatch(/, crepes\.fr: SMTP 서버: 220 /);
  });

  it('says the lab is at the start before the first event', () => {
    expect(announceEvent(textbook, -1, 'en')).toBe('At the start, before anything happened.');
    expect(announceEvent(textbook, -1, 'ko')).toBe('처음입니다. 아직 아무 일도 일어나지 않았습니다.');
  });

  it('sums up what played when playing pauses: how many events, when, and the notable ones', () => {
    const outage = run('outage');
    const deferred = firstWhere(outage, (e) => e.kind === 'queue.deferred');
    const summary = announcePlayed(outage, -1, deferred, 'en');
    expect(summary).toContain(`after ${deferred + 1} events`);
    expect(summary).toContain('Notable: ');
    expect(summary).toMatch(/Now at: Delivery to <bob@hamburger\.edu> deferred/);
    const ko = announcePlayed(outage, -1, deferred, 'ko');
    expect(ko).toContain(`사건 ${deferred + 1}개를 재생하고`);
    expect(ko).toContain('<bob@hamburger.edu> 전달 연기');
  });

  it('says only where it is when playing moved nowhere', () => {
    const at = nextStop(textbook, -1, 'line');
    expect(announcePlayed(textbook, at, at, 'en')).toBe(announceEvent(textbook, at, 'en'));
  });
});
