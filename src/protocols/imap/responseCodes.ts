// Response codes, the bracketed part of a status response (RFC 3501 §7.1, §9 `resp-text-code`), with
// APPENDUID and COPYUID of UIDPLUS (RFC 4315 §3) and the names RFC 5530 gives to common failures.

import type { Scanner } from './lexer.ts';
import { formatSequenceSet, readSequenceSet, type SequenceSet } from './sequenceSet.ts';
import { formatAstring, formatFlagList } from './strings.ts';

/** PlainResponseCode is a response code without arguments. */
export type PlainResponseCode =
  | 'ALERT'
  | 'PARSE'
  | 'READ-ONLY'
  | 'READ-WRITE'
  | 'TRYCREATE'
  | 'UIDNOTSTICKY'
  | 'AUTHENTICATIONFAILED'
  | 'NONEXISTENT'
  | 'ALREADYEXISTS'
  | 'CANNOT'
  | 'TOOBIG';

const PLAIN_CODES: readonly PlainResponseCode[] = [
  'ALERT',
  'PARSE',
  'READ-ONLY',
  'READ-WRITE',
  'TRYCREATE',
  'UIDNOTSTICKY',
  'AUTHENTICATIONFAILED',
  'NONEXISTENT',
  'ALREADYEXISTS',
  'CANNOT',
  'TOOBIG',
];

/**
 * ResponseCode is one code with its arguments. APPENDUID names the new message's UID in the mailbox of that
 * UIDVALIDITY; COPYUID pairs the source UIDs with the UIDs of their copies, in order (RFC 4315 §3). A code
 * this module does not know is `other`, with its atom and the text after it.
 */
export type ResponseCode =
  | { code: PlainResponseCode }
  | { code: 'UIDVALIDITY' | 'UIDNEXT' | 'UNSEEN'; value: number }
  | { code: 'PERMANENTFLAGS'; flags: string[] }
  | { code: 'BADCHARSET'; charsets: string[] }
  | { code: 'CAPABILITY'; capabilities: string[] }
  | { code: 'APPENDUID'; uidValidity: number; uid: number }
  | { code: 'COPYUID'; uidValidity: number; source: SequenceSet; destination: SequenceSet }
  | { code: 'other'; atom: string; text: string | null };

function isPlain(name: string): name is PlainResponseCode {
  return (PLAIN_CODES as readonly string[]).includes(name);
}

/** formatResponseCode writes a code with its brackets: `[UIDVALIDITY 3857529045]`. */
export function formatResponseCode(code: ResponseCode): string {
  switch (code.code) {
    case 'UIDVALIDITY':
    case 'UIDNEXT':
    case 'UNSEEN':
      return `[${code.code} ${code.value}]`;
    case 'PERMANENTFLAGS':
      return `[PERMANENTFLAGS ${formatFlagList(code.flags)}]`;
    case 'BADCHARSET':
      return code.charsets.length === 0
        ? '[BADCHARSET]'
        : `[BADCHARSET (${code.charsets.map(formatAstring).join(' ')})]`;
    case 'CAPABILITY':
      return `[CAPABILITY ${code.capabilities.join(' ')}]`;
    case 'APPENDUID':
      return `[APPENDUID ${code.uidValidity} ${code.uid}]`;
    case 'COPYUID':
      return `[COPYUID ${code.uidValidity} ${formatSequenceSet(code.source)} ${formatSequenceSet(code.destination)}]`;
    case 'other':
      return code.text === null ? `[${code.atom}]` : `[${code.atom} ${code.text}]`;
    default:
      return `[${code.code}]`;
  }
}

function capabilities(s: Scanner): string[] {
  const names: string[] = [];
  do names.push(s.atom('a capability name'));
  while (s.take(' '));
  return names;
}

/** readResponseCode reads `[code …]` at the scanner's position, brackets included. */
export function readResponseCode(s: Scanner): ResponseCode {
  s.expect('[', 'a "[" opening the response code');
  const start = s.pos;
  const atom = s.atom('a response code');
  const name = atom.toUpperCase();
  let code: ResponseCode;
  if (isPlain(name)) {
    code = { code: name };
  } else if (name === 'UIDVALIDITY' || name === 'UIDNEXT' || name === 'UNSEEN') {
    s.sp(`the number of ${name}`);
    code = { code: name, value: s.nzNumber(`the number of ${name}`) };
  } else if (name === 'PERMANENTFLAGS') {
    s.sp('the permanent flags');
    code = { code: name, flags: s.flagList() };
  } else if (name === 'BADCHARSET') {
    const charsets: string[] = [];
    if (s.take(' (')) {
      do charsets.push(s.astring('a charset name'));
      while (s.take(' '));
      s.expect(')', 'a ")" closing the charset list');
    }
    code = { code: name, charsets };
  } else if (name === 'CAPABILITY') {
    s.sp('the capabilities');
    code = { code: name, capabilities: capabilities(s) };
  } else if (name === 'APPENDUID') {
    s.sp('the UIDVALIDITY of APPENDUID');
    const uidValidity = s.nzNumber('the UIDVALIDITY of APPENDUID');
    s.sp('the UID of APPENDUID');
    code = { code: name, uidValidity, uid: s.nzNumber('the UID of APPENDUID') };
  } else if (name === 'COPYUID') {
    s.sp('the UIDVALIDITY of COPYUID');
    const uidValidity = s.nzNumber('the UIDVALIDITY of COPYUID');
    s.sp('the source UIDs of COPYUID');
    const source = readSequenceSet(s);
    s.sp('the destination UIDs of COPYUID');
    code = { code: name, uidValidity, source, destination: readSequenceSet(s) };
  } else {
    const text = s.take(' ') ? (s.match(/[^\]\r\n]+/y) ?? s.expected('the text of the response code')) : null;
    code = { code: 'other', atom, text };
  }
  if (!s.take(']')) s.fail(`the response code is never closed with "]", ${s.found()}`, start - 1);
  return code;
}
