// The scenario format: a world's hosts, links, scheduled faults and scripted inputs, as JSON. Validation names
// the field that is wrong and says what it should be, so a teacher editing a file by hand can fix it.
import * as v from 'valibot';
import { parseContentType } from '../protocols/message/mimeParams.ts';
import { DURATION_PATTERN, parseDuration } from './duration.ts';
import type { ZoneRecord } from './dns/zone.ts';
import { HTTP_FAULT_STATUSES } from './services/httpFaults.ts';
import {
  IMAP_FAULT_COMMANDS,
  POP3_FAULT_COMMANDS,
  type Fault,
  type Input,
  type TimedInput,
} from './input.ts';

// Virtual time 0 falls on the first morning of a semester in Seoul, unless a scenario says otherwise.
const DEFAULT_START = '2026-09-01T09:00:00+09:00';

const duration = v.union(
  [
    v.pipe(v.number(), v.minValue(0, 'must not be negative')),
    v.pipe(
      v.string(),
      v.regex(DURATION_PATTERN, 'must be a duration such as 500ms, 30s, 30m, 2h or 5d'),
      v.transform((text) => parseDuration(text) as number),
    ),
  ],
  'must be a number of milliseconds or a duration such as 30s, 30m, 2h or 5d',
);

const name = v.pipe(
  v.string('must be a text'),
  v.regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, 'must be a host name such as crepes.fr or alice-pc'),
);

const port = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1),
  v.maxValue(65535),
);

const probability = v.pipe(
  v.number('must be a number'),
  v.minValue(0, 'must be at least 0'),
  v.maxValue(1, 'must be at most 1'),
);

const ipv4 = v.pipe(
  v.string(),
  v.regex(
    /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/,
    'must be an IPv4 address such as 192.0.2.10',
  ),
);

const service = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('echo'), port: v.optional(port, 7) }),
    v.strictObject({ type: v.literal('dns') }),
    // A webmail site on `port`, whose users are those of the mail server `server` (IMAP to read, 587 to send);
    // their addresses are user@domain, the server's name unless given.
    v.strictObject({
      type: v.literal('webmail'),
      port: v.optional(port, 80),
      server: name,
      domain: v.optional(name),
    }),
  ],
  'must be a service with a known type (echo, dns, webmail)',
);

const dnsRecord = v.variant(
  'type',
  [
    v.strictObject({
      name,
      type: v.literal('MX'),
      preference: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)), 10),
      exchange: name,
    }),
    v.strictObject({ name, type: v.literal('A'), address: ipv4 }),
  ],
  'must be a record of type MX ({ name, type, preference, exchange }) or A ({ name, type, address })',
);

const tcpTuning = v.strictObject({
  mss: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65495))),
  window: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535))),
  initialRtoMs: v.optional(v.pipe(v.number(), v.minValue(1))),
  minRtoMs: v.optional(v.pipe(v.number(), v.minValue(1))),
  maxRtoMs: v.optional(v.pipe(v.number(), v.minValue(1))),
  synRetries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  dataRetries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  timeWaitMs: v.optional(v.pipe(v.number(), v.minValue(0))),
  // RFC 1122 §4.2.3.2: an ACK MUST NOT be delayed 0.5 s or more.
  delayedAckMs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(499))),
});

const retry = v.variant(
  'policy',
  [
    v.strictObject({
      policy: v.literal('fixed'),
      interval: v.optional(duration, 30 * 60_000),
      warnAfter: v.optional(duration, 4 * 3_600_000),
      giveUpAfter: v.optional(duration, 5 * 86_400_000),
    }),
    v.strictObject({
      policy: v.literal('backoff'),
      min: v.optional(duration, 300_000),
      max: v.optional(duration, 4_000_000),
      warnAfter: v.optional(duration, 4 * 3_600_000),
      giveUpAfter: v.optional(duration, 5 * 86_400_000),
      // Postfix's queue_run_delay (300s by default there): due messages wait for the next scan of the queue.
      queueRunDelay: v.optional(duration),
    }),
  ],
  'must be a retry policy: { "policy": "fixed", "interval": "30m" } or { "policy": "backoff", "min": "300s", "max": "4000s" }',
);

