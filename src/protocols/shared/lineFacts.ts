// What a protocol line means, written by the machine that sends it, so that no view has to work it out again
// from the wire text. The I/O glue copies these facts onto the `app.line` event it writes to the trace.

/** ArgValue is one parsed argument of a command: a word, a number, a flag, or a list of words. */
export type ArgValue = string | number | boolean | readonly string[];

/** CommandArgs are a command's parsed arguments by name (`{ to: 'bob@hamburger.edu' }` for RCPT). */
export type CommandArgs = Readonly<Record<string, ArgValue>>;

/**
 * ClientLineFacts say what a line from a client is: a command with its verb (in capitals, as the RFC spells it;
 * `.` for SMTP's end-of-data line; an HTTP method as sent) and arguments, or content that is not a command at all:
 * a line of message text (`data`), a SASL response (`sasl`, whose text is a credential and is never shown raw), or
 * an HTTP field line (`header`, with args `name` and `credential` when its value is a secret, `error` when it does
 * not parse, or `end` for the empty line that ends the head).
 */
export type ClientLineFacts =
  | CommandFacts
  | { readonly content: 'data' | 'sasl' }
  | { readonly content: 'header'; readonly args: CommandArgs };

/** CommandFacts are the facts of a command line: its verb, arguments, and (IMAP) tag. */
export interface CommandFacts {
  readonly verb: string;
  readonly args?: CommandArgs;
  readonly tag?: string;
}

/**
 * ServerLineFacts say what a line from a server is: its reply `code` (SMTP's three digits) or `status`
 * (`+OK`/`-ERR`, IMAP's `OK`/`NO`/`BAD`), the catalogue key it was written from (`smtp.rcpt.ok`), the verb of the
 * command it `answers` (absent for a greeting or a notice nobody asked for), and `more` on every line of a
 * multi-line reply but the last.
 */
export interface ServerLineFacts {
  readonly code?: number;
  readonly status?: string;
  readonly tag?: string;
  readonly reply: string;
  readonly answers?: string;
  readonly more?: boolean;
  /** extension is the keyword an EHLO reply line advertises (RFC 5321 §4.1.1.1), as the server listed it. */
  readonly extension?: string;
  /** responseCode is the name of the bracketed response code an IMAP status response carries (`UIDVALIDITY`). */
  readonly responseCode?: string;
  /** request is the number, on its connection, of the HTTP request a response line answers (1 for the first). */
  readonly request?: number;
  /** header is the field name of an HTTP response's field line (`Content-Type`). */
  readonly header?: string;
  /** credential says the line's value is a secret that views mask (an HTTP Set-Cookie). */
  readonly credential?: boolean;
}

/** LineFacts are the facts of a line from either side. */
export type LineFacts = ClientLineFacts | ServerLineFacts;

/** SentLine is what a line machine emits to send one line: the line without its CRLF, and what it means. */
export interface SentLine<F extends LineFacts = LineFacts> {
  readonly type: 'line.send';
  readonly line: string;
  readonly facts: F;
}

/**
 * SentLines is a run of lines a machine sends at once, each with its facts: a message's text after DATA, a RETR's
 * lines. It is one emitted event however many lines it holds, because XState hands emitted events over from a
 * queue whose cost grows with its length, and a 5 MB message is some 70,000 lines.
 */
export interface SentLines<F extends LineFacts = LineFacts> {
  readonly type: 'lines.send';
  readonly lines: readonly Omit<SentLine<F>, 'type'>[];
}

/**
 * TypedLineReader gives facts to the lines a person types on a connection (a terminal has no machine of its own
 * to say what they mean). `server` hears each line the server sends, since a reply can change what the next
 * typed line is (SMTP's 354 starts message text).
 */
export interface TypedLineReader {
  client(line: string): ClientLineFacts;
  server(line: string): void;
}
