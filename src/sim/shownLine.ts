// How a protocol line is shown to people, in every view and transcript: control characters escaped, and what
// the line's facts call a credential masked (a SASL response, an AUTH initial response, a password).
import type { AppLine } from './trace.ts';

/** MASK stands in for a credential: the same width whatever the secret, so its length gives nothing away. */
export const MASK = '••••••••';

/**
 * escapeControls makes control characters visible: CR, LF and TAB as `\r`, `\n`, `\t`, any other C0 or C1
 * control or DEL as `\xHH`. Printable text, Korean included, is left alone.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\r') return '\\r';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** shownLine is a line as a view prints it: escaped, with credentials masked by what the sender said they are. */
export function shownLine(line: AppLine): string {
  if (line.from === 'client') {
    if (line.content === 'sasl') return MASK;
    if (line.verb === 'AUTH' && line.args?.['initialResponse'] === true) {
      const mechanism = line.args['mechanism'];
      return `AUTH ${typeof mechanism === 'string' ? mechanism : ''} ${MASK}`;
    }
    // POP3's PASS (RFC 1939 §7): everything after the verb is the password.
    if (line.verb !== undefined && line.args?.['password'] === true) return `${line.verb} ${MASK}`;
  }
  return escapeControls(line.line);
}