// Postfix's connection cache (CONNECTION_CACHE_README): `true` takes Postfix's figures, 2 s idle and reuse for
// 300 s after the connection opened; an object sets either; `false` (the default) is off, read as null.
const connectionCache = v.pipe(
  v.unknown(),
  v.transform((value) => (value === true ? {} : value === false ? null : value)),
  v.check(
    (value) => value === null || (typeof value === 'object' && !Array.isArray(value)),
    'must be true, false or an object such as { "idleTime": "2s", "reuseTimeLimit": "300s" }',
  ),
  v.nullable(
    v.strictObject({
      idleTime: v.optional(v.pipe(duration, v.minValue(1, 'must be more than nothing')), 2_000),
      reuseTimeLimit: v.optional(duration, 300_000),
    }),
  ),
);

const localPart = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]*$/i, 'must be a user name such as bob'));

const address = v.pipe(
  v.string(),
  v.regex(/^[^\s@<>]+@[A-Za-z0-9.-]+$/, 'must be an email address such as bob@hamburger.edu'),
);

const mail = v.strictObject({
  domains: v.optional(v.array(name)),
  style: v.optional(v.picklist(['textbook', 'modern'], 'must be textbook or modern'), 'modern'),
  // How the server's own SMTP client talks when it delivers from its queue: textbook is the book's HELO session.
  clientStyle: v.optional(v.picklist(['textbook', 'modern'], 'must be textbook or modern'), 'modern'),
  users: v.optional(v.array(v.strictObject({ name: localPart, password: v.optional(v.string(), '') })), []),
  retry: v.optional(retry, {
    policy: 'fixed' as const,
    interval: 30 * 60_000,
    warnAfter: 4 * 3_600_000,
    giveUpAfter: 5 * 86_400_000,
  }),
  maxSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 10_240_000),
  maxRecipients: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 100),
  submission: v.optional(v.boolean(), true),
  trusted: v.optional(v.array(name), []),
  // Off unless asked for: the queue then opens one connection per message, as the textbook draws it.
  connectionCache: v.optional(connectionCache, null),
});

// How a user agent reads mail; each field left out is taken from its sending settings (server, the address's
// local part, password).
const reading = v.strictObject({
  server: v.optional(name),
  user: v.optional(localPart),
  password: v.optional(v.string()),
});

const userAgent = v.strictObject({
  address,
  name: v.optional(v.string()),
  server: name,
  port: v.optional(v.picklist([25, 587], 'must be 25 or 587'), 587),
  password: v.optional(v.string(), ''),
  reading: v.optional(reading),
  // How the user agent's SMTP client talks: textbook is the book's HELO session, modern uses EHLO and extensions.
  style: v.optional(v.picklist(['textbook', 'modern'], 'must be textbook or modern'), 'modern'),
});

const host = v.strictObject({
  id: name,
  kind: v.optional(
    v.picklist(
      ['host', 'router', 'user-agent', 'mail-server', 'dns-server'],
      'must be one of host, router, user-agent, mail-server, dns-server',
    ),
    'host',
  ),
  label: v.optional(v.string()),
  address: v.optional(ipv4),
  services: v.optional(v.array(service), []),
  tcp: v.optional(tcpTuning),
  mail: v.optional(mail),
  userAgent: v.optional(userAgent),
});

const link = v.strictObject({
  id: v.optional(v.string()),
  between: v.tuple([name, name], 'must name the two hosts the link joins, as ["a", "b"]'),
  latency: v.optional(duration, 10),
  jitter: v.optional(duration, 0),
  loss: v.optional(probability, 0),
});

const stage = v.picklist(
  ['greeting', 'helo', 'mail', 'rcpt', 'data', 'data-end'],
  'must be one of greeting, helo, mail, rcpt, data, data-end',
);

// How long a lasting fault stays in force before it ends on its own: a duration of more than nothing.
const lasting = v.optional(
  v.pipe(
    duration,
    v.check((ms) => ms > 0, 'must be longer than nothing'),
  ),
);

