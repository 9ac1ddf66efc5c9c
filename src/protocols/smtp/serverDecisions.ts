// What the SMTP server answers to a command that arrived in sequence: argument checks, policy and the backend.
// Pure functions from the session's context to an Outcome; smtpServerMachine decides sequence and state.
import type { InterposeStage, SmtpBackend, SmtpSession } from './backend.ts';
import type { CommandSyntaxError, SmtpCommand } from './commands.ts';
import { isPostmaster, parseMailbox } from './paths.ts';
import { REPLIES, reply, replyClass } from './replies.ts';
import type { Reply, ReplyKey, ReplyStyle } from './replies.ts';
import {
  LOGIN_PASSWORD_CHALLENGE,
  LOGIN_USERNAME_CHALLENGE,
  SASL_CANCEL,
  SASL_MECHANISMS,
  decodeSaslResponse,
  parsePlainResponse,
} from './sasl.ts';

/** SmtpServerInput configures one server session (one TCP connection). */
export interface SmtpServerInput {
  /** The server's name, e.g. 'hamburger.edu'. */
  readonly hostname: string;
  readonly style: ReplyStyle;
  /** Port 587 behaviour: AUTH is offered and required before MAIL (RFC 6409 §4.3, RFC 4954 §6). */
  readonly submission: boolean;
  /** Largest message in octets, advertised as SIZE (RFC 1870). */
  readonly maxSize: number;
  /** Most recipients in one transaction; more get 452 (RFC 5321 §4.5.3.1.10). */
  readonly maxRecipients: number;
  readonly backend: SmtpBackend;
}

/** DataProblem is why a message read in DATA will be refused at its final ".". */
export type DataProblem = 'tooLarge' | 'lineTooLong' | 'bareLineBreak';

/** ServerContext is the server machine's context: its input and what the session has established so far. */
export interface ServerContext extends SmtpServerInput {
  /** The name given with EHLO or HELO, or null before (RFC 5321 §4.1.1.1). */
  readonly heloName: string | null;
  /** Whether the client used EHLO, which allows extensions; HELO does not (RFC 5321 §4.1.1.1). */
  readonly extended: boolean;
  readonly authenticatedAs: string | null;
  /** User name received in an AUTH LOGIN exchange, waiting for the password. */
  readonly saslUser: string | null;
  /** Reverse-path of the open transaction ('' for `<>`), or null outside one. */
  readonly from: string | null;
  readonly to: readonly string[];
  /** Message octets read so far in DATA, unstuffed, lines ended by CRLF. */
  readonly data: string;
  readonly dataProblem: DataProblem | null;
}

/**
 * OutcomeEvent is raised after a rare decision (the greeting, the SASL exchange) to move the machine; it is internal
 * to smtpServerMachine. The frequent moves are taken by guards on the command itself: see Outcome.accepted.
 */
export type OutcomeEvent =
  | { type: 'greeting.refused' }
  | { type: 'auth.awaitingResponse' }
  | { type: 'auth.awaitingUsername' }
  | { type: 'auth.awaitingPassword' }
  | { type: 'auth.finished' };

/** Outcome is a decision: the reply to send, changes to the context, and what moves the machine. */
export interface Outcome {
  readonly reply: Reply;
  readonly update?: Partial<ServerContext>;
  /**
   * accepted says that EHLO/HELO, MAIL, RCPT or DATA was accepted: the chart's guard on that command reads it and
   * moves the session on (to ready, into the transaction, to having recipients, into DATA).
   */
  readonly accepted?: true;
  readonly then?: OutcomeEvent;
  /** lost is set when the reply never leaves: the message was kept but the connection drops (a fault). */
  readonly lost?: true;
}

/** EMPTY_TRANSACTION clears sender, recipients and data, as RSET, a new EHLO and the end of DATA do (RFC 5321 §4.1.1.5). */
export const EMPTY_TRANSACTION = {
  from: null,
  to: [],
  data: '',
  dataProblem: null,
} as const satisfies Partial<ServerContext>;

/** sessionOf is the read-only view of the context that the backend sees. */
export function sessionOf(context: ServerContext): SmtpSession {
  const { hostname, style, submission, heloName, from, to, authenticatedAs } = context;
  return { hostname, style, submission, heloName, from, to, authenticatedAs };
}

