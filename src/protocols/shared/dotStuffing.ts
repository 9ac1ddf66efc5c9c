// Dot-stuffing of message text in the SMTP DATA phase (RFC 5321 §4.5.2), and the "." line that ends it.

/**
 * dotStuff prepares one line of message text for DATA: a line that starts with "." gets one more in front.
 */
export function dotStuff(line: string): string {
  return line.startsWith('.') ? '.' + line : line;
}

/** dotUnstuff undoes dotStuff on a received line; check isEndOfData first, since "." alone ends the data. */
export function dotUnstuff(line: string): string {
  return line.startsWith('.') ? line.slice(1) : line;
}

/** isEndOfData tells whether a received line (without its CRLF) is the "." that ends DATA. */
export function isEndOfData(line: string): boolean {
  return line === '.';
}

/**
 * encodeDataLines splits an octet message into the dot-stuffed lines sent after DATA, ending with ".". Lines
 * may end in CRLF, bare LF or bare CR; all become line ends, since a bare CR or LF may not be sent (RFC 5321
 * §2.3.8). A final line without a line end still gets one before "." (RFC 5321 §4.1.1.4).
 */
export function encodeDataLines(message: string): string[] {
  const lines = message.split(/\r\n|\r|\n/);
  // The empty string after a final line end is not a line of its own.
  if (lines[lines.length - 1] === '') lines.pop();
  return [...lines.map(dotStuff), '.'];
}

/**
 * decodeDataLines rebuilds the message from the lines received after DATA, without the final "."; each line
 * gets its CRLF back, so the result ends with CRLF unless it is empty.
 */
export function decodeDataLines(lines: readonly string[]): string {
  return lines.map((line) => dotUnstuff(line) + '\r\n').join('');
}