const fault = v.variant(
  'type',
  [
    v.strictObject({
      type: v.literal('host.down'),
      host: name,
      mode: v.optional(v.picklist(['crash', 'shutdown'], 'must be crash or shutdown'), 'crash'),
      for: lasting,
    }),
    v.strictObject({
      type: v.literal('service.down'),
      host: name,
      service: v.literal('smtp'),
      for: lasting,
    }),
    v.strictObject({ type: v.literal('service.up'), host: name, service: v.literal('smtp') }),
    v.strictObject({
      type: v.literal('smtp.reply'),
      host: name,
      stage,
      // RFC 5321 §4.2: the first digit is 2 to 5 and the second 0 to 5 (260 is no reply code).
      code: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(200),
        v.maxValue(559),
        v.check(
          (code) => Math.floor(code / 10) % 10 <= 5,
          'must be a reply code: its second digit is 0 to 5',
        ),
      ),
      text: v.optional(v.string()),
      every: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
      for: lasting,
    }),
    v.strictObject({
      type: v.literal('smtp.dropFinalReply'),
      host: name,
      count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
    }),
    v.strictObject({ type: v.literal('smtp.normal'), host: name }),
    v.strictObject({
      type: v.literal('pop3.reply'),
      host: name,
      command: v.picklist(
        POP3_FAULT_COMMANDS,
        `must be a POP3 command the server can refuse: ${POP3_FAULT_COMMANDS.join(', ')}`,
      ),
      text: v.optional(v.pipe(v.string(), v.regex(/^[^\r\n]*$/, 'must be one line'))),
      every: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
      for: lasting,
    }),
    v.strictObject({ type: v.literal('pop3.normal'), host: name }),
    v.strictObject({
      type: v.literal('imap.reply'),
      host: name,
      command: v.picklist(
        IMAP_FAULT_COMMANDS,
        `must be an IMAP command the server can refuse: ${IMAP_FAULT_COMMANDS.join(', ')}`,
      ),
      text: v.optional(v.pipe(v.string(), v.regex(/^[^\r\n]*$/, 'must be one line'))),
      every: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
      for: lasting,
    }),
    v.strictObject({ type: v.literal('imap.normal'), host: name }),
    v.strictObject({
      type: v.literal('http.reply'),
      host: name,
      status: v.picklist(
        HTTP_FAULT_STATUSES,
        `must be a status the server can be made to answer: ${HTTP_FAULT_STATUSES.join(', ')}`,
      ),
      path: v.optional(v.pipe(v.string(), v.regex(/^\/[\x21-\x7e]*$/, 'must be a path starting with /'))),
      text: v.optional(v.pipe(v.string(), v.regex(/^[^\r\n]*$/, 'must be one line'))),
      every: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
    }),
    v.strictObject({ type: v.literal('http.normal'), host: name }),
    v.strictObject({ type: v.literal('queue.flush'), host: name }),
    v.strictObject({ type: v.literal('queue.connectionCache'), host: name, on: v.boolean() }),
    v.strictObject({ type: v.literal('host.up'), host: name }),
    v.strictObject({ type: v.literal('link.down'), link: v.string(), for: lasting }),
    v.strictObject({ type: v.literal('link.up'), link: v.string() }),
    v.strictObject({
      type: v.literal('link.set'),
      link: v.string(),
      latency: v.optional(duration),
      jitter: v.optional(duration),
      loss: v.optional(probability),
      for: lasting,
    }),
  ],
  'must be a fault with a known type (host.down, host.up, service.down, service.up, link.down, link.up, link.set, smtp.reply, smtp.dropFinalReply, smtp.normal, pop3.reply, pop3.normal, imap.reply, imap.normal, queue.flush, queue.connectionCache)',
);

// An attachment's bytes in Base64 (RFC 4648 §4, padded; line breaks allowed): anything else is refused here, so
// the user agent never meets content it cannot decode.
const base64 = v.pipe(
  v.string(),
  v.check(
    (text) => /^[A-Za-z0-9+/\r\n]*={0,2}$/.test(text) && text.replace(/[\r\n]/g, '').length % 4 === 0,
    'must be Base64: A–Z, a–z, 0–9, + and /, in groups of four, padded with =',
  ),
);