/** replyFor renders a catalogued reply in the session's style, with the server's name as `{host}`. */
export function replyFor(
  context: ServerContext,
  key: ReplyKey,
  vars: Record<string, string | number> = {},
): Reply {
  return reply(key, context.style, { host: context.hostname, ...vars });
}

/** closesConnection tells whether a reply ends the session: 421 means the server is closing (RFC 5321 §3.8). */
export function closesConnection(sent: Reply): boolean {
  return sent.code === REPLIES['service.closing'].code;
}

// The fault hook is asked once per command; its reply, if any, stands in for the normal one.
function interposed(context: ServerContext, stage: InterposeStage): Reply | undefined {
  return context.backend.interpose?.(stage, sessionOf(context));
}

// A fault's 4xx or 5xx refuses the command; a 2xx or 3xx only changes the wording of the normal reply.
function refuses(candidate: Reply | undefined): candidate is Reply {
  return (
    candidate !== undefined &&
    (replyClass(candidate.code) === 'transient' || replyClass(candidate.code) === 'permanent')
  );
}

/** decideGreeting answers connection.opened: 220, or a fault's 421 (closing) or 5xx (only QUIT accepted, §3.1). */
export function decideGreeting(context: ServerContext): Outcome {
  const fault = interposed(context, 'greeting');
  if (refuses(fault)) return { reply: fault, then: { type: 'greeting.refused' } };
  return { reply: fault ?? replyFor(context, 'greeting') };
}

/** decideHelo answers EHLO or HELO, which may come at any time outside DATA and ends any open transaction (§4.1.4). */
export function decideHelo(
  context: ServerContext,
  command: Extract<SmtpCommand, { verb: 'HELO' | 'EHLO' }>,
): Outcome {
  const fault = interposed(context, 'helo');
  if (refuses(fault)) return { reply: fault };
  const extended = command.verb === 'EHLO';
  const vars = { client: command.domain };
  const normal = extended
    ? withLines(replyFor(context, 'ehlo.ok', vars), extensions(context))
    : replyFor(context, 'helo.ok', vars);
  return {
    reply: fault ?? normal,
    update: { ...EMPTY_TRANSACTION, heloName: command.domain, extended },
    accepted: true,
  };
}

/** extensions lists exactly what EHLO advertises (RFC 5321 §4.1.1.1), one keyword line each. */
export function extensions(context: ServerContext): string[] {
  return [
    'PIPELINING',
    `SIZE ${context.maxSize}`,
    '8BITMIME',
    ...(context.style === 'modern' ? ['ENHANCEDSTATUSCODES'] : []),
    ...(context.submission ? [`AUTH ${SASL_MECHANISMS.join(' ')}`] : []),
    'HELP',
  ];
}

/** decideMail answers MAIL FROM once EHLO/HELO came first and no transaction is open. */
export function decideMail(context: ServerContext, command: Extract<SmtpCommand, { verb: 'MAIL' }>): Outcome {
  const hasParams = command.unknownParams.length > 0 || Object.keys(command.params).length > 0;
  // After HELO no extension may be used (§4.1.1.1); unadvertised parameters get 555 (§4.1.1.11).
  if (command.unknownParams.length > 0 || (hasParams && !context.extended)) {
    return { reply: replyFor(context, 'params.notRecognized') };
  }
  if (context.submission && context.authenticatedAs === null)
    return { reply: replyFor(context, 'auth.required') };
  if (command.params.SIZE !== undefined && command.params.SIZE > context.maxSize) {
    return { reply: replyFor(context, 'mail.sizeExceeded') };
  }
  const fault = interposed(context, 'mail');
  if (refuses(fault)) return { reply: fault };
  const from = command.from.kind === 'null' ? '' : command.from.address;
  return {
    reply: fault ?? replyFor(context, 'mail.ok', { address: from === '' ? '<>' : from }),
    update: { ...EMPTY_TRANSACTION, from },
    accepted: true,
  };
}

