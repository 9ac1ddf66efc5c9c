// What protocol commands and replies mean to a student, in each language: every catalogued reply by its id, every
// SMTP command by its verb, the reply classes for replies outside the catalogue, and POP3's and IMAP's own words.
import type { ReplyClass } from '../../protocols/smtp/replies.ts';
import { replyText, type ReplyExplanation, type ReplyId } from './replyText.ts';
import type { KnownVerb } from '../../protocols/smtp/commands.ts';
import { httpText, type HttpText } from './httpText.ts';
import { imapText, type ImapText } from './imapText.ts';
import type { Localized } from './languageContext.ts';
import { pop3Text, type Pop3Text } from './pop3Text.ts';

/** CommandKey is a command line's kind: a verb the server carries out, the "." that ends DATA, or anything else. */
export type CommandKey = KnownVerb | 'endOfData' | 'notImplemented' | 'unknown';

/** CommandExplanation says what a command does and what the session expects after it. */
export interface CommandExplanation {
  readonly meaning: string;
  readonly next: string;
}

/**
 * ProtocolText is one language's explanations. The Record types make a language incomplete until every reply
 * key and every command verb has its text, so a new reply cannot ship unexplained.
 */
export interface ProtocolText {
  readonly replies: Readonly<Record<ReplyId, ReplyExplanation>>;
  readonly commands: Readonly<Record<CommandKey, CommandExplanation>>;
  readonly classes: Readonly<Record<ReplyClass, ReplyExplanation>>;
  /** extensions explains the keywords an EHLO reply lists, one a line; unlisted ones are shown as they are. */
  readonly extensions: Readonly<Record<string, string>>;
  readonly dataLine: CommandExplanation;
  readonly authResponse: CommandExplanation;
  readonly continuation: string;
  /** pop3 and imap hold those protocols' commands and statuses; their replies are in `replies` with the rest. */
  readonly pop3: Pop3Text;
  readonly imap: ImapText;
  /** http holds HTTP's methods, status classes, fields and bodies; its statuses are in `replies` too. */
  readonly http: HttpText;
}

const EN_COMMANDS: Record<CommandKey, CommandExplanation> = {
  HELO: {
    meaning:
      'The client introduces itself by its domain name (RFC 5321 §4.1.1.1). No extensions follow HELO.',
    next: 'The server answers 250 and waits for MAIL FROM.',
  },
  EHLO: {
    meaning:
      'The client introduces itself and asks which extensions the server supports (RFC 5321 §4.1.1.1).',
    next: 'The server answers 250 with one extension a line, then waits for MAIL FROM (or AUTH).',
  },
  MAIL: {
    meaning:
      'Opens a mail transaction and gives the envelope sender (reverse-path), where bounces go. It need not match the From: header.',
    next: 'On 250 the client names each recipient with RCPT TO.',
  },
  RCPT: {
    meaning:
      'Names one envelope recipient (forward-path). The server delivers to these, not to the To: or Cc: headers, which is how Bcc works.',
    next: 'After 250, more RCPT TO lines or DATA; a 550 rejects just this recipient.',
  },
  DATA: {
    meaning: 'Asks to send the message itself: headers, a blank line, then the body (RFC 5321 §4.1.1.4).',
    next: 'The server answers 354; then every line is message text until a line holding only ".".',
  },
  RSET: {
    meaning:
      'Abandons the current transaction: sender, recipients and data are forgotten (RFC 5321 §4.1.1.5).',
    next: 'After 250 the client may start again with MAIL FROM.',
  },
  NOOP: {
    meaning: 'Does nothing; it checks the server is still there (RFC 5321 §4.1.1.9).',
    next: 'The server answers 250 and the state does not change.',
  },
  VRFY: {
    meaning:
      'Asks whether a mailbox exists (RFC 5321 §4.1.1.6). Most servers will not say, to stop address harvesting.',
    next: 'Usually 252: the server will try delivery anyway.',
  },
  HELP: {
    meaning: 'Asks for help text, meant for a person at a terminal (RFC 5321 §4.1.1.8).',
    next: 'The server answers 214; nothing changes.',
  },
  QUIT: {
    meaning: 'Ends the session politely (RFC 5321 §4.1.1.10).',
    next: 'The server answers 221 and closes the connection (TCP FIN).',
  },
  AUTH: {
    meaning: 'Starts logging in with a SASL mechanism such as PLAIN or LOGIN (RFC 4954).',
    next: 'The server answers 334 with a challenge, or 235 when the login is complete.',
  },
  endOfData: {
    meaning: 'A line holding only "." ends the message text (RFC 5321 §4.1.1.4).',
    next: 'The server answers 250 once it has taken responsibility for the message, or refuses it.',
  },
  notImplemented: {
    meaning: 'A command SMTP defines but this server does not carry out.',
    next: 'The server answers 502; the state does not change.',
  },
  unknown: {
    meaning: 'Not an SMTP command this server knows.',
    next: 'The server answers 500; the state does not change.',
  },
};