const attachmentFields = {
  filename: v.string(),
  contentType: v.optional(
    v.pipe(
      v.string(),
      v.check(
        (text) => parseContentType(text).problems.length === 0,
        'must be a media type such as text/plain or image/png, with parameters only as type/subtype; name=value',
      ),
    ),
    'application/octet-stream',
  ),
  repeat: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20_000_000))),
};

const input = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('terminal.open'), host: name, target: v.string(), port }),
    v.strictObject({ type: v.literal('terminal.type'), host: name, text: v.string() }),
    v.strictObject({ type: v.literal('terminal.close'), host: name }),
    v.strictObject({
      type: v.literal('mail.send'),
      host: name,
      to: v.optional(v.array(address), []),
      cc: v.optional(v.array(address), []),
      bcc: v.optional(v.array(address), []),
      subject: v.optional(v.string(), ''),
      body: v.optional(v.string(), ''),
      attachments: v.optional(
        v.array(
          v.union(
            [
              v.strictObject({ ...attachmentFields, text: v.string() }),
              v.strictObject({ ...attachmentFields, base64 }),
            ],
            'must be { filename, contentType, text } or { filename, contentType, base64 }',
          ),
        ),
        [],
      ),
      direct: v.optional(v.boolean(), false),
    }),
    v.strictObject({
      type: v.literal('mail.fetch'),
      host: name,
      protocol: v.picklist(['pop3', 'imap'], 'must be pop3 or imap'),
      mode: v.optional(v.picklist(['delete', 'keep'], 'must be delete or keep')),
      folder: v.optional(v.pipe(v.string(), v.minLength(1, 'must name a folder'))),
    }),
    v.strictObject({
      type: v.literal('mail.delete'),
      host: name,
      folder: v.string(),
      uid: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
    v.strictObject({
      type: v.literal('mail.open'),
      host: name,
      folder: v.string(),
      uid: v.pipe(v.number(), v.integer(), v.minValue(1)),
      part: v.optional(
        v.pipe(v.string(), v.regex(/^[1-9][0-9]*(\.[1-9][0-9]*)*$/, 'must be a part number like 2 or 1.2')),
      ),
      offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    }),
    v.strictObject({
      type: v.literal('mail.move'),
      host: name,
      folder: v.string(),
      uid: v.pipe(v.number(), v.integer(), v.minValue(1)),
      to: v.string(),
    }),
    v.strictObject({
      type: v.literal('mail.flag'),
      host: name,
      folder: v.string(),
      uid: v.pipe(v.number(), v.integer(), v.minValue(1)),
      flag: v.string(),
      set: v.boolean(),
    }),
    v.strictObject({ type: v.literal('mail.search'), host: name, folder: v.string(), query: v.string() }),
    v.strictObject({
      type: v.literal('web.open'),
      host: name,
      url: v.pipe(v.string(), v.minLength(1, 'must be an address')),
    }),
    v.strictObject({ type: v.literal('web.login'), host: name, user: v.string(), password: v.string() }),
    v.strictObject({
      type: v.literal('web.read'),
      host: name,
      uid: v.pipe(v.number(), v.integer(), v.minValue(1)),
      folder: v.optional(v.string()),
    }),
    v.strictObject({
      type: v.literal('web.send'),
      host: name,
      to: v.array(address),
      cc: v.optional(v.array(address)),
      subject: v.optional(v.string()),
      body: v.optional(v.string()),
      inReplyTo: v.optional(v.string()),
    }),
    v.strictObject({ type: v.literal('fault'), fault }),
  ],
  'must be an input with a known type (terminal.open, terminal.type, terminal.close, mail.send, mail.fetch, mail.open, mail.delete, mail.move, mail.flag, mail.search, web.open, web.login, web.read, web.send, fault)',
);

const stepId = v.pipe(v.string(), v.nonEmpty('must name a step'));
const origin = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('person') }),
    v.strictObject({ kind: v.literal('showMe'), step: stepId }),
    v.strictObject({ kind: v.literal('setUp'), step: stepId }),
  ],
  'must say who did it: person, showMe or setUp',
);

const timedInputs = v.array(
  v.strictObject({ at: duration, input, by: v.optional(origin) }),
  'must be a list of { at, input }',
);

