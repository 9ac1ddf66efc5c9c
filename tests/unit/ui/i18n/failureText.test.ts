import { describe, expect, it } from 'vitest';
import type { FetchFailure, WebFailure } from '../../../../src/sim/trace.ts';
import { describe as describeEvent } from '../../../../src/ui/i18n/eventText.ts';
import { failureText } from '../../../../src/ui/i18n/failureText.ts';

// One of every failure the trace can record, every enum value included.
const FAILURES: readonly (FetchFailure | WebFailure)[] = [
  ...(['no-record', 'nxdomain', 'timeout', 'servfail'] as const).map((dns): FetchFailure => ({
    why: 'no-address',
    server: 'hamburger.edu',
    dns,
  })),
  ...(['refused', 'timeout', 'unreachable', 'reset', 'host-down'] as const).map((error): FetchFailure => ({
    why: 'connect',
    server: 'hamburger.edu',
    address: '192.0.2.14',
    port: 110,
    error,
  })),
  ...(
    [
      'refused',
      'authFailed',
      'connectionLost',
      'timeout',
      'protocolError',
      'unsupported',
      'notUpdated',
    ] as const
  ).map((end): FetchFailure => ({ why: 'ended', end })),
  { why: 'answered', status: 'NO', text: '[TRYCREATE] no such mailbox' },
  ...(['closed', 'timeout', 'protocolError'] as const).map((failure): WebFailure => ({
    why: 'http',
    failure,
  })),
  { why: 'bad-address', address: 'http//oops' },
  { why: 'no-site' },
];

// Words of the English sentences; a Korean phrase carries none of them (names, numbers and protocol words may stay).
const ENGLISH = /\b(the|could|cannot|found|connect|server|answer|refused|timed|session|site|open)\b/i;

describe('failureText', () => {
  it('phrases every failure fact in English and in Korean, each its own sentence', () => {
    const english = FAILURES.map((f) => failureText.en.failure(f, 'POP3'));
    const korean = FAILURES.map((f) => failureText.ko.failure(f, 'POP3'));
    for (const [i, text] of korean.entries()) {
      expect(text, JSON.stringify(FAILURES[i])).toMatch(/[가-힣]/);
      expect(text, JSON.stringify(FAILURES[i])).not.toMatch(ENGLISH);
      expect(text).not.toContain('undefined');
    }
    expect(english.every((text) => /^[a-z]/.test(text) && !text.includes('undefined'))).toBe(true);
    expect(new Set(korean).size).toBeGreaterThan(FAILURES.length - 4);
  });

  it('names the server, its address and port for a failed connection', () => {
    const failure: FetchFailure = {
      why: 'connect',
      server: 'hamburger.edu',
      address: '192.0.2.14',
      port: 110,
      error: 'refused',
    };
    expect(failureText.ko.failure(failure, 'POP3')).toBe(
      'hamburger.edu(192.0.2.14)의 110번 포트에 연결하지 못했습니다: 연결 거부',
    );
    expect(failureText.en.failure(failure, 'POP3')).toBe(
      'could not connect to hamburger.edu (192.0.2.14, port 110): connection refused',
    );
  });

  it('says only for POP3 that a session cut short removed nothing, since only POP3 deletes at QUIT', () => {
    const lost: FetchFailure = { why: 'ended', end: 'connectionLost' };
    expect(failureText.ko.failure(lost, 'POP3')).toContain('아무것도 지우지 않았습니다');
    expect(failureText.ko.failure(lost, 'IMAP')).not.toContain('지우지');
    expect(failureText.en.failure(lost, 'IMAP')).not.toContain('removed');
  });

  it('quotes the server’s own words with control characters escaped', () => {
    const answered: FetchFailure = { why: 'answered', status: 'BAD', text: 'bad\u001b[31m command' };
    const text = failureText.ko.failure(answered, 'IMAP');
    expect(text).toContain('BAD');
    expect(text).not.toContain('\u001b');
  });

  it('gives the event list a Korean line for a failed POP3 visit, with no English in it', () => {
    const line = describeEvent(
      {
        kind: 'ua.fetchResult',
        host: 'bob-pc',
        server: 'hamburger.edu',
        protocol: 'pop3',
        outcome: 'failed',
        count: 0,
        listed: null,
        removed: null,
        folder: null,
        failure: { why: 'no-address', server: 'hamburger.edu', dns: 'timeout' },
        t: 1,
        seq: 1,
      },
      'ko',
    );
    expect(line).toBe(
      'hamburger.edu에서 메일 가져오기 실패: hamburger.edu의 주소를 찾지 못했습니다: 응답 없음(시간 초과)',
    );
  });
});
