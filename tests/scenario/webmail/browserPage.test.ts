// The browser records what each page showed (its text and its links), so a view can show the inbox it received
// without reading HTML.
import { describe, expect, it } from 'vitest';
import { isKind } from '../../../src/sim/trace.ts';
import { run, scenario } from '../mail/mailWorld.ts';

describe('the pages Bob’s browser shows in the webmail scenario', () => {
  const pages = run(scenario('webmail')).filter(isKind('web.page'));

  it('records the inbox’s links, with the subject as the link to Alice’s message', () => {
    const inbox = pages.find((p) => p.action === 'login');
    expect(inbox).toMatchObject({ outcome: 'ok', target: '/inbox', title: 'INBOX' });
    expect(inbox?.links).toContainEqual({ target: '/message/1', text: 'Lunch' });
    expect(inbox?.text).toContain('alice@crepes.fr');
    expect(inbox?.text).toContain('Alice <alice@crepes.fr>  Lunch');
    expect(inbox?.text).not.toContain('<td>');
  });

  it('records the message page’s text line by line, with its header fields and no markup', () => {
    const read = pages.find((p) => p.action === 'read');
    expect(read?.title).toBe('Lunch');
    expect(read?.text.split('\n')).toEqual(
      expect.arrayContaining(['Do you like ketchup?', 'How about pickles?']),
    );
    expect(read?.text).not.toContain('<pre>');
    expect(read?.links.map((l) => l.target)).toContain('/compose?reply=1');
  });

  it('records only the links a page has: the login form links to no message', () => {
    const login = pages.find((p) => p.action === 'open');
    expect(login?.outcome).toBe('ok');
    expect(login?.links.some((l) => l.target === '/message/1')).toBe(false);
  });
});
