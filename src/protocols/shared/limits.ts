// Size limits of RFC 5321 §4.5.3.1 that every SMTP line reader and writer enforces.

/** COMMAND_LINE_MAX is the longest command line, in octets including the CRLF (RFC 5321 §4.5.3.1.4). */
export const COMMAND_LINE_MAX = 512;

/** TEXT_LINE_MAX is the longest line of DATA text, in octets including the CRLF (RFC 5321 §4.5.3.1.6). */
export const TEXT_LINE_MAX = 1000;

/** REPLY_LINE_MAX is the longest reply line, in octets including code and CRLF (RFC 5321 §4.5.3.1.5). */
export const REPLY_LINE_MAX = 512;
