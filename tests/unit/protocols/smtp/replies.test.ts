// The reply catalogue: every reply renders as valid reply lines in both styles; faults answer from it too.
import { describe, expect, it } from 'vitest';
import { formatReply } from '../../../../src/protocols/shared/multilineReply.ts';
import { REPLIES, faultReply, reply, replyClass } from '../../../../src/protocols/smtp/replies.ts';
import type { ReplyKey } from '../../../../src/protocols/smtp/replies.ts';

const KEYS = Object.keys(REPLIES) as ReplyKey[];
const VARS = {
  host: 'hamburger.edu',
  client: 'crepes.fr',
  address: 'bob@hamburger.edu',
  commands: 'HELO QUIT',
  queueId: 'Q1',
  challenge: '',
  verb: 'HELO',
};

describe('the reply catalogue', () => {
  it('renders every reply in both styles with every placeholder filled', () => {
    for (const key of KEYS) {
      for (const style of ['textbook', 'modern'] as const) {
        const rendered = key === 'fault.chosen' ? faultReply(253, style) : reply(key, style, VARS);
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

  it('refuses to render fault.chosen without the code the teacher chose', () => {
    expect(() => reply('fault.chosen', 'modern')).toThrow(RangeError);
  });

  it('keeps the class of each code consistent with its meaning', () => {
    expect(replyClass(REPLIES['data.start'].code)).toBe('intermediate');
    expect(replyClass(REPLIES['rcpt.tooMany'].code)).toBe('transient');
    expect(replyClass(REPLIES['rcpt.relayDenied'].code)).toBe('permanent');
    expect(replyClass(REPLIES.quit.code)).toBe('positive');
  });

  it('makes a teacher’s own fault text safe to send by turning CR and LF into spaces', () => {
    expect(faultReply(450, 'modern', 'busy\r\nnow')).toEqual({
      key: 'fault.mailboxBusy',
      code: 450,
      text: ['busy  now'],
    });
  });

  it('answers a fault with the catalogued reply for its code, or fault.chosen for a code without one', () => {
    expect(faultReply(550, 'modern')).toEqual({
      key: 'fault.mailboxUnavailable',
      code: 550,
      text: ['5.2.1 Requested action not taken: mailbox unavailable'],
    });
    expect(faultReply(553, 'textbook')).toEqual({
      key: 'fault.chosen',
      code: 553,
      text: ['Reply chosen by the teacher'],
    });
  });
});
