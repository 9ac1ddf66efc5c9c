// What each catalogued IMAP response means to a student and what the client should do next, keyed by catalogue id
// (`imap.login.ok`), English and Korean side by side. replyText.ts joins it to the other protocols' tables.
import type { ImapReplyId } from '../../protocols/imap/lineFacts.ts';
import type { Localized } from './languageContext.ts';
import type { ReplyExplanation } from './replyExplanation.ts';

const EN: Readonly<Record<ImapReplyId, ReplyExplanation>> = {
  'imap.greeting': {
    meaning: 'The IMAP server is ready; the session is in the not authenticated state (RFC 3501 §7.1.1).',
    next: 'Log in with LOGIN (or AUTHENTICATE), perhaps after asking CAPABILITY.',
  },
  'imap.bye.logout': {
    meaning: 'The server says goodbye before closing, as LOGOUT asked (RFC 3501 §7.1.5).',
    next: 'Wait for the tagged OK; then the connection closes.',
  },
  'imap.bye.autologout': {
    meaning: 'The session was idle longer than the server waits, so it logs the client out (RFC 3501 §5.4).',
    next: 'Connect and log in again; use IDLE or NOOP to stay connected.',
  },
  'imap.capability': {
    meaning:
      'The list of what this server supports: IMAP4rev1 and extensions such as IDLE, MOVE and UIDPLUS (RFC 3501 §7.2.1).',
    next: 'Use only what is listed; the tagged OK follows.',
  },
  'imap.capability.ok': {
    meaning: 'CAPABILITY is done.',
    next: 'Log in, or go on with the next command.',
  },
  'imap.noop.ok': {
    meaning: 'NOOP is done; any news about the mailbox came just before it (RFC 3501 §6.1.2).',
    next: 'Carry on.',
  },
  'imap.logout.ok': {
    meaning: 'LOGOUT is done and the session is over (RFC 3501 §6.1.3).',
    next: 'Nothing: the connection closes.',
  },
  'imap.starttls.no': {
    meaning: 'This server does not offer TLS, so the connection cannot be encrypted (RFC 3501 §6.2.1).',
    next: 'Go on in clear text; in the lab nothing leaves your computer.',
  },
  'imap.login.ok': {
    meaning:
      'The user name and password were right: the session is in the authenticated state (RFC 3501 §6.2.3).',
    next: 'List the folders with LIST, or SELECT INBOX.',
  },
  'imap.login.failed': {
    meaning: 'The user name or password was wrong (RFC 3501 §6.2.3).',
    next: 'Check the credentials and try LOGIN again.',
  },
  'imap.login.unavailable': {
    meaning: 'The credentials may be right, but the mail store cannot be reached just now.',
    next: 'Try again later.',
  },
  'imap.authenticate.challenge': {
    meaning:
      'The server waits for the SASL answer: for PLAIN, Base64 of the user name and password (RFC 3501 §6.2.2, RFC 4616).',
    next: 'Send one line of Base64, or "*" to give up.',
  },
  'imap.authenticate.ok': {
    meaning: 'The SASL exchange succeeded: the session is in the authenticated state (RFC 3501 §6.2.2).',
    next: 'List the folders with LIST, or SELECT INBOX.',
  },
  'imap.authenticate.failed': {
    meaning: 'The credentials sent with AUTHENTICATE were wrong.',
    next: 'Check them and try again.',
  },
  'imap.authenticate.cancelled': {
    meaning: 'The client answered "*", so the log-in was given up (RFC 3501 §6.2.2).',
    next: 'Log in again when ready.',
  },
  'imap.authenticate.badResponse': {
    meaning: 'The answer to the "+" was not valid Base64.',
    next: 'Start AUTHENTICATE again and send proper Base64.',
  },
  'imap.authenticate.badPlain': {
    meaning:
      'A PLAIN answer is Base64 of three parts joined by NUL: authorisation id, user name, password (RFC 4616 §2).',
    next: 'Encode the three parts again and retry.',
  },
  'imap.authenticate.mechanism': {
    meaning: 'This server only offers the PLAIN mechanism.',
    next: 'Use AUTHENTICATE PLAIN, or LOGIN.',
  },
  'imap.flags': {
    meaning:
      'The flags messages in this mailbox can carry: \\Seen, \\Answered, \\Flagged, \\Deleted, \\Draft (RFC 3501 §7.2.6).',
    next: 'Use these in STORE and SEARCH.',
  },
  'imap.exists': {
    meaning:
      'How many messages the mailbox holds now. Sent after SELECT and whenever new mail arrives (RFC 3501 §7.3.1).',
    next: "Fetch the new messages' headers if the number grew.",
  },
  'imap.recent': {
    meaning:
      'How many messages are new to this session: \\Recent goes to just one session (RFC 3501 §7.3.2).',
    next: 'Nothing to do; it is for information.',
  },
  'imap.select.unseen': {
    meaning: 'The number of the first message not yet read (RFC 3501 §6.3.1).',
    next: 'Start reading there.',
  },
  'imap.select.uidValidity': {
    meaning:
      "The mailbox's UIDVALIDITY: as long as it stays the same, UIDs you kept still name the same messages (RFC 3501 §2.3.1.1).",
    next: 'Remember it with the UIDs; if it ever changes, forget the cached UIDs.',
  },
  'imap.select.uidNext': {
    meaning: 'The UID the next message to arrive will get; UIDs only grow (RFC 3501 §2.3.1.1).',
    next: 'Compare with the last UID you saw to know whether there is new mail.',
  },
  'imap.select.permanentFlags': {
    meaning:
      'The flags a client can change for good; \\* means it may also make up its own keywords (RFC 3501 §7.1).',
    next: 'Use these flags in STORE.',
  },
  'imap.select.ok': {
    meaning:
      'The mailbox is open: READ-WRITE after SELECT, READ-ONLY after EXAMINE; the session is in the selected state (RFC 3501 §6.3.1).',
    next: 'FETCH headers, SEARCH, or STORE flags.',
  },
  'imap.select.nonexistent': {
    meaning: 'There is no mailbox by that name.',
    next: 'Check the name with LIST.',
  },
  'imap.select.noselect': {
    meaning: 'That name only holds other mailboxes (\\Noselect), so it cannot be opened (RFC 3501 §6.3.8).',
    next: 'SELECT one of the mailboxes under it.',
  },
  'imap.create.ok': {
    meaning: 'The mailbox (folder) was created, with any parents it needed (RFC 3501 §6.3.3).',
    next: 'SELECT it, or COPY or MOVE messages into it.',
  },
  'imap.delete.ok': {
    meaning: 'The mailbox and its messages are gone (RFC 3501 §6.3.4).',
    next: 'Carry on.',
  },
  'imap.rename.ok': {
    meaning: 'The mailbox was renamed, with the mailboxes under it (RFC 3501 §6.3.5).',
    next: 'Use the new name from now on.',
  },
  'imap.subscribe.ok': {
    meaning: 'The mailbox is on the subscribed list (RFC 3501 §6.3.6).',
    next: 'LSUB will list it.',
  },
  'imap.unsubscribe.ok': {
    meaning: 'The mailbox is off the subscribed list (RFC 3501 §6.3.7).',
    next: 'Carry on; the mailbox itself is untouched.',
  },
  'imap.mailbox.nonexistent': {
    meaning: 'There is no mailbox by that name.',
    next: 'Check the name with LIST.',
  },
  'imap.mailbox.alreadyExists': {
    meaning: 'A mailbox by that name exists already (RFC 3501 §6.3.3).',
    next: 'Pick another name, or use the one there is.',
  },
  'imap.mailbox.notAllowed': {
    meaning: 'That cannot be done to this mailbox: INBOX cannot be deleted, for one (RFC 3501 §6.3.4).',
    next: 'Choose another mailbox.',
  },
  'imap.mailbox.hasChildren': {
    meaning:
      'The mailbox has mailboxes under it and no messages, so deleting it would leave nothing useful (RFC 3501 §6.3.4).',
    next: 'Delete the mailboxes under it first.',
  },
  'imap.mailbox.invalidName': {
    meaning: 'That is not a valid mailbox name here.',
    next: 'Choose a name without empty levels or wildcards.',
  },
  'imap.mailbox.full': {
    meaning: 'The mail store is full.',
    next: 'Delete and expunge some messages, then try again.',
  },
  'imap.mailbox.badEncoding': {
    meaning:
      'Mailbox names outside ASCII, such as Korean ones, travel as modified UTF-7 (RFC 3501 §5.1.3); this one was not.',
    next: 'Encode the name as modified UTF-7 (a mail client does this for you).',
  },
  'imap.list': {
    meaning:
      'One mailbox matching the pattern, with its attributes (\\HasChildren, \\Noselect…) and the hierarchy delimiter (RFC 3501 §7.2.2).',
    next: 'Read them all; the tagged OK ends the list.',
  },
  'imap.lsub': {
    meaning: 'One subscribed mailbox matching the pattern (RFC 3501 §7.2.3).',
    next: 'Read them all; the tagged OK ends the list.',
  },
  'imap.list.ok': {
    meaning: 'The list is complete.',
    next: 'SELECT a mailbox from it.',
  },
  'imap.status': {
    meaning: 'The counts asked for, of a mailbox not selected: MESSAGES, UNSEEN, UIDNEXT… (RFC 3501 §7.2.4).',
    next: 'Use them to show unread counts without opening the mailbox.',
  },
  'imap.status.ok': {
    meaning: 'STATUS is done.',
    next: 'Carry on.',
  },
  'imap.append.ok': {
    meaning:
      "The message was added; [APPENDUID v u] gives its mailbox's UIDVALIDITY and its new UID (RFC 4315).",
    next: 'Remember the UID if you need to find it again.',
  },
  'imap.append.tryCreate': {
    meaning:
      'The mailbox does not exist; [TRYCREATE] says creating it should make APPEND work (RFC 3501 §6.3.11).',
    next: 'CREATE the mailbox, then APPEND again.',
  },
  'imap.append.tooBig': {
    meaning: 'The message is larger than the server accepts.',
    next: 'Send a smaller message.',
  },
  'imap.check.ok': {
    meaning: "The mailbox's state is saved (RFC 3501 §6.4.1).",
    next: 'Carry on.',
  },
  'imap.close.ok': {
    meaning:
      'The mailbox is closed and its \\Deleted messages removed without EXPUNGE lines (RFC 3501 §6.4.2).',
    next: 'SELECT another mailbox, or LOGOUT.',
  },
  'imap.expunge': {
    meaning:
      'Message number n was removed for good; every message after it moves down one number (RFC 3501 §7.4.1).',
    next: 'Renumber what you show; UIDs do not change.',
  },
  'imap.expunge.ok': {
    meaning: 'The messages flagged \\Deleted are removed (RFC 3501 §6.4.3).',
    next: 'Carry on.',
  },
  'imap.search': {
    meaning: 'The numbers (or UIDs, for UID SEARCH) of the messages that match (RFC 3501 §7.2.5).',
    next: 'FETCH the ones you want to show.',
  },
  'imap.search.ok': {
    meaning: 'The search is done.',
    next: 'Carry on.',
  },
  'imap.search.badCharset': {
    meaning:
      'The server cannot search in that character set; [BADCHARSET] lists the ones it can (RFC 3501 §6.4.4).',
    next: 'Search again in UTF-8 or US-ASCII.',
  },
  'imap.fetch': {
    meaning:
      'Data of message n: flags, envelope, structure, UID or part of the body; a body part may come as a literal {size} (RFC 3501 §7.4.2).',
    next: 'Keep what came; fetch a body part only when it is opened.',
  },
  'imap.fetch.ok': {
    meaning: 'FETCH is done. Fetching BODY[] sets \\Seen; BODY.PEEK[] does not (RFC 3501 §6.4.5).',
    next: 'Carry on.',
  },
  'imap.fetch.expunged': {
    meaning: 'Some of the messages asked for were removed by another session; the rest were sent.',
    next: 'NOOP to hear the EXPUNGE news, then go on.',
  },
  'imap.store.ok': {
    meaning:
      'The flags are changed; unless .SILENT, the FETCH lines before showed the new flags (RFC 3501 §6.4.6).',
    next: 'Carry on; \\Deleted messages go at the next EXPUNGE or CLOSE.',
  },
  'imap.store.recent': {
    meaning: '\\Recent belongs to the server: a client cannot set or clear it (RFC 3501 §2.3.2).',
    next: 'STORE other flags only.',
  },
  'imap.copy.ok': {
    meaning:
      'The messages were copied (or moved); [COPYUID v old new] maps their old UIDs to the new ones (RFC 4315).',
    next: 'Carry on.',
  },
  'imap.copy.move.ok': {
    meaning:
      'Sent during MOVE before the EXPUNGE lines: [COPYUID …] tells the new UIDs in the target mailbox (RFC 6851 §4.3).',
    next: 'Expect an EXPUNGE for each message moved, then the tagged OK.',
  },
  'imap.copy.tryCreate': {
    meaning: 'The target mailbox does not exist; [TRYCREATE] says creating it should help (RFC 3501 §6.4.7).',
    next: 'CREATE the mailbox, then try again.',
  },
  'imap.copy.noselect': {
    meaning: 'The target only holds other mailboxes (\\Noselect) and cannot take messages.',
    next: 'Copy into a mailbox under it instead.',
  },
  'imap.copy.full': {
    meaning: 'The mail store is full, so nothing was copied.',
    next: 'Expunge some messages, then try again.',
  },
  'imap.idle.continue': {
    meaning:
      'The server is idling: it will send EXISTS, EXPUNGE or FETCH lines the moment something changes (RFC 2177).',
    next: 'Wait; send DONE to stop idling.',
  },
  'imap.idle.ok': {
    meaning: 'IDLE is over, as DONE asked (RFC 2177).',
    next: 'Send the next command.',
  },
  'imap.idle.notDone': {
    meaning: 'Only DONE ends IDLE; anything else ends it with this refusal (RFC 2177 §3).',
    next: 'Send the command again now that IDLE is over.',
  },
  'imap.literal.continue': {
    meaning: 'The server is ready for the {n} octets the client announced (RFC 3501 §7.5).',
    next: 'Send exactly that many octets, then the rest of the command.',
  },
  'imap.error.readOnly': {
    meaning: 'The mailbox was opened with EXAMINE, read-only, so it cannot be changed.',
    next: 'SELECT it to make changes.',
  },
  'imap.error.notAuthenticated': {
    meaning: 'This command needs a logged-in session (RFC 3501 §6.3).',
    next: 'LOGIN first.',
  },
  'imap.error.alreadyAuthenticated': {
    meaning:
      'The session is logged in already; LOGIN is only for the not authenticated state (RFC 3501 §6.2).',
    next: 'Go on with SELECT or LIST.',
  },
  'imap.error.noMailbox': {
    meaning: 'This command works on a selected mailbox, and none is selected (RFC 3501 §6.4).',
    next: 'SELECT a mailbox first.',
  },
  'imap.error.syntax': {
    meaning: "The command is not written as RFC 3501's grammar wants; the text says where (RFC 3501 §9).",
    next: 'Fix the command and send it again.',
  },
  'imap.error.unknownCommand': {
    meaning: 'Not an IMAP command this server knows.',
    next: 'Check the spelling; every command starts with a tag, e.g. a001 NOOP.',
  },
  'imap.error.untagged': {
    meaning: 'The line had no usable tag, so the server answers with an untagged BAD (RFC 3501 §7.1.3).',
    next: 'Start every command with a tag, e.g. a001.',
  },
  'imap.error.lineTooLong': {
    meaning: 'The command line was longer than the server reads.',
    next: 'Send a shorter command; a long value can go as a literal {n}.',
  },
  'imap.error.lineTooLongUntagged': {
    meaning: 'A line too long to find its tag in; the server refuses it untagged.',
    next: 'Send a shorter command.',
  },
  'imap.error.literal': {
    meaning: 'The literal announced was too large or not sent as announced.',
    next: 'Send a smaller literal, with exactly the octets announced.',
  },
  'imap.error.noSuchMessage': {
    meaning: 'There is no message with that number in the mailbox.',
    next: 'Use a number up to EXISTS, or * for the last.',
  },
  'imap.error.badCharset': {
    meaning: 'The server does not know that character set (RFC 3501 §6.4.4).',
    next: 'Use UTF-8 or US-ASCII.',
  },
  'imap.fault.forced': {
    meaning: 'A fault the teacher set makes the server refuse a command it would otherwise have carried out.',
    next: 'The session goes on in the same state: try again later, or LOGOUT.',
  },
};