const scenarioSchema = v.strictObject({
  version: v.literal(1, 'must be 1, the version of this format'),
  name: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a short name in lower case, such as textbook'),
  ),
  title: v.optional(v.string()),
  description: v.optional(v.string()),
  seed: v.optional(v.pipe(v.number(), v.integer('must be a whole number')), 1),
  startsAt: v.optional(
    v.union(
      [
        v.pipe(v.number(), v.integer()),
        v.pipe(
          v.string(),
          v.isoTimestamp('must be a date and time such as 2026-09-01T09:00:00+09:00'),
          v.transform((text) => Date.parse(text)),
        ),
      ],
      'must be a date and time such as 2026-09-01T09:00:00+09:00 (or ms since 1970)',
    ),
    DEFAULT_START,
  ),
  // Normally taken from startsAt's own offset; written out so a scenario passed around as data keeps its zone.
  zoneOffsetMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-720), v.maxValue(840))),
  until: v.optional(duration),
  hosts: v.pipe(v.array(host, 'must be a list of hosts'), v.nonEmpty('must list at least one host')),
  links: v.optional(v.array(link, 'must be a list of links'), []),
  dns: v.optional(v.strictObject({ records: v.optional(v.array(dnsRecord), []) }), { records: [] }),
  faults: v.optional(v.array(v.strictObject({ at: duration, fault }), 'must be a list of { at, fault }'), []),
  inputs: v.optional(timedInputs, []),
});

type ParsedScenario = v.InferOutput<typeof scenarioSchema>;

/** ServiceSpec is a network service a host runs from the start (and again after each restart). */
export type ServiceSpec = ParsedScenario['hosts'][number]['services'][number];

/** HostSpec is a host of a scenario, with its address settled. */
export type HostSpec = Omit<ParsedScenario['hosts'][number], 'address'> & { address: string };

/** LinkSpec is a link of a scenario, with its id settled. */
export type LinkSpec = Omit<ParsedScenario['links'][number], 'id'> & { id: string };

/** Scenario is a validated world description: every reference checked, every default filled in. */
export interface Scenario {
  readonly version: 1;
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly seed: number;
  /** startsAt is the calendar time (ms since the Unix epoch) at virtual time 0, for Date and Received fields. */
  readonly startsAt: number;
  /**
   * zoneOffsetMinutes is the offset from UTC that startsAt was written in (+540 for +09:00), so that Date and
   * Received fields are written in the scenario's own zone; 0 when left out or given as a number.
   */
  readonly zoneOffsetMinutes?: number;
  readonly until?: number;
  readonly hosts: readonly HostSpec[];
  readonly links: readonly LinkSpec[];
  readonly dns: { readonly records: readonly ZoneRecord[] };
  readonly faults: readonly { at: number; fault: Fault }[];
  readonly inputs: readonly TimedInput[];
}

/**
 * SCENARIO_LIMITS are the largest scenario the lab takes: a file, a link's world or its recorded actions past one
 * of them is refused before the rest is read, since a page drawing ten thousand hosts stops answering.
 */
export const SCENARIO_LIMITS = {
  bytes: 1_048_576,
  hosts: 50,
  links: 200,
  faults: 500,
  inputs: 1000,
} as const;

/** Limited names a counted part of a scenario that SCENARIO_LIMITS bounds. */
export type Limited = keyof typeof SCENARIO_LIMITS;

/** Expected is the kind of value a field wanted, when it got another. */
export type Expected = 'number' | 'text' | 'list' | 'object' | 'boolean' | 'value';

/** Named is what a reference in a scenario names (a host, a link, a mail server) or repeats (and an address). */
export type Named = 'host' | 'link' | 'mail-server' | 'address' | 'scenario';

/**
 * IssueProblem is what is wrong, as a fact a view puts in its own words and language; the validator's own text is
 * never shown. `format` carries the rule's English sentence, for the English message.
 */
export type IssueProblem =
  | { kind: 'json' }
  | { kind: 'too-large'; what: Limited; limit: number; actual: number }
  | { kind: 'unknown-field' }
  | { kind: 'missing' }
  | { kind: 'type'; expected: Expected }
  | { kind: 'choice'; options: readonly string[] }
  | { kind: 'min'; limit: string }
  | { kind: 'max'; limit: string }
  | { kind: 'integer' }
  | { kind: 'format' }
  | { kind: 'names-none'; what: Named; name: string }
  | { kind: 'repeats'; what: Named; name: string }
  | { kind: 'same-ends' }
  | { kind: 'no-user-agent'; name: string };

