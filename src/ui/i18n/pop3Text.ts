// What POP3 command lines and response statuses mean to a student, English and Korean side by side: every command
// by its verb (RFC 1939, CAPA of RFC 2449) and the two status indicators. Responses by id are in pop3ReplyText.ts.
import type { Pop3Verb } from '../../protocols/pop3/commands.ts';
import type { Pop3Status } from '../../protocols/pop3/replies.ts';
import type { Localized } from './languageContext.ts';
import type { ReplyExplanation } from './replyExplanation.ts';

/** Pop3CommandKey is a command line's kind: a verb the server carries out, or one it does not know. */
export type Pop3CommandKey = Pop3Verb | 'unknown';

/** Pop3Text is one language's words for POP3 lines that are not catalogued responses. */
export interface Pop3Text {
  readonly commands: Readonly<Record<Pop3CommandKey, ReplyExplanation>>;
  readonly statuses: Readonly<Record<Pop3Status, ReplyExplanation>>;
  /** multiLine explains the lines after a multi-line response's first, up to the ".". */
  readonly multiLine: string;
}

/** isPop3Verb tells whether a command's verb is one the server carries out. */
export function isPop3Verb(verb: string): verb is Pop3Verb {
  return Object.hasOwn(pop3Text.en.commands, verb) && verb !== 'unknown';
}

