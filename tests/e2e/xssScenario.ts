// A scenario file that carries the XSS corpus everywhere a scenario's text reaches the page: its title, description,
// host labels, link names and senders' names; messages whose subjects, bodies, attachment names and HTML parts are
// payloads, plain and as RFC 2047 encoded words; a forced reply's text; and lines typed at a telnet session, one of
// them a whole hand-written MIME message. Bob reads it all with IMAP and in the webmail.
import { readFileSync } from 'node:fs';
import { batches, encodedWord, type XssPayload } from './xssCorpus.ts';

type Json = Record<string, unknown>;

function scenarioFile(name: string): Json {
  return JSON.parse(
    readFileSync(new URL(`../../src/sim/scenarios/${name}.json`, import.meta.url), 'utf8'),
  ) as Json;
}

function timed(at: number, input: Json): Json {
  return { at, input };
}

// Joins texts with spaces into lines of at most `octets` UTF-8 octets, within SMTP's 1000 (RFC 5321 §4.5.3.1.6).
function linesWithin(texts: readonly string[], octets: number): string[] {
  const lines: string[] = [];
  for (const t of texts) {
    const last = lines.at(-1);
    if (last !== undefined && Buffer.byteLength(`${last} ${t}`) <= octets)
      lines[lines.length - 1] = `${last} ${t}`;
    else lines.push(t);
  }
  return lines;
}

/** XssWorld is the scenario file's JSON and how many messages Alice sends in it. */
export interface XssWorld {
  readonly scenario: Json;
  readonly messages: number;
}

/** xssScenario is the webmail scenario with `payloads` in every field a person or a file can fill. */
export function xssScenario(payloads: readonly XssPayload[]): XssWorld {
  // The webmail world (Alice at crepes.fr, Bob at hamburger.edu, his browser on webmail.hamburger.edu) says only
  // what differs from the textbook's.
  const { extends: _textbook, ...webmail } = scenarioFile('webmail');
  const base = { ...scenarioFile('textbook'), ...webmail } as Json & { hosts: Json[]; links: Json[] };
  const text = payloads.map((p) => p.text);
  const at = (i: number) => text[i % text.length] ?? '';
  const hosts = base.hosts.map((h, i) => {
    const host: Json = { ...h, label: at(i) };
    if (h.id === 'alice-pc') host.userAgent = { ...(h.userAgent as Json), name: at(10) };
    if (h.id === 'bob-pc')
      host.userAgent = {
        address: 'bob@hamburger.edu',
        name: at(11),
        server: 'hamburger.edu',
        password: 'hungry',
      };
    return host;
  });
  const links = [
    ...base.links.map((l, i) => ({ ...l, id: `link ${at(20 + i)}` })),
    { between: ['bob-pc', 'hamburger.edu'], latency: '5ms', id: `link ${at(30)}` },
  ];

  const inputs: Json[] = [];
  let t = 1000;
  // Each payload once as a subject, a line of a plain body, a line of an HTML part and an attachment's name; the
  // second round writes subjects and names as encoded words, which readers decode back into payloads.
  const send = (subject: string, group: readonly string[], filename: (s: string) => string) =>
    inputs.push(
      timed((t += 2000), {
        type: 'mail.send',
        host: 'alice-pc',
        to: ['bob@hamburger.edu'],
        subject,
        body: group.join('\n'),
        attachments: [
          { filename: 'page.html', contentType: 'text/html', text: group.join('<br>\n') },
          ...group.map((s) => ({ filename: filename(s), text: 'x' })),
        ],
      }),
    );
  const plain = batches(text, 60);
  for (const group of plain) send(group.join(' '), group, (s) => s);
  for (const group of batches(text, 60))
    inputs.push(
      timed((t += 2000), {
        type: 'mail.send',
        host: 'alice-pc',
        to: ['bob@hamburger.edu'],
        subject: encodedWord(group.join(' ')),
        attachments: group.slice(0, 6).map((s) => ({ filename: encodedWord(s), text: 'x' })),
      }),
    );
  const messages = inputs.length;

  // A forced reply whose text is a payload: the next message bounces, quoting it back to Alice.
  inputs.push(
    timed((t += 2000), {
      type: 'fault',
      fault: { type: 'smtp.reply', host: 'hamburger.edu', stage: 'rcpt', code: 550, text: at(40), for: 1500 },
    }),
  );
  inputs.push(
    timed(t + 100, {
      type: 'mail.send',
      host: 'alice-pc',
      to: ['bob@hamburger.edu'],
      subject: at(41),
      body: at(42),
    }),
  );

  // Bob reads in the webmail (the inbox and two messages), then with IMAP on his PC, and searches for a payload.
  t += 30_000;
  inputs.push(timed((t += 1000), { type: 'web.open', host: 'bob-pc', url: 'http://webmail.hamburger.edu/' }));
  inputs.push(timed((t += 1000), { type: 'web.login', host: 'bob-pc', user: 'bob', password: 'hungry' }));
  inputs.push(timed((t += 1000), { type: 'web.read', host: 'bob-pc', uid: 1 }));
  inputs.push(timed((t += 1000), { type: 'web.read', host: 'bob-pc', uid: plain.length + 1 }));
  inputs.push(timed((t += 2000), { type: 'mail.fetch', host: 'bob-pc', protocol: 'imap' }));
  for (const uid of [1, plain.length + 1]) {
    inputs.push(timed((t += 2000), { type: 'mail.open', host: 'bob-pc', folder: 'INBOX', uid }));
    inputs.push(timed((t += 2000), { type: 'mail.open', host: 'bob-pc', folder: 'INBOX', uid, part: '2' }));
  }
  inputs.push(timed((t += 2000), { type: 'mail.search', host: 'bob-pc', folder: 'INBOX', query: at(43) }));

  // Payloads typed at telnet, two to a line, in sessions short enough that the server never gives up on them.
  const lines = batches(text, 2).map((pair) => pair.join(' '));
  for (const session of batches(lines, 15)) {
    inputs.push(
      timed((t += 5000), { type: 'terminal.open', host: 'bob-pc', target: 'hamburger.edu', port: 25 }),
    );
    for (const line of session)
      inputs.push(timed((t += 100), { type: 'terminal.type', host: 'bob-pc', text: line }));
    inputs.push(timed((t += 100), { type: 'terminal.close', host: 'bob-pc' }));
  }
  // A whole message typed by hand: encoded words in From and Subject, an HTML part and a named attachment.
  const html = linesWithin(text, 900);
  const typed = [
    'HELO crepes.fr',
    'MAIL FROM:<alice@crepes.fr>',
    'RCPT TO:<bob@hamburger.edu>',
    'DATA',
    `From: ${encodedWord(at(50))} <alice@crepes.fr>`,
    'To: bob@hamburger.edu',
    `Subject: ${encodedWord(at(51), 'Q')}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    ...html,
    '--b1',
    `Content-Type: text/plain; name="${encodedWord(at(52))}"`,
    `Content-Disposition: attachment; filename="${encodedWord(at(53))}"`,
    '',
    'x',
    '--b1--',
    '.',
    'QUIT',
  ];
  inputs.push(
    timed((t += 5000), { type: 'terminal.open', host: 'bob-pc', target: 'hamburger.edu', port: 25 }),
  );
  for (const line of typed)
    inputs.push(timed((t += 100), { type: 'terminal.type', host: 'bob-pc', text: line }));

  const scenario = {
    ...base,
    name: 'xss',
    title: `${at(0)} ${at(1)}`,
    description: text.slice(0, 60).join(' '),
    until: t + 60_000,
    hosts,
    links,
    inputs,
  };
  return { scenario, messages };
}