/** ScenarioIssue is one problem with a scenario: where (`hosts[1].address`), what (`problem`), and in English. */
export interface ScenarioIssue {
  readonly path: string;
  readonly problem: IssueProblem;
  readonly message: string;
}

/** ScenarioResult is a scenario, or the list of everything wrong with it. */
export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** parseScenario validates a value already read from JSON. */
export function parseScenario(value: unknown): ScenarioResult {
  const tooLarge = countIssues(value, '');
  if (tooLarge.length > 0) return { ok: false, issues: tooLarge };
  const result = v.safeParse(scenarioSchema, value, { message: ownMessage });
  if (!result.success) {
    return {
      ok: false,
      issues: result.issues.map((issue) => ({
        path: dotPath(issue) || '(top level)',
        problem: problemOf(issue),
        message: issue.message,
      })),
    };
  }
  const settled = settle(result.output);
  const zoneOffsetMinutes = result.output.zoneOffsetMinutes ?? zoneOffsetOf(value);
  return settled.ok ? { ok: true, scenario: { ...settled.scenario, zoneOffsetMinutes } } : settled;
}

// The offset a startsAt string was written with (`+09:00` is +540, `Z` is 0); the default start's when absent.
function zoneOffsetOf(value: unknown): number {
  const startsAt =
    typeof value === 'object' && value !== null && 'startsAt' in value ? value.startsAt : DEFAULT_START;
  if (typeof startsAt !== 'string') return 0;
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(startsAt);
  if (match === null) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** parseScenarioText validates a scenario file's text, reporting bad JSON as an issue rather than throwing. */
export function parseScenarioText(text: string): ScenarioResult {
  const bytes = byteLength(text);
  if (bytes > SCENARIO_LIMITS.bytes) return { ok: false, issues: [limitIssue('(file)', 'bytes', bytes)] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          path: '(file)',
          problem: { kind: 'json' },
          message: `is not valid JSON: ${(error as Error).message}`,
        },
      ],
    };
  }
  return parseScenario(value);
}

/** byteLength is the size of `text` in UTF-8, the unit of SCENARIO_LIMITS.bytes. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** limitIssue says that `what` has `actual` where SCENARIO_LIMITS allows fewer. */
export function limitIssue(path: string, what: Limited, actual: number): ScenarioIssue {
  const limit = SCENARIO_LIMITS[what];
  const unit = what === 'bytes' ? 'bytes' : what;
  return {
    path,
    problem: { kind: 'too-large', what, limit, actual },
    message: `is too large: ${actual.toLocaleString('en')} ${unit}, where the lab takes at most ${limit.toLocaleString('en')}`,
  };
}

// Counts the lists SCENARIO_LIMITS bounds before anything else is read; `prefix` is where `value` sits.
function countIssues(value: unknown, prefix: string): ScenarioIssue[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const issues: ScenarioIssue[] = [];
  for (const what of ['hosts', 'links', 'faults', 'inputs'] as const) {
    const list = record[what];
    if (Array.isArray(list) && list.length > SCENARIO_LIMITS[what])
      issues.push(limitIssue(`${prefix}${what}`, what, list.length));
  }
  return issues;
}

