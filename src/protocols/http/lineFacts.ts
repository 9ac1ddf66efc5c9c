// The facts an HTTP head line carries into the trace (DESIGN "Protocol facts in the trace"): a request line's
// method, target, version and which request it is on its connection; a field line's name, and whether its value
// is a credential; a response line's status, catalogue id, the method it answers and which request that was.
import type { ClientLineFacts, CommandFacts, ServerLineFacts } from '../shared/lineFacts.ts';
import { replyId } from './replies.ts';
import type { FieldLineError, RequestLineError } from './syntax.ts';

// Fields whose values let whoever reads them act as the user: a session cookie, a password (RFC 9110 §11.6.2).
const CREDENTIAL_FIELDS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);

/** isCredentialField tells whether a field's value is a secret that views must mask (Cookie, Authorization ...). */
export function isCredentialField(name: string): boolean {
  return CREDENTIAL_FIELDS.has(name.toLowerCase());
}

/**
 * requestLineFacts are the facts of a request line: the method as `verb` (case-sensitive, RFC 9110 §9.1), and as
 * arguments the target, the version and `request`, the request's number on its connection (1 for the first).
 */
export function requestLineFacts(
  method: string,
  target: string,
  version: string,
  request: number,
): CommandFacts {
  return { verb: method, args: { target, version, request } };
}

/** badRequestLineFacts are the facts of a request line that does not parse: its first word, and why (`error`). */
export function badRequestLineFacts(line: string, problem: RequestLineError, request: number): CommandFacts {
  if (problem.error === 'version')
    return {
      verb: problem.method,
      args: { target: problem.target, version: problem.version, request, error: 'version' },
    };
  const word = line.split(' ')[0] ?? '';
  return { verb: word, args: { error: problem.detail, request } };
}

/**
 * fieldLineFacts are the facts of a client's field line: `content: 'header'` with the field's name, `credential`
 * when its value must be masked; `error` for one that does not parse. The empty line ending the head is `end`.
 */
export function fieldLineFacts(name: string): ClientLineFacts {
  return { content: 'header', args: isCredentialField(name) ? { name, credential: true } : { name } };
}

/** badFieldLineFacts are the facts of a field line that does not parse, with the reason. */
export function badFieldLineFacts(problem: FieldLineError): ClientLineFacts {
  return { content: 'header', args: { error: problem.error } };
}

/** HEAD_END_FACTS are the facts of the empty line that ends a request's head (RFC 9112 §2.1). */
export const HEAD_END_FACTS: ClientLineFacts = { content: 'header', args: { end: true } };

/**
 * ResponseHeadFacts say which exchange a response head belongs to: the method of the request it answers and the
 * request's number on the connection; both absent for a response to a request that could not be read.
 */
export interface AnsweredRequest {
  readonly method: string | null;
  readonly request: number;
}

/**
 * responseHeadFacts are the facts of each line of a response head in order: the status line, one per field (with
 * `header`, its name, and `credential` for Set-Cookie), and the empty line. Every line carries the status code,
 * the catalogue id and the request it answers; all but the empty line are `more`.
 */
export function responseHeadFacts(
  status: number,
  fieldNames: readonly string[],
  answered: AnsweredRequest,
): ServerLineFacts[] {
  const base: ServerLineFacts = {
    code: status,
    reply: replyId(status),
    ...(answered.method === null ? {} : { answers: answered.method }),
    request: answered.request,
  };
  return [
    { ...base, more: true },
    ...fieldNames.map((name) => ({
      ...base,
      more: true,
      header: name,
      ...(isCredentialField(name) ? { credential: true } : {}),
    })),
    base,
  ];
}
