// CI's share of `npm run fuzz`: 10,000 random and grammar-based lines (for HTTP, requests) to each server machine,
// every reply grammatical and the probe still answered; and the fuzzer itself can fail, on a reply, a probe or an
// HTTP connection that never closes.
import { describe, expect, it } from 'vitest';
import { FUZZ_TARGETS, type FuzzTarget } from '../support/fuzz/fuzzTargets.ts';
import { Fuzzer } from '../support/fuzz/fuzzServers.ts';

const LINES = 10_000;

describe('the server machines under 10,000 fuzzed lines each', () => {
  for (const target of FUZZ_TARGETS) {
    it(
      `${target.protocol} throws nothing, answers grammatically and still answers ${target.probe.split('\r\n')[0]}`,
      { timeout: 180_000 },
      () => {
        const result = new Fuzzer(target, 17).run(LINES);
        expect(result.failure).toBeNull();
        expect(result.lines).toBe(LINES);
        expect(result.replies).toBeGreaterThan(LINES / 2);
      },
    );
  }
});

describe('the fuzzer', () => {
  const smtp = FUZZ_TARGETS.find((t) => t.protocol === 'smtp') as FuzzTarget;

  it('reports a reply its protocol’s grammar refuses, with the seed and what was sent', () => {
    const strict: FuzzTarget = {
      ...smtp,
      replyProblem: (reply) => (reply[0]?.code === 500 ? 'no 500 allowed' : null),
    };
    const result = new Fuzzer(strict, 3).run(2_000);
    expect(result.failure).toMatchObject({ protocol: 'smtp', seed: 3, problem: 'no 500 allowed' });
    expect(result.failure?.sent.length).toBeGreaterThan(0);
  });

  it('reports a session whose probe goes unanswered', () => {
    const deaf: FuzzTarget = { ...smtp, answersProbe: () => false };
    expect(new Fuzzer(deaf, 3).run(100).failure?.problem).toMatch(/no answer to NOOP/);
  });

  it('reports an HTTP response head its grammar refuses', () => {
    const http = FUZZ_TARGETS.find((t) => t.protocol === 'http') as FuzzTarget;
    const noDate: FuzzTarget = {
      ...http,
      replyProblem: (reply) => http.replyProblem(reply.filter((l) => !l.line.startsWith('Date:'))),
    };
    expect(new Fuzzer(noDate, 3).run(50).failure?.problem).toMatch(/without Date/);
  });

  it('reports an HTTP session that neither answers its probe nor closes in time', () => {
    const http = FUZZ_TARGETS.find((t) => t.protocol === 'http') as FuzzTarget;
    // A body still owed keeps the connection open; 1 ms is shorter than the server's request timer.
    const impatient: FuzzTarget = {
      ...http,
      line: () => 'POST /login HTTP/1.1\r\nHost: w\r\nContent-Length: 500\r\n\r\nuser=bob',
      idleCloseMs: 1,
    };
    expect(new Fuzzer(impatient, 3).run(5).failure?.problem).toMatch(/still open 1 ms after/);
  });

  it('checks only the fuzzed connections, not the IMAP session the webmail opens behind a login', () => {
    const http = FUZZ_TARGETS.find((t) => t.protocol === 'http') as FuzzTarget;
    const form = 'user=bob&password=hungry';
    const login: FuzzTarget = {
      ...http,
      line: () =>
        `POST /login HTTP/1.1\r\nHost: w\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${form.length}\r\n\r\n${form}`,
    };
    const result = new Fuzzer(login, 5).run(20);
    expect(result.failure).toBeNull();
    expect(result.replies).toBeGreaterThanOrEqual(20);
  });

  it('sends the same lines for the same seed', () => {
    const strict: FuzzTarget = { ...smtp, replyProblem: (reply) => (reply[0]?.code === 500 ? 'stop' : null) };
    expect(new Fuzzer(strict, 9).run(2_000).failure).toEqual(new Fuzzer(strict, 9).run(2_000).failure);
  });
});