// The validator's issue as a fact: its kind and what it expected, never its text.
function problemOf(issue: v.BaseIssue<unknown>): IssueProblem {
  const expected = issue.expected ?? '';
  const options = [...expected.matchAll(/"([^"]*)"|(-?\d+(?:\.\d+)?)/g)].map((m) => m[1] ?? m[2] ?? '');
  if (issue.kind === 'schema') {
    if (issue.type === 'strict_object' && expected === 'never') return { kind: 'unknown-field' };
    if (issue.received === 'undefined') return { kind: 'missing' };
    switch (issue.type) {
      case 'number':
        return { kind: 'type', expected: 'number' };
      case 'string':
        return { kind: 'type', expected: 'text' };
      case 'boolean':
        return { kind: 'type', expected: 'boolean' };
      case 'array':
      case 'tuple':
        return { kind: 'type', expected: 'list' };
      case 'object':
      case 'strict_object':
        return { kind: 'type', expected: 'object' };
      case 'literal':
      case 'picklist':
      case 'variant':
        return options.length > 0 ? { kind: 'choice', options } : { kind: 'type', expected: 'value' };
      default:
        return { kind: 'format' };
    }
  }
  switch (issue.type) {
    case 'min_value':
    case 'min_length':
      return { kind: 'min', limit: expected.replace(/^>=/, '') };
    case 'max_value':
    case 'max_length':
      return { kind: 'max', limit: expected.replace(/^<=/, '') };
    case 'integer':
      return { kind: 'integer' };
    default:
      return { kind: 'format' };
  }
}

// The English for an issue the schema gave no sentence of its own: our words, never the validator's.
function ownMessage(issue: v.BaseIssue<unknown>): string {
  const problem = problemOf(issue);
  switch (problem.kind) {
    case 'unknown-field':
      return 'is not a field here (check its spelling)';
    case 'missing':
      return 'is missing';
    case 'type':
      return problem.expected === 'value'
        ? 'has a value not allowed here'
        : `must be ${A_EXPECTED[problem.expected]}`;
    case 'choice':
      return `must be ${problem.options.join(' or ')}`;
    case 'min':
      return `must be at least ${problem.limit}`;
    case 'max':
      return `must be at most ${problem.limit}`;
    case 'integer':
      return 'must be a whole number';
    default:
      return 'is not valid here';
  }
}

const A_EXPECTED: Readonly<Record<Exclude<Expected, 'value'>, string>> = {
  number: 'a number',
  text: 'a text',
  list: 'a list',
  object: 'an object ({ … })',
  boolean: 'true or false',
};

/**
 * parseTimedInputs validates a list of inputs on its own (a shared link carries one) against a scenario: each
 * must be well formed and name hosts and links the scenario has.
 */
export function parseTimedInputs(
  value: unknown,
  scenario: Scenario,
): { ok: true; inputs: TimedInput[] } | { ok: false; issues: ScenarioIssue[] } {
  if (Array.isArray(value) && value.length > SCENARIO_LIMITS.inputs)
    return { ok: false, issues: [limitIssue('inputs', 'inputs', value.length)] };
  const result = v.safeParse(timedInputs, value, { message: ownMessage });
  if (!result.success)
    return {
      ok: false,
      issues: result.issues.map((i) => ({
        path: `inputs${dotPath(i) ? `.${dotPath(i)}` : ''}`.replace('.[', '['),
        problem: problemOf(i),
        message: i.message,
      })),
    };
  const hosts = new Set(scenario.hosts.map((h) => h.id));
  const links = new Set(scenario.links.map((l) => l.id));
  const issues: ScenarioIssue[] = [];
  result.output.forEach(({ input }, i) => {
    const host = input.type === 'fault' ? ('host' in input.fault ? input.fault.host : null) : input.host;
    const link = input.type === 'fault' && 'link' in input.fault ? input.fault.link : null;
    if (host !== null && !hosts.has(host))
      issues.push(namesNone(`inputs[${i}]`, 'host', host, 'names no host of this scenario'));
    if (link !== null && !links.has(link))
      issues.push(namesNone(`inputs[${i}]`, 'link', link, 'names no link of this scenario'));
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, inputs: result.output };
}

/** formatIssues turns issues into lines a person reads: `hosts[1].address: must be an IPv4 address …`. */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}

function dotPath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out;
}

function namesNone(path: string, what: Named, name: string, english: string): ScenarioIssue {
  return { path, problem: { kind: 'names-none', what, name }, message: `${english}: "${name}"` };
}

function repeats(path: string, what: Named, name: string, message: string): ScenarioIssue {
  return { path, problem: { kind: 'repeats', what, name }, message };
}

