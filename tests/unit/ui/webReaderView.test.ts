// The browser part of the Read mail panel's view model: what a device's browser shows at the cursor.
import { describe, expect, it } from 'vitest';
import { isKind } from '../../../src/sim/trace.ts';
import { webAt } from '../../../src/ui/lab/readerView.ts';
import { run, scenario } from '../../scenario/mail/mailWorld.ts';

describe('webAt', () => {
  const trace = run(scenario('webmail'));
  const pages = trace.filter(isKind('web.page'));
  const login = trace.findIndex((e) => e.kind === 'input' && e.input.type === 'web.login');

  it('shows the inbox page the browser got after logging in, with the link to Alice’s message', () => {
    const read = trace.findIndex((e) => e.kind === 'input' && e.input.type === 'web.read');
    const view = webAt(trace, read - 1, 'bob-pc');
    expect(view.loading).toBeNull();
    expect(view.page).toMatchObject({ action: 'login', target: '/inbox', outcome: 'ok' });
    expect(view.page?.links).toContainEqual({ target: '/message/1', text: 'Lunch' });
  });

  it('says the page is loading between the login asked and the page shown', () => {
    expect(webAt(trace, login, 'bob-pc').loading).toBe('login');
    expect(webAt(trace, login, 'bob-pc').page?.action).toBe('open');
  });

  it('shows nothing for a device whose browser was never used, nor before the first page', () => {
    expect(webAt(trace, trace.length, 'alice-pc')).toEqual({ loading: null, page: null, fetches: 0 });
    expect(webAt(trace, (pages[0]?.seq ?? 0) - 1, 'bob-pc').page).toBeNull();
  });
});
