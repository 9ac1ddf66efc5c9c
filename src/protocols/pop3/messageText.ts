// A message as a maildrop holds it and as POP3 sends it: CRLF line ends, the octet count RFC 1939 §11 asks for, and
// the part of it that TOP returns (RFC 1939 §7).
import { decodeDataLines, encodeDataLines } from '../shared/dotStuffing.ts';

/**
 * canonicalMessage writes a message with every line ended by CRLF, as RETR sends it after unstuffing: bare CR
 * and LF become CRLF and a last line without a line end gets one (RFC 1939 §11). Its length is the message's size.
 */
export function canonicalMessage(data: string): string {
  return decodeDataLines(encodeDataLines(data).slice(0, -1));
}

/** messageLines splits a message into its lines without line ends; an empty message has none. */
export function messageLines(data: string): string[] {
  const lines = data.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * topOfMessage is what TOP msg n sends: the header lines, the blank line that ends them, and the first n lines of
 * the body; all of it when the body is shorter, or when there is no blank line (RFC 1939 §7).
 */
export function topOfMessage(data: string, bodyLines: number): string[] {
  const lines = messageLines(data);
  const blank = lines.indexOf('');
  if (blank === -1) return lines;
  return lines.slice(0, blank + 1 + bodyLines);
}