/** pop3Text holds the POP3 words in every language. */
export const pop3Text: Localized<Pop3Text> = {
  en: {
    commands: {
      USER: {
        meaning: 'Names the mailbox to log in to (RFC 1939 §7). The password follows in PASS.',
        next: '+OK if the mailbox exists; then PASS.',
      },
      PASS: {
        meaning: 'Sends the password, in clear text, right after USER (RFC 1939 §7). It is masked here.',
        next: '+OK locks the maildrop and enters TRANSACTION; -ERR means try again.',
      },
      APOP: {
        meaning:
          'Logs in without sending the password: the name and the MD5 of the greeting’s timestamp joined to the password (RFC 1939 §7).',
        next: '+OK enters TRANSACTION; -ERR means the digest was wrong.',
      },
      STAT: {
        meaning: 'Asks how many messages the maildrop holds and their total size (RFC 1939 §5).',
        next: '+OK with the count and the octets.',
      },
      LIST: {
        meaning: 'Asks for each message’s number and size, or one message’s with a number (RFC 1939 §5).',
        next: 'A multi-line +OK ending in ".", or one line for one message.',
      },
      RETR: {
        meaning: 'Downloads one whole message (RFC 1939 §5).',
        next: 'A multi-line +OK: the message, dot-stuffed, ending in ".".',
      },
      DELE: {
        meaning: 'Marks a message as deleted; nothing is removed until QUIT (RFC 1939 §5).',
        next: '+OK; the message cannot be used for the rest of the session.',
      },
      NOOP: {
        meaning: 'Does nothing; it checks the server is still there (RFC 1939 §5).',
        next: '+OK, and nothing changes.',
      },
      RSET: {
        meaning: 'Unmarks every message marked as deleted in this session (RFC 1939 §5).',
        next: '+OK with the maildrop’s size again.',
      },
      QUIT: {
        meaning:
          'Ends the session. After a log-in the server enters UPDATE and removes the messages marked as deleted (RFC 1939 §6).',
        next: '+OK, then the server closes the connection.',
      },
      TOP: {
        meaning: 'Asks for a message’s headers and its first n body lines (RFC 1939 §7).',
        next: 'A multi-line +OK ending in ".".',
      },
      UIDL: {
        meaning:
          'Asks for each message’s unique id, which stays the same across sessions, so a reader that keeps mail knows what it already has (RFC 1939 §7).',
        next: 'A multi-line +OK ending in ".", or one line for one message.',
      },
      CAPA: {
        meaning: 'Asks what the server supports (RFC 2449 §5).',
        next: 'A multi-line +OK listing the capabilities, ending in ".".',
      },
      unknown: {
        meaning: 'Not a POP3 command this server carries out.',
        next: '-ERR; the session stays in the same state.',
      },
    },
    statuses: {
      '+OK': {
        meaning: '+OK: the command succeeded (RFC 1939 §3).',
        next: 'Go on with the next command.',
      },
      '-ERR': {
        meaning: '-ERR: the command failed (RFC 1939 §3).',
        next: 'Read the text, fix the command, and try again.',
      },
    },
    multiLine:
      'A line of a multi-line response: more follow until a line holding only "."; a line that starts with "." has one more "." in front (RFC 1939 §3).',
  },
  ko: {
    commands: {
      USER: {
        meaning: '로그인할 메일박스 이름을 알립니다 (RFC 1939 §7). 비밀번호는 이어서 PASS로 보냅니다.',
        next: '메일박스가 있으면 +OK, 그다음 PASS를 보냅니다.',
      },
      PASS: {
        meaning: 'USER 바로 다음에 비밀번호를 평문으로 보냅니다 (RFC 1939 §7). 여기서는 가려서 보여 줍니다.',
        next: '+OK면 메일박스가 잠기고 트랜잭션 단계로 들어갑니다. -ERR이면 다시 시도합니다.',
      },
      APOP: {
        meaning:
          '비밀번호를 보내지 않고 로그인합니다. 이름과, 인사말의 타임스탬프에 비밀번호를 붙여 만든 MD5 값을 보냅니다 (RFC 1939 §7).',
        next: '+OK면 트랜잭션 단계로 들어가고, -ERR이면 다이제스트가 틀린 것입니다.',
      },
      STAT: {
        meaning: '메일박스에 있는 메시지 수와 전체 크기를 묻습니다 (RFC 1939 §5).',
        next: '메시지 수와 옥텟 수가 담긴 +OK가 옵니다.',
      },
      LIST: {
        meaning: '메시지마다 번호와 크기를 묻습니다. 번호를 주면 그 메시지 하나만 묻습니다 (RFC 1939 §5).',
        next: '"."으로 끝나는 여러 줄 +OK, 또는 메시지 하나에 대한 한 줄이 옵니다.',
      },
      RETR: {
        meaning: '메시지 하나를 통째로 내려받습니다 (RFC 1939 §5).',
        next: '여러 줄 +OK로 메시지가 오고 "."으로 끝납니다.',
      },
      DELE: {
        meaning: '메시지에 삭제 표시를 합니다. QUIT 전까지는 실제로 지우지 않습니다 (RFC 1939 §5).',
        next: '+OK. 이 세션에서는 그 메시지를 더 쓸 수 없습니다.',
      },
      NOOP: {
        meaning: '아무 일도 하지 않는 명령으로, 서버가 아직 있는지 확인합니다 (RFC 1939 §5).',
        next: '+OK가 오고 아무것도 바뀌지 않습니다.',
      },
      RSET: {
        meaning: '이 세션에서 삭제 표시한 메시지의 표시를 모두 지웁니다 (RFC 1939 §5).',
        next: '메일박스 크기가 다시 담긴 +OK가 옵니다.',
      },
      QUIT: {
        meaning:
          '세션을 끝냅니다. 로그인한 뒤라면 서버가 갱신(UPDATE) 단계로 들어가 삭제 표시한 메시지를 지웁니다 (RFC 1939 §6).',
        next: '+OK 뒤에 서버가 연결을 닫습니다.',
      },
      TOP: {
        meaning: '메시지의 헤더와 본문의 처음 n줄을 요청합니다 (RFC 1939 §7).',
        next: '"."으로 끝나는 여러 줄 +OK가 옵니다.',
      },
      UIDL: {
        meaning:
          '메시지마다 고유 ID를 묻습니다. 세션이 바뀌어도 그대로라서, 메일을 서버에 남겨 두는 클라이언트가 이미 받은 메일을 알아볼 수 있습니다 (RFC 1939 §7).',
        next: '"."으로 끝나는 여러 줄 +OK, 또는 메시지 하나에 대한 한 줄이 옵니다.',
      },
      CAPA: {
        meaning: '서버가 지원하는 기능을 묻습니다 (RFC 2449 §5).',
        next: '기능 목록이 담긴 여러 줄 +OK가 "."으로 끝납니다.',
      },
      unknown: {
        meaning: '이 서버가 실행하는 POP3 명령이 아닙니다.',
        next: '-ERR가 오고 세션은 같은 단계에 머뭅니다.',
      },
    },
    statuses: {
      '+OK': {
        meaning: '+OK: 명령이 성공했습니다 (RFC 1939 §3).',
        next: '다음 명령으로 진행하세요.',
      },
      '-ERR': {
        meaning: '-ERR: 명령이 실패했습니다 (RFC 1939 §3).',
        next: '응답 문구를 읽고 명령을 고쳐 다시 보내세요.',
      },
    },
    multiLine:
      '여러 줄 응답의 한 줄입니다. "." 한 글자만 있는 줄까지 이어지며, "."으로 시작하는 줄에는 앞에 "."이 하나 더 붙습니다 (RFC 1939 §3).',
  },
};