const KO_COMMANDS: Record<CommandKey, CommandExplanation> = {
  HELO: {
    meaning:
      '클라이언트가 자기 도메인 이름으로 자신을 소개합니다 (RFC 5321 §4.1.1.1). HELO 뒤에는 확장 기능이 없습니다.',
    next: '서버가 250으로 답하고 MAIL FROM을 기다립니다.',
  },
  EHLO: {
    meaning: '클라이언트가 자신을 소개하고, 서버가 지원하는 확장 기능을 묻습니다 (RFC 5321 §4.1.1.1).',
    next: '서버가 한 줄에 확장 기능 하나씩 250으로 답하고, MAIL FROM(또는 AUTH)을 기다립니다.',
  },
  MAIL: {
    meaning:
      '메일 트랜잭션을 열고 엔벨로프의 보내는 사람(reverse-path)을 알립니다. 반송은 이 주소로 갑니다. 헤더의 From:과 같을 필요는 없습니다.',
    next: '250을 받으면 RCPT TO로 받는 사람을 하나씩 알립니다.',
  },
  RCPT: {
    meaning:
      '엔벨로프의 받는 사람(forward-path) 하나를 알립니다. 서버는 헤더의 To:, Cc:가 아니라 이 주소로 배달합니다. 숨은 참조(Bcc)가 되는 원리입니다.',
    next: '250 뒤에는 RCPT TO를 더 보내거나 DATA를 보냅니다. 550은 이 받는 사람만 거부한 것입니다.',
  },
  DATA: {
    meaning: '메시지 자체(헤더, 빈 줄, 본문)를 보내겠다고 요청합니다 (RFC 5321 §4.1.1.4).',
    next: '서버가 354로 답하면, "." 한 글자만 있는 줄까지 모든 줄이 메시지 내용입니다.',
  },
  RSET: {
    meaning:
      '진행 중인 트랜잭션을 취소합니다. 보내는 사람, 받는 사람, 데이터가 모두 잊힙니다 (RFC 5321 §4.1.1.5).',
    next: '250 뒤에 MAIL FROM으로 다시 시작할 수 있습니다.',
  },
  NOOP: {
    meaning: '아무 일도 하지 않는 명령으로, 서버가 아직 있는지 확인합니다 (RFC 5321 §4.1.1.9).',
    next: '서버가 250으로 답하고 상태는 바뀌지 않습니다.',
  },
  VRFY: {
    meaning:
      '메일박스가 있는지 묻습니다 (RFC 5321 §4.1.1.6). 주소 수집을 막으려고 대부분의 서버는 알려 주지 않습니다.',
    next: '보통 252: 그래도 배달은 시도하겠다는 뜻입니다.',
  },
  HELP: {
    meaning: '터미널 앞의 사람을 위한 도움말을 요청합니다 (RFC 5321 §4.1.1.8).',
    next: '서버가 214로 답하고, 상태는 바뀌지 않습니다.',
  },
  QUIT: {
    meaning: '세션을 정중하게 끝냅니다 (RFC 5321 §4.1.1.10).',
    next: '서버가 221로 답하고 연결 종료(TCP FIN)가 이어집니다.',
  },
  AUTH: {
    meaning: 'PLAIN, LOGIN 같은 SASL 방식으로 로그인을 시작합니다 (RFC 4954).',
    next: '서버가 334로 질문을 보내거나, 로그인이 끝나면 235로 답합니다.',
  },
  endOfData: {
    meaning: '"." 한 글자만 있는 줄은 메시지의 끝을 뜻합니다 (RFC 5321 §4.1.1.4).',
    next: '서버가 메시지의 배달 책임을 넘겨받으면 250으로 답하고, 아니면 거부합니다.',
  },
  notImplemented: {
    meaning: 'SMTP에 정의되어 있지만 이 서버가 실행하지 않는 명령입니다.',
    next: '서버가 502로 답하고, 상태는 바뀌지 않습니다.',
  },
  unknown: {
    meaning: '이 서버가 아는 SMTP 명령이 아닙니다.',
    next: '서버가 500으로 답하고, 상태는 바뀌지 않습니다.',
  },
};

