// What IMAP command lines and response statuses mean to a student, English and Korean side by side: every command
// by its name (RFC 3501 §6, IDLE of RFC 2177, MOVE of RFC 6851) and every status. Responses by id are elsewhere.
import type { Localized } from './languageContext.ts';
import type { ReplyExplanation } from './replyExplanation.ts';

/** ImapCommandKey is a command line's kind: a command by name (without a `UID ` prefix), DONE, or unknown. */
export type ImapCommandKey =
  | 'CAPABILITY'
  | 'NOOP'
  | 'LOGOUT'
  | 'STARTTLS'
  | 'LOGIN'
  | 'AUTHENTICATE'
  | 'SELECT'
  | 'EXAMINE'
  | 'CREATE'
  | 'DELETE'
  | 'RENAME'
  | 'SUBSCRIBE'
  | 'UNSUBSCRIBE'
  | 'LIST'
  | 'LSUB'
  | 'STATUS'
  | 'APPEND'
  | 'CHECK'
  | 'CLOSE'
  | 'EXPUNGE'
  | 'SEARCH'
  | 'FETCH'
  | 'STORE'
  | 'COPY'
  | 'MOVE'
  | 'IDLE'
  | 'DONE'
  | 'unknown';

/** ImapStatusKey is a response line's status: tagged or untagged OK/NO/BAD, BYE, PREAUTH, `+`, or untagged data. */
export type ImapStatusKey = 'OK' | 'NO' | 'BAD' | 'BYE' | 'PREAUTH' | '+' | 'data';

/** ImapText is one language's words for IMAP lines beyond the catalogued responses. */
export interface ImapText {
  readonly commands: Readonly<Record<ImapCommandKey, ReplyExplanation>>;
  readonly statuses: Readonly<Record<ImapStatusKey, ReplyExplanation>>;
  /** uid explains the `UID` prefix of a command. */
  readonly uid: string;
  /** untagged explains a `*` line that no command asked for by tag. */
  readonly untagged: string;
  /** literal explains a line of a literal `{n}` or an AUTHENTICATE answer the client sent after `+`. */
  readonly literal: ReplyExplanation;
  /** responseCodes explain the bracketed codes of status responses (RFC 3501 §7.1, RFC 4315); others as sent. */
  readonly responseCodes: Readonly<Record<string, string>>;
}

/** imapCommandKey names a command's explanation from its verb fact (`UID FETCH` reads as FETCH). */
export function imapCommandKey(verb: string): ImapCommandKey {
  const name = verb.startsWith('UID ') ? verb.slice(4) : verb;
  return Object.hasOwn(imapText.en.commands, name) && name !== 'unknown'
    ? (name as ImapCommandKey)
    : 'unknown';
}