/** decideRcpt answers RCPT TO inside a transaction: limits, the fault hook, then the backend's verdict. */
export function decideRcpt(context: ServerContext, command: Extract<SmtpCommand, { verb: 'RCPT' }>): Outcome {
  if (command.unknownParams.length > 0) return { reply: replyFor(context, 'params.notRecognized') };
  if (context.to.length >= context.maxRecipients) return { reply: replyFor(context, 'rcpt.tooMany') };
  const fault = interposed(context, 'rcpt');
  if (refuses(fault)) return { reply: fault };
  // The bare <Postmaster> means this host's postmaster (RFC 5321 §4.1.1.3).
  const address = command.to.kind === 'postmaster' ? `postmaster@${context.hostname}` : command.to.address;
  const verdict =
    command.to.kind === 'postmaster' ? 'ok' : context.backend.checkRecipient(address, sessionOf(context));
  // A domain's postmaster must always be accepted (RFC 5321 §4.5.1), whatever the mailbox list says.
  if (verdict === 'relay-denied') {
    const key = context.style === 'textbook' ? 'rcpt.relayRefused' : 'rcpt.relayDenied';
    return { reply: replyFor(context, key, { address }) };
  }
  if (verdict === 'unknown-user' && !isPostmaster(address)) {
    return { reply: replyFor(context, 'rcpt.unknownUser', { address }) };
  }
  if (verdict === 'no-storage') return { reply: replyFor(context, 'rcpt.noStorage') };
  return {
    reply: fault ?? replyFor(context, 'rcpt.ok', { address }),
    update: { to: [...context.to, address] },
    accepted: true,
  };
}

/**
 * decideVrfy answers VRFY (RFC 5321 §3.5.3): 252 for a user who exists or a name it cannot judge, as a server that
 * will not help address harvesters does, but 550 for a local user who does not exist, which tells a person at a
 * terminal that the name is wrong. A bare name is taken as a user of this host.
 */
export function decideVrfy(context: ServerContext, command: Extract<SmtpCommand, { verb: 'VRFY' }>): Outcome {
  const text = command.argument.replace(/^<(.*)>$/, '$1');
  const mailbox = parseMailbox(text.includes('@') ? text : `${text}@${context.hostname}`);
  if (mailbox === null || isPostmaster(mailbox.address))
    return { reply: replyFor(context, 'vrfy.cannotVerify') };
  const verdict = context.backend.checkRecipient(mailbox.address, sessionOf(context));
  return verdict === 'unknown-user'
    ? { reply: replyFor(context, 'vrfy.unknownUser', { address: mailbox.address }) }
    : { reply: replyFor(context, 'vrfy.cannotVerify') };
}

