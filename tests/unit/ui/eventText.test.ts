import { describe as group, expect, it } from 'vitest';
import { builtinScenario, builtinScenarioNames } from '../../../src/sim/builtinScenarios.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import {
  describe,
  EVENT_CATEGORIES,
  eventCategory,
  eventHosts,
  eventTag,
  eventText,
  formatClock,
} from '../../../src/ui/i18n/eventText.ts';

function traceOf(name: string): readonly TraceEvent[] {
  const scenario = builtinScenario(name);
  if (scenario === undefined) throw new Error(`${name} is missing`);
  const session = new Session(lighter(scenario));
  session.runUntilQuiet(7 * 86_400_000);
  return session.events;
}

// partial-fetch attaches 5 MB, some 300,000 events and a quarter of a minute of CPU; a tenth of it still fetches
// in several pieces and tells the same kinds of event, which is what these texts depend on.
function lighter(scenario: Scenario): Scenario {
  const inputs = scenario.inputs.map((timed) => {
    const input = timed.input;
    if (input.type !== 'mail.send' || input.attachments === undefined) return timed;
    const attachments = input.attachments.map((a) => ({ ...a, repeat: Math.ceil((a.repeat ?? 1) / 10) }));
    return { ...timed, input: { ...input, attachments } };
  });
  return { ...scenario, inputs };
}

const outage = traceOf('outage');
const at = (t: number) => ({ t, seq: 0 });

group('describe', () => {
  // One test per world, since imap-folders (IDLE for a week) and partial-fetch each take seconds to run. One expect
  // per event would cost more than the describing, so each gathers what is wrong and states it once, named.
  it.each(builtinScenarioNames)(
    'tells every event of the built-in scenario %s in both languages, with nothing left blank',
    (name) => {
      const wrong: string[] = [];
      for (const event of traceOf(name)) {
        for (const language of ['en', 'ko'] as const) {
          const text = describe(event, language);
          if (text.length <= 3 || /undefined|\[object/.test(text))
            wrong.push(`${name} #${event.seq} ${event.kind} in ${language}: ${JSON.stringify(text)}`);
        }
      }
      expect(wrong).toEqual([]);
    },
    20_000,
  );

  it('keeps protocol lines exactly as they were on the wire', () => {
    const line = outage.find(isKind('app.line')) as TraceEvent & { line: string };
    expect(describe(line, 'en')).toBe(`SMTP server: ${line.line}`);
    expect(describe(line, 'ko')).toBe(`SMTP 서버: ${line.line}`);
  });

  it('says when a deferred message will be tried again, in Korean as well', () => {
    // The first attempt starts at 00:00:01.135 and is deferred half a minute later; the retry is due 30 minutes
    // after the attempt started, not after it was deferred.
    const deferred = outage.find(isKind('queue.deferred'));
    if (deferred === undefined) throw new Error('the outage defers nothing');
    expect(describe(deferred, 'en')).toBe(
      `Delivery to <bob@hamburger.edu> deferred: ${deferred.reason}. Next try at 00:30:01`,
    );
    expect(describe(deferred, 'ko')).toBe(
      `<bob@hamburger.edu> 전달 연기: ${deferred.reason}. 다음 시도 00:30:01`,
    );
  });

  it('speaks of faults a teacher injects in the students’ words', () => {
    const event = {
      ...at(5),
      kind: 'input',
      index: 0,
      input: { type: 'fault', fault: { type: 'link.down', link: 'crepes.fr--internet' } },
    } as const;
    expect(describe(event, 'en')).toBe('Fault: link crepes.fr--internet is cut');
    expect(describe(event, 'ko')).toBe('장애 주입: 링크 crepes.fr--internet 끊음');
    expect(eventCategory(event)).toBe('faults');
  });

  it('writes segments with Wireshark’s flag order and marks retransmissions', () => {
    const segment = outage.find((e) => e.kind === 'tcp.segment' && e.retransmission);
    if (segment === undefined || segment.kind !== 'tcp.segment') throw new Error('no retransmission');
    expect(describe(segment, 'en')).toMatch(
      /^Sends TCP segment #\d+ \[SYN\] seq=\d+, no data \(retransmission\)$/,
    );
    expect(describe(segment, 'ko')).toMatch(
      /^TCP 세그먼트 #\d+ \[SYN\] seq=\d+ 전송, 데이터 없음 \(재전송\)$/,
    );
  });
});

group('categories, tags and hosts', () => {
  it('puts every event in one of the filter categories', () => {
    const seen = new Set(outage.map(eventCategory));
    for (const category of seen) expect(EVENT_CATEGORIES).toContain(category);
    expect(seen).toEqual(new Set(['tcp', 'lines', 'dns', 'queue', 'mailbox', 'faults', 'other']));
  });

  it('names every category in both languages', () => {
    for (const category of EVENT_CATEGORIES) {
      expect(eventText.en.categories[category]).toBeTruthy();
      expect(eventText.ko.categories[category]).toBeTruthy();
    }
    expect(eventText.ko.categories.queue).toBe('제출·메시지 큐');
  });

  it('tags a line with its protocol and a datagram as UDP', () => {
    expect(eventTag(outage.find(isKind('app.line')) as TraceEvent, 'ko')).toBe('SMTP');
    expect(eventTag(outage.find(isKind('udp.datagram')) as TraceEvent, 'en')).toBe('UDP');
    expect(eventTag(outage.find(isKind('queue.deferred')) as TraceEvent, 'ko')).toBe('큐');
  });

  it('names who an event concerns, sender first for things sent', () => {
    const syn = outage.find(isKind('tcp.segment')) as TraceEvent;
    expect(eventHosts(syn)).toBe('alice-pc → crepes.fr');
    expect(eventHosts(outage.find(isKind('host.down')) as TraceEvent)).toBe('hamburger.edu');
  });
});

group('formatClock', () => {
  it('reads like a clock, with the decimals asked for', () => {
    expect(formatClock(0)).toBe('00:00:00.000');
    expect(formatClock(1_070)).toBe('00:00:01.070');
    expect(formatClock(1_832_245, 0)).toBe('00:30:32');
    expect(formatClock(7_325_605, 1)).toBe('02:02:05.6');
  });

  it('counts days beyond the first', () => {
    expect(formatClock(86_400_000 + 3_600_000, 0)).toBe('1d 01:00:00');
  });
});

group('an answer from the resolver’s cache', () => {
  const answer = (cached: boolean): TraceEvent => ({
    kind: 'dns.answer',
    t: 0,
    seq: 0,
    host: 'crepes.fr',
    id: 3,
    name: 'hamburger.edu',
    qtype: 'MX',
    rcode: 'NOERROR',
    records: [{ name: 'hamburger.edu', type: 'MX', ttl: 3000, preference: 10, exchange: 'hamburger.edu' }],
    ...(cached ? { cached: true } : {}),
  });

  it('says it came from the cache, in English and in Korean, and a fresh one does not', () => {
    expect(describe(answer(true), 'en')).toContain('DNS cache');
    expect(describe(answer(true), 'ko')).toContain('DNS 캐시');
    expect(describe(answer(false), 'en')).not.toContain('cache');
    expect(describe(answer(false), 'ko')).not.toContain('캐시');
  });
});