/** protocolText holds the explanations in every language; English replies are the protocol layer's own text. */
export const protocolText: Localized<ProtocolText> = {
  en: {
    replies: replyText.en,
    commands: EN_COMMANDS,
    classes: {
      positive: { meaning: '2xx: done — the command succeeded.', next: 'Go on with the next command.' },
      intermediate: {
        meaning: '3xx: go on — the server needs more before it can finish.',
        next: 'Send the rest (the message text, or the next answer).',
      },
      transient: {
        meaning: '4xx: not now — a temporary failure.',
        next: 'Keep the mail queued and try again later.',
      },
      permanent: {
        meaning: '5xx: no — a permanent failure.',
        next: 'Do not repeat it unchanged; a mail server returns the mail to its sender.',
      },
    },
    extensions: {
      PIPELINING:
        'PIPELINING: the client may send several commands without waiting for each reply (RFC 2920).',
      SIZE: 'SIZE: the largest message the server takes, in octets (RFC 1870).',
      '8BITMIME': '8BITMIME: message text may use 8-bit octets (RFC 6152).',
      HELP: 'HELP: the server answers the HELP command.',
      AUTH: 'AUTH: the SASL mechanisms a client may log in with (RFC 4954).',
      ENHANCEDSTATUSCODES: 'ENHANCEDSTATUSCODES: replies carry codes like 2.1.0 (RFC 2034).',
      STARTTLS: 'STARTTLS: the connection can switch to TLS (RFC 3207).',
      SMTPUTF8: 'SMTPUTF8: addresses may hold UTF-8 (RFC 6531).',
    },
    dataLine: {
      meaning:
        'A line of the message itself, sent after 354: headers first, a blank line, then the body. A leading "." is doubled on the wire.',
      next: 'More message lines, until a line holding only ".".',
    },
    authResponse: {
      meaning: 'An answer to the server’s 334 challenge, in Base64 (RFC 4954 §4).',
      next: 'Another 334 challenge, or 235 (logged in) or 535 (wrong credentials).',
    },
    continuation:
      'A hyphen after the code means more lines of the same reply follow; a space marks the last line (RFC 5321 §4.2.1).',
    pop3: pop3Text.en,
    imap: imapText.en,
    http: httpText.en,
  },
  ko: {
    replies: replyText.ko,
    commands: KO_COMMANDS,
    classes: {
      positive: { meaning: '2xx: 완료 — 명령이 성공했습니다.', next: '다음 명령으로 진행하세요.' },
      intermediate: {
        meaning: '3xx: 계속 — 끝내려면 서버에 더 보내야 합니다.',
        next: '나머지(메시지 내용이나 다음 답)를 보내세요.',
      },
      transient: {
        meaning: '4xx: 지금은 안 됨 — 일시적인 실패입니다.',
        next: '메일을 큐에 두고 나중에 다시 시도하세요.',
      },
      permanent: {
        meaning: '5xx: 거부 — 영구적인 실패입니다.',
        next: '그대로 다시 보내지 마세요. 메일 서버라면 보낸 사람에게 메일을 반송합니다.',
      },
    },
    extensions: {
      PIPELINING:
        'PIPELINING: 응답을 하나하나 기다리지 않고 명령 여러 개를 이어 보낼 수 있습니다 (RFC 2920).',
      SIZE: 'SIZE: 서버가 받는 가장 큰 메시지 크기(옥텟)입니다 (RFC 1870).',
      '8BITMIME': '8BITMIME: 메시지에 8비트 옥텟을 쓸 수 있습니다 (RFC 6152).',
      HELP: 'HELP: 서버가 HELP 명령에 답합니다.',
      AUTH: 'AUTH: 로그인에 쓸 수 있는 SASL 방식들입니다 (RFC 4954).',
      ENHANCEDSTATUSCODES: 'ENHANCEDSTATUSCODES: 응답에 2.1.0 같은 확장 상태 코드가 붙습니다 (RFC 2034).',
      STARTTLS: 'STARTTLS: 연결을 TLS로 바꿀 수 있습니다 (RFC 3207).',
      SMTPUTF8: 'SMTPUTF8: 주소에 UTF-8을 쓸 수 있습니다 (RFC 6531).',
    },
    dataLine: {
      meaning:
        '354 뒤에 보내는 메시지 자체의 한 줄입니다. 헤더가 먼저, 빈 줄 하나, 그다음 본문입니다. 줄 맨 앞의 "."은 두 번 써서 보냅니다.',
      next: '"." 한 글자만 있는 줄이 나올 때까지 메시지 줄이 이어집니다.',
    },
    authResponse: {
      meaning: '서버의 334 질문에 대한 Base64 답입니다 (RFC 4954 §4).',
      next: '다음 334 질문, 또는 235(로그인 성공)나 535(인증 정보 틀림)가 옵니다.',
    },
    continuation:
      '코드 뒤의 하이픈(-)은 같은 응답의 줄이 더 이어진다는 뜻이고, 공백은 마지막 줄을 뜻합니다 (RFC 5321 §4.2.1).',
    pop3: pop3Text.ko,
    imap: imapText.ko,
    http: httpText.ko,
  },
};