// Checks that need the whole scenario: unique names, references to hosts and links that exist.
function settle(parsed: ParsedScenario): ScenarioResult {
  const issues: ScenarioIssue[] = [];
  const hostIds = new Set<string>();
  const taken = new Set(parsed.hosts.flatMap((h) => (h.address ? [h.address] : [])));
  parsed.hosts.forEach((h, i) => {
    if (hostIds.has(h.id))
      issues.push(repeats(`hosts[${i}].id`, 'host', h.id, `repeats the host name "${h.id}"`));
    hostIds.add(h.id);
  });
  const addresses = new Set<string>();
  parsed.hosts.forEach((h, i) => {
    if (h.address && addresses.has(h.address))
      issues.push(repeats(`hosts[${i}].address`, 'address', h.address, `repeats the address ${h.address}`));
    if (h.address) addresses.add(h.address);
  });
  // Unnumbered hosts get addresses from TEST-NET-1 (RFC 5737), in the order they are listed.
  let next = 10;
  const hosts: HostSpec[] = parsed.hosts.map((h) => {
    if (h.address) return { ...h, address: h.address };
    while (taken.has(`192.0.2.${next}`)) next += 1;
    const address = `192.0.2.${next++}`;
    taken.add(address);
    return { ...h, address };
  });
  const links: LinkSpec[] = parsed.links.map((l, i) => {
    const [a, b] = l.between;
    for (const [j, end] of [a, b].entries())
      if (!hostIds.has(end))
        issues.push(namesNone(`links[${i}].between[${j}]`, 'host', end, 'names no host'));
    if (a === b)
      issues.push({
        path: `links[${i}].between`,
        problem: { kind: 'same-ends' },
        message: 'must join two different hosts',
      });
    return { ...l, id: l.id ?? `${a}--${b}` };
  });
  const mailHosts = new Set(parsed.hosts.filter((h) => h.mail).map((h) => h.id));
  parsed.hosts.forEach((h, i) => {
    h.mail?.trusted.forEach((t, j) => {
      if (!hostIds.has(t))
        issues.push(namesNone(`hosts[${i}].mail.trusted[${j}]`, 'host', t, 'names no host'));
    });
    if (h.userAgent && !mailHosts.has(h.userAgent.server))
      issues.push(
        namesNone(`hosts[${i}].userAgent.server`, 'mail-server', h.userAgent.server, 'names no mail server'),
      );
    h.services.forEach((s, j) => {
      if (s.type === 'webmail' && !mailHosts.has(s.server))
        issues.push(
          namesNone(`hosts[${i}].services[${j}].server`, 'mail-server', s.server, 'names no mail server'),
        );
    });
    const readsFrom = h.userAgent?.reading?.server;
    if (readsFrom !== undefined && !mailHosts.has(readsFrom))
      issues.push(
        namesNone(`hosts[${i}].userAgent.reading.server`, 'mail-server', readsFrom, 'names no mail server'),
      );
  });
  const linkIds = new Set<string>();
  links.forEach((l, i) => {
    if (linkIds.has(l.id))
      issues.push(repeats(`links[${i}].id`, 'link', l.id, `repeats the link name "${l.id}"`));
    linkIds.add(l.id);
  });
  const checkFault = (f: Fault, path: string) => {
    if ('host' in f && !hostIds.has(f.host))
      issues.push(namesNone(`${path}.host`, 'host', f.host, 'names no host'));
    if ('link' in f && !linkIds.has(f.link))
      issues.push(namesNone(`${path}.link`, 'link', f.link, 'names no link'));
  };
  parsed.faults.forEach((f, i) => checkFault(f.fault, `faults[${i}].fault`));
  parsed.inputs.forEach((entry, i) => {
    const input: Input = entry.input;
    if (input.type === 'fault') checkFault(input.fault, `inputs[${i}].input.fault`);
    else if (!hostIds.has(input.host))
      issues.push(namesNone(`inputs[${i}].input.host`, 'host', input.host, 'names no host'));
    else if (
      (input.type === 'mail.send' || input.type === 'mail.fetch') &&
      !parsed.hosts.find((h) => h.id === input.host)?.userAgent
    )
      issues.push({
        path: `inputs[${i}].input.host`,
        problem: { kind: 'no-user-agent', name: input.host },
        message: `has no user agent: "${input.host}"`,
      });
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    scenario: { ...parsed, hosts, links, faults: parsed.faults, inputs: parsed.inputs },
  };
}