/** imapText holds the IMAP words in every language. */
export const imapText: Localized<ImapText> = {
  en: {
    commands: {
      CAPABILITY: {
        meaning: 'Asks what the server supports (RFC 3501 §6.1.1).',
        next: '* CAPABILITY, then OK.',
      },
      NOOP: {
        meaning:
          'Does nothing, but gives the server a chance to report news such as new mail (RFC 3501 §6.1.2).',
        next: 'Any untagged updates, then OK.',
      },
      LOGOUT: {
        meaning: 'Ends the session (RFC 3501 §6.1.3).',
        next: '* BYE, then OK, then the server closes.',
      },
      STARTTLS: {
        meaning: 'Asks to switch the connection to TLS (RFC 3501 §6.2.1); this lab offers no TLS.',
        next: 'BAD: the session goes on in clear text.',
      },
      LOGIN: {
        meaning:
          'Logs in with a user name and a password in clear text (RFC 3501 §6.2.3). It is masked here.',
        next: 'OK enters the authenticated state; NO means wrong credentials.',
      },
      AUTHENTICATE: {
        meaning: 'Logs in with a SASL mechanism such as PLAIN (RFC 3501 §6.2.2).',
        next: 'A "+" asks for the Base64 answer; then OK or NO.',
      },
      SELECT: {
        meaning: 'Opens a mailbox to read and change it (RFC 3501 §6.3.1).',
        next: 'FLAGS, EXISTS, RECENT, UIDVALIDITY and UIDNEXT, then OK [READ-WRITE]: the selected state.',
      },
      EXAMINE: {
        meaning: 'Opens a mailbox read-only: nothing is changed, not even \\Seen (RFC 3501 §6.3.2).',
        next: 'The same data as SELECT, then OK [READ-ONLY].',
      },
      CREATE: {
        meaning: 'Makes a new mailbox (folder); a child name creates its parents too (RFC 3501 §6.3.3).',
        next: 'OK, or NO if it exists already.',
      },
      DELETE: { meaning: 'Deletes a mailbox and its messages (RFC 3501 §6.3.4).', next: 'OK, or NO.' },
      RENAME: { meaning: 'Renames a mailbox (RFC 3501 §6.3.5).', next: 'OK, or NO.' },
      SUBSCRIBE: {
        meaning: 'Adds a mailbox to the list the reader shows (RFC 3501 §6.3.6).',
        next: 'OK; LSUB lists it from now on.',
      },
      UNSUBSCRIBE: { meaning: 'Takes a mailbox off the subscribed list (RFC 3501 §6.3.7).', next: 'OK.' },
      LIST: {
        meaning: 'Lists mailbox names matching a pattern: "*" matches all levels, "%" one (RFC 3501 §6.3.8).',
        next: 'One * LIST line per mailbox with its attributes, then OK.',
      },
      LSUB: {
        meaning: 'Lists the subscribed mailboxes matching a pattern (RFC 3501 §6.3.9).',
        next: 'One * LSUB line per mailbox, then OK.',
      },
      STATUS: {
        meaning: 'Asks for counts of a mailbox without selecting it (RFC 3501 §6.3.10).',
        next: '* STATUS with the values asked for, then OK.',
      },
      APPEND: {
        meaning:
          'Adds a whole message to a mailbox, sent as a literal, e.g. a copy to Sent (RFC 3501 §6.3.11).',
        next: 'A "+" for the literal, then OK [APPENDUID …] with the new UID.',
      },
      CHECK: { meaning: 'Asks the server to save the mailbox’s state (RFC 3501 §6.4.1).', next: 'OK.' },
      CLOSE: {
        meaning:
          'Closes the selected mailbox, silently removing the messages flagged \\Deleted (RFC 3501 §6.4.2).',
        next: 'OK: back to the authenticated state.',
      },
      EXPUNGE: {
        meaning: 'Removes every message flagged \\Deleted from the selected mailbox (RFC 3501 §6.4.3).',
        next: 'One * n EXPUNGE per message removed, then OK.',
      },
      SEARCH: {
        meaning:
          'Finds the messages matching criteria: flags, headers, text, dates, sizes (RFC 3501 §6.4.4).',
        next: '* SEARCH with the matching numbers, then OK.',
      },
      FETCH: {
        meaning:
          'Gets data of messages: flags, envelope, structure, or a body part, whole or a slice <start.count> (RFC 3501 §6.4.5).',
        next: 'One * n FETCH per message, then OK.',
      },
      STORE: {
        meaning:
          'Sets (FLAGS), adds (+FLAGS) or removes (-FLAGS) flags such as \\Seen or \\Deleted (RFC 3501 §6.4.6).',
        next: '* n FETCH with the new flags (unless .SILENT), then OK.',
      },
      COPY: {
        meaning: 'Copies messages to another mailbox (RFC 3501 §6.4.7).',
        next: 'OK [COPYUID …], or NO [TRYCREATE] if the mailbox does not exist.',
      },
      MOVE: {
        meaning: 'Moves messages to another mailbox in one step (RFC 6851).',
        next: '* OK [COPYUID …], * n EXPUNGE for each, then OK.',
      },
      IDLE: {
        meaning: 'Waits for news: the server tells at once when mail arrives or changes (RFC 2177).',
        next: '"+ idling", then untagged updates as they happen, until the client sends DONE.',
      },
      DONE: { meaning: 'Ends IDLE (RFC 2177 §3).', next: 'The tagged OK that ends the IDLE command.' },
      unknown: {
        meaning: 'Not a command this server can read.',
        next: 'BAD; the session goes on in the same state.',
      },
    },
    statuses: {
      OK: { meaning: 'OK: done.', next: 'Go on with the next command.' },
      NO: {
        meaning: 'NO: the command was understood but could not be done (RFC 3501 §7.1.2).',
        next: 'Read the text (and the code in brackets) and decide what to do.',
      },
      BAD: {
        meaning: 'BAD: the command was not valid here: a syntax error or the wrong state (RFC 3501 §7.1.3).',
        next: 'Fix the command; the session goes on.',
      },
      BYE: {
        meaning: 'BYE: the server is about to close the connection (RFC 3501 §7.1.5).',
        next: 'Nothing more; connect again to go on.',
      },
      PREAUTH: {
        meaning: 'PREAUTH: the connection is already logged in (RFC 3501 §7.1.4).',
        next: 'Skip LOGIN and SELECT a mailbox.',
      },
      '+': {
        meaning: '+: the server asks the client to go on sending (RFC 3501 §7.5).',
        next: 'Send the literal’s octets, the AUTHENTICATE answer, or DONE to end IDLE.',
      },
      data: {
        meaning: '*: untagged data, part of an answer or news the server reports by itself (RFC 3501 §7).',
        next: 'Keep it; the tagged line says when the command is over.',
      },
    },
    uid: 'With the UID prefix the numbers are UIDs, which never change, instead of message sequence numbers, which shift when messages are expunged (RFC 3501 §6.4.8).',
    untagged:
      'An untagged line (*) answers no command by tag: the server reports what changed, for every session that has the mailbox selected.',
    literal: {
      meaning:
        'Data the client sends after the server’s "+": the octets of a literal {n}, or an AUTHENTICATE answer (masked here).',
      next: 'The rest of the command, then its tagged response.',
    },
    responseCodes: {
      UIDVALIDITY: '[UIDVALIDITY n]: while n stays the same, every UID kept for this mailbox is still good.',
      UIDNEXT: '[UIDNEXT n]: the UID the next message to arrive will get.',
      UNSEEN: '[UNSEEN n]: the number of the first unread message.',
      PERMANENTFLAGS:
        '[PERMANENTFLAGS (…)]: the flags a client can change for good; \\* allows new keywords.',
      'READ-WRITE': '[READ-WRITE]: the mailbox may be changed in this session.',
      'READ-ONLY': '[READ-ONLY]: the mailbox was opened read-only; nothing can be changed.',
      TRYCREATE: '[TRYCREATE]: the target mailbox does not exist; CREATE it and try again.',
      APPENDUID:
        '[APPENDUID v u]: the UIDVALIDITY of the mailbox and the UID the appended message got (RFC 4315).',
      COPYUID: '[COPYUID v old new]: which new UID each copied message got in the target (RFC 4315).',
      ALERT: '[ALERT]: a message the client must show to the person.',
      BADCHARSET: '[BADCHARSET (…)]: the character sets the server can search in.',
      CAPABILITY: '[CAPABILITY …]: the server lists its capabilities without being asked.',
      AUTHENTICATIONFAILED: '[AUTHENTICATIONFAILED]: the credentials were wrong (RFC 5530).',
    },
  },
  ko: {
    commands: {
      CAPABILITY: {
        meaning: '서버가 지원하는 기능을 묻습니다 (RFC 3501 §6.1.1).',
        next: '* CAPABILITY 다음에 OK가 옵니다.',
      },
      NOOP: {
        meaning: '아무 일도 하지 않지만, 서버가 새 메일 같은 소식을 알릴 기회를 줍니다 (RFC 3501 §6.1.2).',
        next: '태그 없는 갱신 줄이 있으면 오고, 그다음 OK가 옵니다.',
      },
      LOGOUT: {
        meaning: '세션을 끝냅니다 (RFC 3501 §6.1.3).',
        next: '* BYE, OK가 오고 서버가 연결을 닫습니다.',
      },
      STARTTLS: {
        meaning: '연결을 TLS로 바꾸자고 요청합니다 (RFC 3501 §6.2.1). 이 실습에서는 TLS를 제공하지 않습니다.',
        next: 'BAD가 오고 세션은 암호화 없이 계속됩니다.',
      },
      LOGIN: {
        meaning:
          '사용자 이름과 비밀번호를 평문으로 보내 로그인합니다 (RFC 3501 §6.2.3). 여기서는 가려서 보여 줍니다.',
        next: 'OK면 인증된(authenticated) 상태가 되고, NO면 인증 정보가 틀린 것입니다.',
      },
      AUTHENTICATE: {
        meaning: 'PLAIN 같은 SASL 방식으로 로그인합니다 (RFC 3501 §6.2.2).',
        next: '"+"가 Base64 답을 요청하고, 그다음 OK나 NO가 옵니다.',
      },
      SELECT: {
        meaning: '메일박스를 열어 읽고 바꿀 수 있게 합니다 (RFC 3501 §6.3.1).',
        next: 'FLAGS, EXISTS, RECENT, UIDVALIDITY, UIDNEXT 다음에 OK [READ-WRITE]가 오고, 선택된(selected) 상태가 됩니다.',
      },
      EXAMINE: {
        meaning: '메일박스를 읽기 전용으로 엽니다. \\Seen 플래그조차 바뀌지 않습니다 (RFC 3501 §6.3.2).',
        next: 'SELECT와 같은 정보 다음에 OK [READ-ONLY]가 옵니다.',
      },
      CREATE: {
        meaning:
          '새 메일박스(폴더)를 만듭니다. 하위 이름을 주면 상위 폴더도 함께 만듭니다 (RFC 3501 §6.3.3).',
        next: 'OK, 이미 있으면 NO가 옵니다.',
      },
      DELETE: {
        meaning: '메일박스와 그 안의 메시지를 지웁니다 (RFC 3501 §6.3.4).',
        next: 'OK 또는 NO가 옵니다.',
      },
      RENAME: { meaning: '메일박스 이름을 바꿉니다 (RFC 3501 §6.3.5).', next: 'OK 또는 NO가 옵니다.' },
      SUBSCRIBE: {
        meaning: '메일 클라이언트가 보여 줄 구독 목록에 메일박스를 넣습니다 (RFC 3501 §6.3.6).',
        next: 'OK. 이제 LSUB 목록에 나옵니다.',
      },
      UNSUBSCRIBE: { meaning: '메일박스를 구독 목록에서 뺍니다 (RFC 3501 §6.3.7).', next: 'OK가 옵니다.' },
      LIST: {
        meaning:
          '패턴에 맞는 메일박스 이름을 나열합니다. "*"는 모든 단계, "%"는 한 단계와 맞습니다 (RFC 3501 §6.3.8).',
        next: '메일박스마다 속성과 함께 * LIST 한 줄, 그다음 OK가 옵니다.',
      },
      LSUB: {
        meaning: '패턴에 맞는 구독 메일박스를 나열합니다 (RFC 3501 §6.3.9).',
        next: '메일박스마다 * LSUB 한 줄, 그다음 OK가 옵니다.',
      },
      STATUS: {
        meaning: '메일박스를 선택하지 않고 메시지 수 같은 값을 묻습니다 (RFC 3501 §6.3.10).',
        next: '요청한 값이 담긴 * STATUS, 그다음 OK가 옵니다.',
      },
      APPEND: {
        meaning:
          '메시지 하나를 리터럴로 보내 메일박스에 넣습니다. 보낸 편지함(Sent)에 사본을 넣을 때 씁니다 (RFC 3501 §6.3.11).',
        next: '리터럴을 위한 "+", 그다음 새 UID가 담긴 OK [APPENDUID …]가 옵니다.',
      },
      CHECK: {
        meaning: '서버에게 메일박스 상태를 저장하라고 요청합니다 (RFC 3501 §6.4.1).',
        next: 'OK가 옵니다.',
      },
      CLOSE: {
        meaning:
          '선택한 메일박스를 닫으면서 \\Deleted 플래그가 붙은 메시지를 조용히 지웁니다 (RFC 3501 §6.4.2).',
        next: 'OK. 인증된 상태로 돌아갑니다.',
      },
      EXPUNGE: {
        meaning: '선택한 메일박스에서 \\Deleted 플래그가 붙은 메시지를 모두 지웁니다 (RFC 3501 §6.4.3).',
        next: '지운 메시지마다 * n EXPUNGE, 그다음 OK가 옵니다.',
      },
      SEARCH: {
        meaning: '플래그, 헤더, 본문, 날짜, 크기 같은 조건에 맞는 메시지를 찾습니다 (RFC 3501 §6.4.4).',
        next: '맞는 번호가 담긴 * SEARCH, 그다음 OK가 옵니다.',
      },
      FETCH: {
        meaning:
          '메시지의 플래그, 엔벨로프, 구조, 또는 본문 일부를 가져옵니다. 본문은 통째로 또는 <시작.길이> 조각으로 가져올 수 있습니다 (RFC 3501 §6.4.5).',
        next: '메시지마다 * n FETCH, 그다음 OK가 옵니다.',
      },
      STORE: {
        meaning:
          '\\Seen, \\Deleted 같은 플래그를 바꾸거나(FLAGS), 더하거나(+FLAGS), 뺍니다(-FLAGS) (RFC 3501 §6.4.6).',
        next: '바뀐 플래그가 담긴 * n FETCH(.SILENT면 생략), 그다음 OK가 옵니다.',
      },
      COPY: {
        meaning: '메시지를 다른 메일박스로 복사합니다 (RFC 3501 §6.4.7).',
        next: 'OK [COPYUID …], 메일박스가 없으면 NO [TRYCREATE]가 옵니다.',
      },
      MOVE: {
        meaning: '메시지를 다른 메일박스로 한 번에 옮깁니다 (RFC 6851).',
        next: '* OK [COPYUID …], 메시지마다 * n EXPUNGE, 그다음 OK가 옵니다.',
      },
      IDLE: {
        meaning: '소식을 기다립니다. 메일이 오거나 바뀌면 서버가 바로 알려 줍니다 (RFC 2177).',
        next: '"+ idling" 뒤로 바뀔 때마다 태그 없는 줄이 오고, 클라이언트가 DONE을 보내면 끝납니다.',
      },
      DONE: { meaning: 'IDLE을 끝냅니다 (RFC 2177 §3).', next: 'IDLE 명령을 마치는 태그 달린 OK가 옵니다.' },
      unknown: {
        meaning: '이 서버가 읽을 수 없는 명령입니다.',
        next: 'BAD가 오고 세션은 같은 상태에서 계속됩니다.',
      },
    },
    statuses: {
      OK: { meaning: 'OK: 완료되었습니다.', next: '다음 명령으로 진행하세요.' },
      NO: {
        meaning: 'NO: 명령은 이해했지만 실행할 수 없었습니다 (RFC 3501 §7.1.2).',
        next: '문구(와 대괄호 안의 코드)를 읽고 어떻게 할지 정하세요.',
      },
      BAD: {
        meaning: 'BAD: 여기서 쓸 수 없는 명령입니다. 문법 오류이거나 상태가 맞지 않습니다 (RFC 3501 §7.1.3).',
        next: '명령을 고치세요. 세션은 계속됩니다.',
      },
      BYE: {
        meaning: 'BYE: 서버가 곧 연결을 닫습니다 (RFC 3501 §7.1.5).',
        next: '더 할 것은 없습니다. 계속하려면 다시 연결하세요.',
      },
      PREAUTH: {
        meaning: 'PREAUTH: 이 연결은 이미 로그인되어 있습니다 (RFC 3501 §7.1.4).',
        next: 'LOGIN 없이 메일박스를 SELECT하세요.',
      },
      '+': {
        meaning: '+: 서버가 클라이언트에게 계속 보내라고 요청합니다 (RFC 3501 §7.5).',
        next: '리터럴의 옥텟, AUTHENTICATE 답, 또는 IDLE을 끝낼 DONE을 보내세요.',
      },
      data: {
        meaning:
          '*: 태그 없는 데이터입니다. 응답의 일부이거나, 서버가 스스로 알리는 소식입니다 (RFC 3501 §7).',
        next: '내용을 반영하세요. 명령이 끝났는지는 태그 달린 줄이 알려 줍니다.',
      },
    },
    uid: 'UID 접두어가 붙으면 번호는 메시지 순서 번호가 아니라 UID입니다. 순서 번호는 메시지가 지워지면 바뀌지만 UID는 바뀌지 않습니다 (RFC 3501 §6.4.8).',
    untagged:
      '태그 없는 줄(*)은 특정 명령에 대한 답이 아닙니다. 그 메일박스를 선택한 모든 세션에 서버가 바뀐 점을 알립니다.',
    literal: {
      meaning:
        '서버의 "+" 뒤에 클라이언트가 보내는 데이터입니다. 리터럴 {n}의 옥텟이거나 AUTHENTICATE 답입니다(여기서는 가려서 보여 줌).',
      next: '명령의 나머지, 그리고 태그 달린 응답이 이어집니다.',
    },
    responseCodes: {
      UIDVALIDITY:
        '[UIDVALIDITY n]: n이 같은 동안에는 이 메일박스에 대해 저장해 둔 UID를 그대로 쓸 수 있습니다.',
      UIDNEXT: '[UIDNEXT n]: 다음에 도착할 메시지가 받을 UID입니다.',
      UNSEEN: '[UNSEEN n]: 읽지 않은 첫 메시지의 번호입니다.',
      PERMANENTFLAGS:
        '[PERMANENTFLAGS (…)]: 클라이언트가 영구히 바꿀 수 있는 플래그입니다. \\*가 있으면 새 키워드도 만들 수 있습니다.',
      'READ-WRITE': '[READ-WRITE]: 이 세션에서 메일박스를 바꿀 수 있습니다.',
      'READ-ONLY': '[READ-ONLY]: 읽기 전용으로 열려서 아무것도 바꿀 수 없습니다.',
      TRYCREATE: '[TRYCREATE]: 대상 메일박스가 없습니다. CREATE로 만든 뒤 다시 시도하세요.',
      APPENDUID: '[APPENDUID v u]: 메일박스의 UIDVALIDITY와, 추가된 메시지가 받은 UID입니다 (RFC 4315).',
      COPYUID: '[COPYUID v 이전 새]: 복사된 메시지마다 대상 메일박스에서 받은 새 UID입니다 (RFC 4315).',
      ALERT: '[ALERT]: 클라이언트가 사용자에게 꼭 보여 줘야 하는 메시지입니다.',
      BADCHARSET: '[BADCHARSET (…)]: 서버가 검색할 수 있는 문자 집합입니다.',
      CAPABILITY: '[CAPABILITY …]: 서버가 묻지 않아도 자기 기능을 알려 줍니다.',
      AUTHENTICATIONFAILED: '[AUTHENTICATIONFAILED]: 인증 정보가 틀렸습니다 (RFC 5530).',
    },
  },
};
