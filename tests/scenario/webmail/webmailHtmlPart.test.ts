// A message's HTML part, read over the webmail: the server cleans it itself, with no DOM, so the page it sends
// (and the trace and capture that record it) is the same in Node, in a test and in the browser.
import { describe, expect, it } from 'vitest';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { bobOpens, typedToBob } from './webmailWorld.ts';

// Alice types an HTML message to Bob by hand; Bob, logged in to the webmail, opens it at 35 s.
function readHtmlMessage(): readonly TraceEvent[] {
  const html = [
    '<p onclick="steal()">You <b>won</b></p><script>steal()</script><img src="https://evil.example/pixel">',
  ];
  const headers = ['Subject: Prize', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8'];
  return bobOpens(typedToBob(headers, html), '/message/1');
}

describe('an HTML part read over the webmail', () => {
  it('comes cleaned into a sandboxed frame even where there is no DOM, never as a page that cannot show it', () => {
    const trace = readHtmlMessage();
    expect(typeof window).toBe('undefined');
    const fetch = trace.filter(isKind('web.fetch')).find((e) => e.target === '/message/1');
    expect(fetch?.status).toBe(200);
    const body = trace
      .filter(isKind('http.body'))
      .find((e) => e.from === 'server' && e.conn === fetch?.conn && e.request === fetch?.request);
    expect(body?.content).toContain('<iframe sandbox=""');
    expect(body?.content).toContain('You &lt;b&gt;won&lt;/b&gt;');
    expect(body?.content).not.toMatch(/cannot make safe|onclick|&lt;script|evil\.example/);
  });
});
