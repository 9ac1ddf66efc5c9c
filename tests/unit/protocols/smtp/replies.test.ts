// The reply catalogue: every reply renders as valid reply lines in both styles and has an explanation.
import { describe, expect, it } from 'vitest';
import { formatReply } from '../../../../src/protocols/shared/multilineReply.ts';
import { REPLY_EXPLANATIONS, explainReply } from '../../../../src/protocols/smtp/replyExplanations.ts';
import { REPLIES, customReply, reply, replyClass } from '../../../../src/protocols/smtp/replies.ts';
import type { ReplyKey } from '../../../../src/protocols/smtp/replies.ts';

const KEYS = Object.keys(REPLIES) as ReplyKey[];
const VARS = {
  host: 'hamburger.edu',
  client: 'crepes.fr',
  address: 'bob@hamburger.edu',
  queueId: 'Q1',
  challenge: '',
  verb: 'HELO',
};

describe('the reply catalogue', () => {
  it('renders every reply in both styles with every placeholder filled', () => {
    for (const key of KEYS) {
      for (const style of ['textbook', 'modern'] as const) {
        const rendered = reply(key, style, VARS);
        expect(rendered.text.join('')).not.toMatch(/\{\w+\}/);
        expect(() => formatReply(rendered.code, rendered.text)).not.toThrow();
      }
    }
  });

  it('leads modern replies with the enhanced status code, except where RFC 2034 exempts them', () => {
    expect(reply('rcpt.unknownUser', 'modern', VARS).text).toEqual([
      '5.1.1 <bob@hamburger.edu>: Recipient address rejected: User unknown in local recipient table',
    ]);
    expect(reply('data.start', 'modern').text).toEqual(['End data with <CR><LF>.<CR><LF>']);
    expect(reply('rcpt.unknownUser', 'textbook', VARS).text).toEqual(['bob@hamburger.edu... User unknown']);
  });

  it('gives every reply an explanation with what it means and what to do next', () => {
    expect(Object.keys(REPLY_EXPLANATIONS).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      expect(explainReply(key)?.meaning).not.toBe('');
      expect(explainReply(key)?.next).not.toBe('');
    }
    expect(explainReply('custom')).toBeUndefined();
  });

  it('keeps the class of each code consistent with its meaning', () => {
    expect(replyClass(REPLIES['data.start'].code)).toBe('intermediate');
    expect(replyClass(REPLIES['rcpt.tooMany'].code)).toBe('transient');
    expect(replyClass(REPLIES['rcpt.relayDenied'].code)).toBe('permanent');
    expect(replyClass(REPLIES.quit.code)).toBe('positive');
  });

  it('makes custom replies safe to send by turning CR and LF into spaces', () => {
    expect(customReply(450, 'busy\r\nnow')).toEqual({ key: 'custom', code: 450, text: ['busy  now'] });
  });
});