const KO: Readonly<Record<ImapReplyId, ReplyExplanation>> = {
  'imap.greeting': {
    meaning: 'IMAP 서버가 준비되었습니다. 세션은 인증 전(not authenticated) 상태입니다 (RFC 3501 §7.1.1).',
    next: '필요하면 CAPABILITY로 기능을 확인한 뒤 LOGIN(또는 AUTHENTICATE)으로 로그인하세요.',
  },
  'imap.bye.logout': {
    meaning: 'LOGOUT 요청대로 서버가 연결을 닫기 전에 작별 인사를 합니다 (RFC 3501 §7.1.5).',
    next: '태그 달린 OK를 기다리세요. 그다음 연결이 닫힙니다.',
  },
  'imap.bye.autologout': {
    meaning: '세션이 서버가 기다려 주는 시간보다 오래 조용해서 서버가 로그아웃시킵니다 (RFC 3501 §5.4).',
    next: '다시 연결해서 로그인하세요. 연결을 유지하려면 IDLE이나 NOOP을 쓰세요.',
  },
  'imap.capability': {
    meaning:
      '이 서버가 지원하는 기능 목록입니다. IMAP4rev1과 IDLE, MOVE, UIDPLUS 같은 확장이 나옵니다 (RFC 3501 §7.2.1).',
    next: '목록에 있는 기능만 쓰세요. 이어서 태그 달린 OK가 옵니다.',
  },
  'imap.capability.ok': {
    meaning: 'CAPABILITY 명령이 끝났습니다.',
    next: '로그인하거나 다음 명령으로 진행하세요.',
  },
  'imap.noop.ok': {
    meaning: 'NOOP이 끝났습니다. 메일박스 소식이 있었다면 바로 앞 줄들에 왔습니다 (RFC 3501 §6.1.2).',
    next: '계속 진행하세요.',
  },
  'imap.logout.ok': {
    meaning: 'LOGOUT이 끝나 세션이 종료되었습니다 (RFC 3501 §6.1.3).',
    next: '없습니다. 연결이 닫힙니다.',
  },
  'imap.starttls.no': {
    meaning: '이 서버는 TLS를 제공하지 않아 연결을 암호화할 수 없습니다 (RFC 3501 §6.2.1).',
    next: '암호화 없이 계속하세요. 실습 환경에서는 아무것도 밖으로 나가지 않습니다.',
  },
  'imap.login.ok': {
    meaning:
      '사용자 이름과 비밀번호가 맞았습니다. 세션은 인증된(authenticated) 상태입니다 (RFC 3501 §6.2.3).',
    next: 'LIST로 폴더를 보거나 SELECT INBOX로 받은편지함을 여세요.',
  },
  'imap.login.failed': {
    meaning: '사용자 이름이나 비밀번호가 틀렸습니다 (RFC 3501 §6.2.3).',
    next: '인증 정보를 확인해서 LOGIN을 다시 보내세요.',
  },
  'imap.login.unavailable': {
    meaning: '인증 정보는 맞을 수 있지만 지금은 메일 저장소에 접근할 수 없습니다.',
    next: '나중에 다시 시도하세요.',
  },
  'imap.authenticate.challenge': {
    meaning:
      '서버가 SASL 답을 기다립니다. PLAIN이면 사용자 이름과 비밀번호를 Base64로 인코딩한 값입니다 (RFC 3501 §6.2.2, RFC 4616).',
    next: 'Base64 한 줄을 보내거나, 그만두려면 "*"를 보내세요.',
  },
  'imap.authenticate.ok': {
    meaning: 'SASL 인증이 성공했습니다. 세션은 인증된 상태입니다 (RFC 3501 §6.2.2).',
    next: 'LIST로 폴더를 보거나 SELECT INBOX로 받은편지함을 여세요.',
  },
  'imap.authenticate.failed': {
    meaning: 'AUTHENTICATE로 보낸 인증 정보가 틀렸습니다.',
    next: '확인한 뒤 다시 시도하세요.',
  },
  'imap.authenticate.cancelled': {
    meaning: '클라이언트가 "*"로 답해서 로그인을 그만두었습니다 (RFC 3501 §6.2.2).',
    next: '준비되면 다시 로그인하세요.',
  },
  'imap.authenticate.badResponse': {
    meaning: '"+"에 대한 답이 올바른 Base64가 아니었습니다.',
    next: 'AUTHENTICATE를 다시 시작해서 올바른 Base64를 보내세요.',
  },
  'imap.authenticate.badPlain': {
    meaning:
      'PLAIN 답은 권한 ID, 사용자 이름, 비밀번호 세 부분을 NUL로 이어 Base64로 인코딩한 것입니다 (RFC 4616 §2).',
    next: '세 부분을 다시 인코딩해서 재시도하세요.',
  },
  'imap.authenticate.mechanism': {
    meaning: '이 서버는 PLAIN 방식만 제공합니다.',
    next: 'AUTHENTICATE PLAIN이나 LOGIN을 쓰세요.',
  },
  'imap.flags': {
    meaning:
      '이 메일박스의 메시지에 붙을 수 있는 플래그입니다. \\Seen, \\Answered, \\Flagged, \\Deleted, \\Draft (RFC 3501 §7.2.6).',
    next: 'STORE와 SEARCH에 이 플래그를 쓰세요.',
  },
  'imap.exists': {
    meaning:
      '지금 메일박스에 있는 메시지 수입니다. SELECT 뒤에, 그리고 새 메일이 올 때마다 옵니다 (RFC 3501 §7.3.1).',
    next: '수가 늘었다면 새 메시지의 헤더를 FETCH하세요.',
  },
  'imap.recent': {
    meaning: '이 세션에 새로 보이는 메시지 수입니다. \\Recent는 한 세션에만 주어집니다 (RFC 3501 §7.3.2).',
    next: '할 일은 없습니다. 참고용 정보입니다.',
  },
  'imap.select.unseen': {
    meaning: '아직 읽지 않은 첫 메시지의 번호입니다 (RFC 3501 §6.3.1).',
    next: '거기서부터 읽으세요.',
  },
  'imap.select.uidValidity': {
    meaning:
      '메일박스의 UIDVALIDITY입니다. 이 값이 같은 동안에는 저장해 둔 UID가 같은 메시지를 가리킵니다 (RFC 3501 §2.3.1.1).',
    next: 'UID와 함께 기억해 두세요. 값이 바뀌면 저장해 둔 UID는 버려야 합니다.',
  },
  'imap.select.uidNext': {
    meaning: '다음에 도착할 메시지가 받을 UID입니다. UID는 커지기만 합니다 (RFC 3501 §2.3.1.1).',
    next: '마지막으로 본 UID와 비교하면 새 메일이 있는지 알 수 있습니다.',
  },
  'imap.select.permanentFlags': {
    meaning:
      '클라이언트가 영구히 바꿀 수 있는 플래그입니다. \\*는 자기만의 키워드도 만들 수 있다는 뜻입니다 (RFC 3501 §7.1).',
    next: 'STORE에 이 플래그를 쓰세요.',
  },
  'imap.select.ok': {
    meaning:
      '메일박스가 열렸습니다. SELECT면 READ-WRITE, EXAMINE이면 READ-ONLY이고, 세션은 선택된(selected) 상태입니다 (RFC 3501 §6.3.1).',
    next: '헤더를 FETCH하거나, SEARCH하거나, STORE로 플래그를 바꾸세요.',
  },
  'imap.select.nonexistent': {
    meaning: '그런 이름의 메일박스가 없습니다.',
    next: 'LIST로 이름을 확인하세요.',
  },
  'imap.select.noselect': {
    meaning: '그 이름은 다른 메일박스만 담고 있어서(\\Noselect) 열 수 없습니다 (RFC 3501 §6.3.8).',
    next: '그 아래에 있는 메일박스를 SELECT하세요.',
  },
  'imap.create.ok': {
    meaning: '메일박스(폴더)가 만들어졌습니다. 필요한 상위 폴더도 함께 만들어졌습니다 (RFC 3501 §6.3.3).',
    next: 'SELECT로 열거나, COPY나 MOVE로 메시지를 넣으세요.',
  },
  'imap.delete.ok': {
    meaning: '메일박스와 그 안의 메시지가 지워졌습니다 (RFC 3501 §6.3.4).',
    next: '계속 진행하세요.',
  },
  'imap.rename.ok': {
    meaning: '메일박스와 그 아래 메일박스들의 이름이 바뀌었습니다 (RFC 3501 §6.3.5).',
    next: '이제부터 새 이름을 쓰세요.',
  },
  'imap.subscribe.ok': {
    meaning: '메일박스가 구독 목록에 들어갔습니다 (RFC 3501 §6.3.6).',
    next: '이제 LSUB 목록에 나옵니다.',
  },
  'imap.unsubscribe.ok': {
    meaning: '메일박스가 구독 목록에서 빠졌습니다 (RFC 3501 §6.3.7).',
    next: '계속하세요. 메일박스 자체는 그대로입니다.',
  },
  'imap.mailbox.nonexistent': {
    meaning: '그런 이름의 메일박스가 없습니다.',
    next: 'LIST로 이름을 확인하세요.',
  },
  'imap.mailbox.alreadyExists': {
    meaning: '그 이름의 메일박스가 이미 있습니다 (RFC 3501 §6.3.3).',
    next: '다른 이름을 고르거나 있는 메일박스를 쓰세요.',
  },
  'imap.mailbox.notAllowed': {
    meaning:
      '이 메일박스에는 그 작업을 할 수 없습니다. 예를 들어 INBOX는 지울 수 없습니다 (RFC 3501 §6.3.4).',
    next: '다른 메일박스를 고르세요.',
  },
  'imap.mailbox.hasChildren': {
    meaning:
      '이 메일박스에는 메시지 없이 하위 메일박스만 있어서 지워도 남는 것이 없습니다 (RFC 3501 §6.3.4).',
    next: '하위 메일박스부터 지우세요.',
  },
  'imap.mailbox.invalidName': {
    meaning: '여기서 쓸 수 있는 메일박스 이름이 아닙니다.',
    next: '빈 단계나 와일드카드가 없는 이름을 고르세요.',
  },
  'imap.mailbox.full': {
    meaning: '메일 저장소가 가득 찼습니다.',
    next: '메시지를 지우고 EXPUNGE한 뒤 다시 시도하세요.',
  },
  'imap.mailbox.badEncoding': {
    meaning:
      '한글처럼 ASCII가 아닌 메일박스 이름은 수정된 UTF-7로 보냅니다 (RFC 3501 §5.1.3). 이 이름은 그렇지 않았습니다.',
    next: '이름을 수정된 UTF-7로 인코딩하세요 (메일 클라이언트가 대신 해 줍니다).',
  },
  'imap.list': {
    meaning:
      '패턴에 맞는 메일박스 하나와 그 속성(\\HasChildren, \\Noselect 등), 계층 구분자입니다 (RFC 3501 §7.2.2).',
    next: '모두 읽으세요. 태그 달린 OK가 목록의 끝입니다.',
  },
  'imap.lsub': {
    meaning: '패턴에 맞는 구독 메일박스 하나입니다 (RFC 3501 §7.2.3).',
    next: '모두 읽으세요. 태그 달린 OK가 목록의 끝입니다.',
  },
  'imap.list.ok': {
    meaning: '목록이 끝났습니다.',
    next: '목록에서 메일박스를 골라 SELECT하세요.',
  },
  'imap.status': {
    meaning: '선택하지 않은 메일박스의 요청한 값들입니다. MESSAGES, UNSEEN, UIDNEXT 등 (RFC 3501 §7.2.4).',
    next: '메일박스를 열지 않고 안 읽은 메일 수 등을 보여 줄 때 쓰세요.',
  },
  'imap.status.ok': {
    meaning: 'STATUS 명령이 끝났습니다.',
    next: '계속 진행하세요.',
  },
  'imap.append.ok': {
    meaning: '메시지가 추가되었습니다. [APPENDUID v u]는 메일박스의 UIDVALIDITY와 새 UID입니다 (RFC 4315).',
    next: '다시 찾아야 한다면 UID를 기억하세요.',
  },
  'imap.append.tryCreate': {
    meaning: '메일박스가 없습니다. [TRYCREATE]는 만들면 APPEND가 될 것이라는 뜻입니다 (RFC 3501 §6.3.11).',
    next: 'CREATE로 메일박스를 만든 뒤 APPEND를 다시 보내세요.',
  },
  'imap.append.tooBig': {
    meaning: '메시지가 서버가 받는 크기보다 큽니다.',
    next: '더 작은 메시지를 보내세요.',
  },
  'imap.check.ok': {
    meaning: '메일박스 상태가 저장되었습니다 (RFC 3501 §6.4.1).',
    next: '계속 진행하세요.',
  },
  'imap.close.ok': {
    meaning: '메일박스가 닫혔고, \\Deleted 메시지는 EXPUNGE 줄 없이 지워졌습니다 (RFC 3501 §6.4.2).',
    next: '다른 메일박스를 SELECT하거나 LOGOUT하세요.',
  },
  'imap.expunge': {
    meaning: 'n번 메시지가 완전히 지워졌습니다. 그 뒤의 메시지 번호는 하나씩 줄어듭니다 (RFC 3501 §7.4.1).',
    next: '보여 주는 번호를 고치세요. UID는 바뀌지 않습니다.',
  },
  'imap.expunge.ok': {
    meaning: '\\Deleted 플래그가 붙은 메시지가 지워졌습니다 (RFC 3501 §6.4.3).',
    next: '계속 진행하세요.',
  },
  'imap.search': {
    meaning: '조건에 맞는 메시지의 번호입니다(UID SEARCH면 UID) (RFC 3501 §7.2.5).',
    next: '보여 줄 메시지를 FETCH하세요.',
  },
  'imap.search.ok': {
    meaning: '검색이 끝났습니다.',
    next: '계속 진행하세요.',
  },
  'imap.search.badCharset': {
    meaning:
      '서버가 그 문자 집합으로는 검색할 수 없습니다. [BADCHARSET]에 가능한 것이 나옵니다 (RFC 3501 §6.4.4).',
    next: 'UTF-8이나 US-ASCII로 다시 검색하세요.',
  },
  'imap.fetch': {
    meaning:
      'n번 메시지의 데이터입니다. 플래그, 엔벨로프, 구조, UID, 본문 일부가 오고, 본문은 리터럴 {크기}로 올 수 있습니다 (RFC 3501 §7.4.2).',
    next: '받은 것을 보관하고, 본문은 열어 볼 때만 가져오세요.',
  },
  'imap.fetch.ok': {
    meaning:
      'FETCH가 끝났습니다. BODY[]를 가져오면 \\Seen이 붙고, BODY.PEEK[]는 붙지 않습니다 (RFC 3501 §6.4.5).',
    next: '계속 진행하세요.',
  },
  'imap.fetch.expunged': {
    meaning: '요청한 메시지 일부를 다른 세션이 지웠습니다. 나머지는 보냈습니다.',
    next: 'NOOP으로 EXPUNGE 소식을 받은 뒤 계속하세요.',
  },
  'imap.store.ok': {
    meaning:
      '플래그가 바뀌었습니다. .SILENT가 아니면 앞의 FETCH 줄들에 새 플래그가 나왔습니다 (RFC 3501 §6.4.6).',
    next: '계속하세요. \\Deleted 메시지는 다음 EXPUNGE나 CLOSE 때 지워집니다.',
  },
  'imap.store.recent': {
    meaning: '\\Recent는 서버가 정하는 플래그라 클라이언트가 바꿀 수 없습니다 (RFC 3501 §2.3.2).',
    next: '다른 플래그만 STORE하세요.',
  },
  'imap.copy.ok': {
    meaning:
      '메시지가 복사(또는 이동)되었습니다. [COPYUID v 이전 새]는 이전 UID와 새 UID를 짝지어 줍니다 (RFC 4315).',
    next: '계속 진행하세요.',
  },
  'imap.copy.move.ok': {
    meaning:
      'MOVE 중에 EXPUNGE 줄보다 먼저 옵니다. [COPYUID …]가 옮겨 간 메일박스에서의 새 UID를 알려 줍니다 (RFC 6851 §4.3).',
    next: '옮긴 메시지마다 EXPUNGE가 오고, 그다음 태그 달린 OK가 옵니다.',
  },
  'imap.copy.tryCreate': {
    meaning: '대상 메일박스가 없습니다. [TRYCREATE]는 만들면 될 것이라는 뜻입니다 (RFC 3501 §6.4.7).',
    next: 'CREATE로 메일박스를 만든 뒤 다시 시도하세요.',
  },
  'imap.copy.noselect': {
    meaning: '대상은 다른 메일박스만 담는 이름(\\Noselect)이라 메시지를 넣을 수 없습니다.',
    next: '그 아래의 메일박스로 복사하세요.',
  },
  'imap.copy.full': {
    meaning: '메일 저장소가 가득 차서 아무것도 복사하지 않았습니다.',
    next: '메시지를 EXPUNGE한 뒤 다시 시도하세요.',
  },
  'imap.idle.continue': {
    meaning: '서버가 IDLE 중입니다. 무언가 바뀌면 바로 EXISTS, EXPUNGE, FETCH 줄을 보냅니다 (RFC 2177).',
    next: '기다리세요. 멈추려면 DONE을 보내세요.',
  },
  'imap.idle.ok': {
    meaning: 'DONE 요청대로 IDLE이 끝났습니다 (RFC 2177).',
    next: '다음 명령을 보내세요.',
  },
  'imap.idle.notDone': {
    meaning: 'IDLE은 DONE으로만 끝낼 수 있습니다. 다른 것을 보내면 이렇게 거절하며 끝납니다 (RFC 2177 §3).',
    next: 'IDLE이 끝났으니 명령을 다시 보내세요.',
  },
  'imap.literal.continue': {
    meaning: '클라이언트가 알린 {n} 옥텟을 받을 준비가 되었습니다 (RFC 3501 §7.5).',
    next: '정확히 그만큼의 옥텟을 보내고, 이어서 명령의 나머지를 보내세요.',
  },
  'imap.error.readOnly': {
    meaning: '메일박스를 EXAMINE으로 읽기 전용으로 열어서 바꿀 수 없습니다.',
    next: '바꾸려면 SELECT로 여세요.',
  },
  'imap.error.notAuthenticated': {
    meaning: '이 명령은 로그인한 세션에서만 쓸 수 있습니다 (RFC 3501 §6.3).',
    next: '먼저 LOGIN하세요.',
  },
  'imap.error.alreadyAuthenticated': {
    meaning: '이미 로그인한 세션입니다. LOGIN은 인증 전 상태에서만 씁니다 (RFC 3501 §6.2).',
    next: 'SELECT나 LIST로 진행하세요.',
  },
  'imap.error.noMailbox': {
    meaning: '이 명령은 선택된 메일박스에 대해 동작하는데, 선택된 메일박스가 없습니다 (RFC 3501 §6.4).',
    next: '먼저 메일박스를 SELECT하세요.',
  },
  'imap.error.syntax': {
    meaning: '명령이 RFC 3501 문법에 맞지 않습니다. 문구가 어디가 틀렸는지 알려 줍니다 (RFC 3501 §9).',
    next: '명령을 고쳐서 다시 보내세요.',
  },
  'imap.error.unknownCommand': {
    meaning: '이 서버가 아는 IMAP 명령이 아닙니다.',
    next: '철자를 확인하세요. 모든 명령은 a001 NOOP처럼 태그로 시작합니다.',
  },
  'imap.error.untagged': {
    meaning: '줄에 쓸 수 있는 태그가 없어서 서버가 태그 없는 BAD로 답합니다 (RFC 3501 §7.1.3).',
    next: '모든 명령을 a001 같은 태그로 시작하세요.',
  },
  'imap.error.lineTooLong': {
    meaning: '명령 줄이 서버가 읽는 길이보다 길었습니다.',
    next: '더 짧게 보내세요. 긴 값은 리터럴 {n}로 보낼 수 있습니다.',
  },
  'imap.error.lineTooLongUntagged': {
    meaning: '너무 길어서 태그도 읽을 수 없는 줄이라 서버가 태그 없이 거절합니다.',
    next: '더 짧은 명령을 보내세요.',
  },
  'imap.error.literal': {
    meaning: '알린 리터럴이 너무 크거나, 알린 대로 보내지지 않았습니다.',
    next: '더 작은 리터럴을, 알린 옥텟 수 그대로 보내세요.',
  },
  'imap.error.noSuchMessage': {
    meaning: '메일박스에 그 번호의 메시지가 없습니다.',
    next: 'EXISTS 이하의 번호나, 마지막 메시지를 뜻하는 *를 쓰세요.',
  },
  'imap.error.badCharset': {
    meaning: '서버가 그 문자 집합을 모릅니다 (RFC 3501 §6.4.4).',
    next: 'UTF-8이나 US-ASCII를 쓰세요.',
  },
  'imap.fault.forced': {
    meaning: '선생님이 넣은 장애 때문에 서버가 평소라면 실행했을 명령을 NO로 거절했습니다.',
    next: '세션은 같은 상태에서 계속됩니다. 나중에 다시 시도하거나 LOGOUT 하세요.',
  },
};

/** imapReplyText explains every catalogued IMAP response; the Record types make a language incomplete without one. */
export const imapReplyText: Localized<Readonly<Record<ImapReplyId, ReplyExplanation>>> = { en: EN, ko: KO };