/** decideHelp answers HELP with the commands this port carries out: AUTH is listed only where it is offered. */
export function decideHelp(context: ServerContext): Outcome {
  const commands = ['HELO', 'EHLO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'NOOP', 'VRFY', 'HELP', 'QUIT'];
  return {
    reply: replyFor(context, 'help', {
      commands: [...commands, ...(context.submission ? ['AUTH'] : [])].join(' '),
    }),
  };
}

/** decideData answers DATA once at least one recipient was accepted: 354 and the data phase begins. */
export function decideData(context: ServerContext): Outcome {
  const fault = interposed(context, 'data');
  if (refuses(fault)) return { reply: fault };
  return { reply: fault ?? replyFor(context, 'data.start'), accepted: true };
}

/**
 * decideEndOfData answers the final "." of DATA: the first problem met while reading, a fault, or the backend's
 * acceptance. Whatever the reply, the transaction is over (RFC 5321 §4.1.1.4).
 */
export function decideEndOfData(context: ServerContext): Outcome {
  const end = { update: EMPTY_TRANSACTION } as const;
  if (context.dataProblem !== null)
    return { reply: replyFor(context, DATA_PROBLEM_REPLIES[context.dataProblem]), ...end };
  const fault = interposed(context, 'data-end');
  if (refuses(fault)) return { reply: fault, ...end };
  const result = context.backend.accept({
    heloName: context.heloName ?? '',
    from: context.from ?? '',
    to: context.to,
    data: context.data,
    authenticatedAs: context.authenticatedAs,
  });
  if (!result.ok) return { reply: result.reply, ...end };
  const accepted = {
    reply: fault ?? replyFor(context, 'data.accepted', { queueId: result.queueId }),
    ...end,
  };
  return result.replyLost === true ? { ...accepted, lost: true } : accepted;
}

const DATA_PROBLEM_REPLIES: Readonly<Record<DataProblem, ReplyKey>> = {
  tooLarge: 'data.tooLarge',
  lineTooLong: 'data.lineTooLong',
  bareLineBreak: 'data.bareLineBreak',
};

/** decideAuth answers AUTH outside a transaction (RFC 4954 §4): only on submission, after EHLO, and only once. */
export function decideAuth(context: ServerContext, command: Extract<SmtpCommand, { verb: 'AUTH' }>): Outcome {
  if (!context.submission) return { reply: replyFor(context, 'auth.notEnabled') };
  if (!context.extended) return { reply: replyFor(context, 'seq.needEhlo') };
  if (context.authenticatedAs !== null) return { reply: replyFor(context, 'auth.already') };
  if (command.mechanism === 'PLAIN') {
    if (command.initialResponse === null) {
      return {
        reply: replyFor(context, 'auth.challenge', { challenge: '' }),
        then: { type: 'auth.awaitingResponse' },
      };
    }
    // "=" is an empty initial response (RFC 4954 §4).
    return checkPlain(context, command.initialResponse === '=' ? '' : command.initialResponse);
  }
  if (command.mechanism === 'LOGIN') {
    if (command.initialResponse === null) {
      const challenge = { challenge: LOGIN_USERNAME_CHALLENGE };
      return {
        reply: replyFor(context, 'auth.challenge', challenge),
        then: { type: 'auth.awaitingUsername' },
      };
    }
    return decideLoginUsername(context, command.initialResponse);
  }
  return { reply: replyFor(context, 'auth.unknownMechanism') };
}

/** decidePlainResponse answers the line after AUTH PLAIN's empty 334 challenge. */
export function decidePlainResponse(context: ServerContext, line: string): Outcome {
  return line === SASL_CANCEL ? aborted(context) : checkPlain(context, line);
}

/** decideLoginUsername answers the Base64 user name of AUTH LOGIN with the password challenge. */
export function decideLoginUsername(context: ServerContext, line: string): Outcome {
  if (line === SASL_CANCEL) return aborted(context);
  const user = decodeSaslResponse(line);
  if (user === null) return finished(context, 'auth.badEncoding');
  return {
    reply: replyFor(context, 'auth.challenge', { challenge: LOGIN_PASSWORD_CHALLENGE }),
    update: { saslUser: user },
    then: { type: 'auth.awaitingPassword' },
  };
}

/** decideLoginPassword answers the Base64 password of AUTH LOGIN; must follow decideLoginUsername. */
export function decideLoginPassword(context: ServerContext, line: string): Outcome {
  if (line === SASL_CANCEL) return aborted(context);
  const password = decodeSaslResponse(line);
  if (password === null) return finished(context, 'auth.badEncoding');
  return checkCredentials(context, context.saslUser ?? '', password);
}

/** syntaxReplyKey picks the 501 reply for a known command with bad arguments (RFC 5321 §4.2.2). */
export function syntaxReplyKey(error: CommandSyntaxError): ReplyKey {
  const helo = error.verb === 'HELO' || error.verb === 'EHLO';
  switch (error.detail) {
    case 'bareLineBreak':
      return 'syntax.bareLineBreak';
    case 'tabSeparator':
      return 'syntax.tabSeparator';
    case 'pathTooLong':
      return 'path.tooLong';
    case 'badDomain':
      return 'helo.badDomain';
    case 'badPath':
      return error.verb === 'MAIL' ? 'mail.badSender' : 'rcpt.badRecipient';
    case 'badParameter':
      return error.verb === 'AUTH' ? 'syntax.arguments' : 'params.bad';
    case 'missingArgument':
      return helo ? 'helo.badDomain' : 'syntax.arguments';
    case 'unexpectedArgument':
      return 'syntax.arguments';
  }
}

function checkPlain(context: ServerContext, response: string): Outcome {
  const decoded = decodeSaslResponse(response);
  const credentials = decoded === null ? null : parsePlainResponse(decoded);
  if (credentials === null) return finished(context, 'auth.badEncoding');
  return checkCredentials(context, credentials.user, credentials.password);
}

function checkCredentials(context: ServerContext, user: string, password: string): Outcome {
  if (!context.backend.authenticate(user, password)) return finished(context, 'auth.failed');
  return { ...finished(context, 'auth.ok'), update: { authenticatedAs: user, saslUser: null } };
}

function aborted(context: ServerContext): Outcome {
  return finished(context, 'auth.aborted');
}

function finished(context: ServerContext, key: ReplyKey): Outcome {
  return { reply: replyFor(context, key), update: { saslUser: null }, then: { type: 'auth.finished' } };
}

function withLines(first: Reply, lines: readonly string[]): Reply {
  return { ...first, text: [...first.text, ...lines] };
}
