// What each catalogued POP3 response means to a student and what the client should do next, keyed by catalogue id
// (`pop3.dele.ok`), English and Korean side by side. replyText.ts joins it to the other protocols' tables.
import type { Pop3ReplyId } from '../../protocols/pop3/lineFacts.ts';
import type { Localized } from './languageContext.ts';
import type { ReplyExplanation } from './replyExplanation.ts';

const EN: Readonly<Record<Pop3ReplyId, ReplyExplanation>> = {
  'pop3.greeting': {
    meaning: 'The POP3 server is ready; the session is in the AUTHORIZATION state (RFC 1939 §4).',
    next: 'Log in: USER with the mailbox name, then PASS.',
  },
  'pop3.greeting.apop': {
    meaning:
      'The server is ready and its greeting carries a timestamp in angle brackets, so it offers APOP (RFC 1939 §7).',
    next: 'Log in with USER and PASS, or with APOP: the name and the MD5 of the timestamp joined to the password.',
  },
  'pop3.capa': {
    meaning: 'The lines that follow list what this server supports, one capability a line (RFC 2449 §5).',
    next: 'Read up to the line holding only ".", then go on with the commands listed.',
  },
  'pop3.user.ok': {
    meaning: 'The server knows this mailbox name and waits for its password.',
    next: 'Send PASS with the password, right away.',
  },
  'pop3.user.unknown': {
    meaning: 'There is no mailbox by that name on this server.',
    next: 'Check the user name and send USER again, or QUIT.',
  },
  'pop3.pass.ok': {
    meaning:
      'The password was right: the maildrop is locked for this session and the session is in the TRANSACTION state (RFC 1939 §6).',
    next: 'Ask what is there with STAT or LIST, then RETR a message.',
  },
  'pop3.pass.failed': {
    meaning:
      'The password was wrong; [AUTH] says it is the credentials, not the server, at fault (RFC 3206).',
    next: 'Start again with USER, or QUIT.',
  },
  'pop3.apop.ok': {
    meaning:
      'The APOP digest was right, so the password never crossed the network: the session is in the TRANSACTION state (RFC 1939 §7).',
    next: 'Ask what is there with STAT or LIST, then RETR a message.',
  },
  'pop3.apop.failed': {
    meaning: 'The name or the APOP digest was wrong (RFC 1939 §7, RFC 3206).',
    next: 'Check the password the digest was made from, or log in with USER and PASS.',
  },
  'pop3.apop.notOffered': {
    meaning: 'APOP needs the timestamp of the greeting, and this greeting gave none.',
    next: 'Log in with USER and PASS instead.',
  },
  'pop3.auth.inUse': {
    meaning:
      'Another POP3 session holds the lock on this maildrop, so the server will not open it twice (RFC 1939 §8, RFC 2449 [IN-USE]).',
    next: 'Wait until the other session ends with QUIT, then log in again.',
  },
  'pop3.seq.needUser': {
    meaning: 'PASS only makes sense right after a USER the server accepted (RFC 1939 §7).',
    next: 'Send USER first, then PASS.',
  },
  'pop3.seq.needPass': {
    meaning: 'After USER the server expects the password and nothing else.',
    next: 'Send PASS, or QUIT.',
  },
  'pop3.seq.wrongState': {
    meaning:
      'This command is not allowed in the current state: mail commands need TRANSACTION, log-in commands AUTHORIZATION (RFC 1939 §3).',
    next: 'Log in first, or use a command this state allows.',
  },
  'pop3.stat': {
    meaning:
      'The "drop listing": how many messages the maildrop holds and their total size in octets (RFC 1939 §5).',
    next: 'LIST for each message’s size, or RETR one.',
  },
  'pop3.list': {
    meaning: 'A "scan listing" follows: one line per message, its number and size in octets (RFC 1939 §5).',
    next: 'Read up to the line holding only ".", then RETR the messages you want.',
  },
  'pop3.list.one': {
    meaning: 'The scan listing of one message: its number and size in octets.',
    next: 'RETR it, or go on.',
  },
  'pop3.uidl': {
    meaning:
      'A unique-id listing follows: each message’s number and an id that stays the same across sessions (RFC 1939 §7).',
    next: 'Compare the ids with the ones already downloaded, and RETR only the new messages.',
  },
  'pop3.uidl.one': {
    meaning: 'The unique id of one message, which stays the same across sessions (RFC 1939 §7).',
    next: 'Use it to tell whether you downloaded this message before.',
  },
  'pop3.retr': {
    meaning:
      'The whole message follows, dot-stuffed: a line starting with "." has one more "." in front (RFC 1939 §3, §5).',
    next: 'Read up to the line holding only ".", remove the added dots, then DELE it or go on.',
  },
  'pop3.top': {
    meaning: 'The message’s headers, a blank line and the first lines of its body follow (RFC 1939 §7).',
    next: 'Read up to the line holding only "."; RETR the whole message if you want it.',
  },
  'pop3.dele.ok': {
    meaning:
      'The message is only marked as deleted; it is removed when QUIT takes the session to the UPDATE state (RFC 1939 §5).',
    next: 'Carry on; RSET would unmark it, QUIT makes it final.',
  },
  'pop3.message.deleted': {
    meaning: 'That message is already marked as deleted in this session, so it cannot be used.',
    next: 'Use another message number, or RSET to unmark every message.',
  },
  'pop3.noSuchMessage': {
    meaning: 'There is no message with that number in the maildrop.',
    next: 'Use STAT or LIST to see the message numbers.',
  },
  'pop3.noop': {
    meaning: 'NOOP does nothing; the answer shows the server is still there (RFC 1939 §5).',
    next: 'Carry on.',
  },
  'pop3.rset': {
    meaning: 'Every message marked as deleted in this session is unmarked (RFC 1939 §5).',
    next: 'Carry on; nothing will be deleted unless you DELE again.',
  },
  'pop3.quit.ok': {
    meaning:
      'The server ends the session without touching the maildrop, since nobody logged in (RFC 1939 §4).',
    next: 'Nothing: the connection closes.',
  },
  'pop3.quit.updated': {
    meaning:
      'The session went through UPDATE: the messages marked as deleted are now removed and the lock is released (RFC 1939 §6).',
    next: 'Nothing: the connection closes.',
  },
  'pop3.quit.updateFailed': {
    meaning: 'The server could not remove some of the messages marked as deleted (RFC 1939 §6).',
    next: 'Connect again later: those messages are still in the maildrop.',
  },
  'pop3.error.unknownCommand': {
    meaning: 'Not a POP3 command this server knows.',
    next: 'Check the spelling; the session goes on in the same state.',
  },
  'pop3.error.notImplemented': {
    meaning: 'A command POP3 defines but this server does not carry out.',
    next: 'Use another command; the session goes on in the same state.',
  },
  'pop3.error.syntax': {
    meaning: 'The command is known but its arguments are not as RFC 1939 writes them.',
    next: 'Send it again in the form the reply shows.',
  },
  'pop3.error.badMessageNumber': {
    meaning: 'A message number is a plain decimal number starting at 1 (RFC 1939 §3).',
    next: 'Send the command again with a number from LIST.',
  },
  'pop3.error.badLineCount': {
    meaning:
      'TOP’s second argument is how many body lines to send, a decimal number from 0 up (RFC 1939 §7).',
    next: 'Send TOP again with a message number and a line count.',
  },
  'pop3.error.badDigest': {
    meaning: 'An APOP digest is the MD5 hash written as 32 lower-case hexadecimal digits (RFC 1939 §7).',
    next: 'Compute the digest again and resend APOP.',
  },
  'pop3.error.badCharacter': {
    meaning: 'POP3 commands are printable ASCII; the line held some other character (RFC 1939 §3).',
    next: 'Type the command again with plain ASCII.',
  },
  'pop3.error.lineTooLong': {
    meaning: 'A command line may be at most 255 octets long with its CRLF (RFC 2449 §4).',
    next: 'Send a shorter command.',
  },
  'pop3.fault.forced': {
    meaning: 'A fault the teacher set makes the server refuse a command it would otherwise have carried out.',
    next: 'The session goes on in the same state: try again, or QUIT.',
  },
};

const KO: Readonly<Record<Pop3ReplyId, ReplyExplanation>> = {
  'pop3.greeting': {
    meaning: 'POP3 서버가 준비되었습니다. 세션은 인증(AUTHORIZATION) 단계에 있습니다 (RFC 1939 §4).',
    next: 'USER로 메일박스 이름을, 이어서 PASS로 비밀번호를 보내 로그인하세요.',
  },
  'pop3.greeting.apop': {
    meaning:
      '서버가 준비되었고, 인사말의 꺾쇠괄호 안에 타임스탬프가 있어 APOP 로그인도 받습니다 (RFC 1939 §7).',
    next: 'USER와 PASS로, 또는 이름과 "타임스탬프+비밀번호"의 MD5 값을 APOP으로 보내 로그인하세요.',
  },
  'pop3.capa': {
    meaning: '이어지는 줄들은 이 서버가 지원하는 기능 목록으로, 한 줄에 하나씩입니다 (RFC 2449 §5).',
    next: '"." 한 글자만 있는 줄까지 읽고, 목록에 있는 명령으로 진행하세요.',
  },
  'pop3.user.ok': {
    meaning: '서버에 이 이름의 메일박스가 있고, 이제 비밀번호를 기다립니다.',
    next: '바로 PASS로 비밀번호를 보내세요.',
  },
  'pop3.user.unknown': {
    meaning: '이 서버에는 그런 이름의 메일박스가 없습니다.',
    next: '사용자 이름을 확인해서 USER를 다시 보내거나 QUIT하세요.',
  },
  'pop3.pass.ok': {
    meaning:
      '비밀번호가 맞았습니다. 이 세션이 메일박스에 잠금을 걸었고, 세션은 트랜잭션(TRANSACTION) 단계로 넘어갔습니다 (RFC 1939 §6).',
    next: 'STAT이나 LIST로 어떤 메일이 있는지 보고, RETR로 메시지를 가져오세요.',
  },
  'pop3.pass.failed': {
    meaning: '비밀번호가 틀렸습니다. [AUTH]는 서버가 아니라 인증 정보가 문제라는 표시입니다 (RFC 3206).',
    next: 'USER부터 다시 시작하거나 QUIT하세요.',
  },
  'pop3.apop.ok': {
    meaning:
      'APOP 다이제스트가 맞았습니다. 비밀번호 자체는 네트워크로 보내지 않았습니다. 세션은 트랜잭션(TRANSACTION) 단계에 있습니다 (RFC 1939 §7).',
    next: 'STAT이나 LIST로 어떤 메일이 있는지 보고, RETR로 메시지를 가져오세요.',
  },
  'pop3.apop.failed': {
    meaning: '이름이나 APOP 다이제스트가 틀렸습니다 (RFC 1939 §7, RFC 3206).',
    next: '다이제스트를 만든 비밀번호를 확인하거나, USER와 PASS로 로그인하세요.',
  },
  'pop3.apop.notOffered': {
    meaning: 'APOP에는 인사말의 타임스탬프가 필요한데, 이 서버의 인사말에는 타임스탬프가 없었습니다.',
    next: '대신 USER와 PASS로 로그인하세요.',
  },
  'pop3.auth.inUse': {
    meaning:
      '다른 POP3 세션이 이 메일박스에 잠금을 걸고 있어서, 서버가 같은 메일박스를 두 번 열지 않습니다 (RFC 1939 §8, RFC 2449 [IN-USE]).',
    next: '다른 세션이 QUIT으로 끝날 때까지 기다렸다가 다시 로그인하세요.',
  },
  'pop3.seq.needUser': {
    meaning: 'PASS는 서버가 받아들인 USER 바로 다음에만 보낼 수 있습니다 (RFC 1939 §7).',
    next: '먼저 USER를, 그다음 PASS를 보내세요.',
  },
  'pop3.seq.needPass': {
    meaning: 'USER 다음에는 서버가 비밀번호만 기다립니다.',
    next: 'PASS를 보내거나 QUIT하세요.',
  },
  'pop3.seq.wrongState': {
    meaning:
      '지금 단계에서는 쓸 수 없는 명령입니다. 메일을 다루는 명령은 트랜잭션 단계에서, 로그인 명령은 인증 단계에서만 쓸 수 있습니다 (RFC 1939 §3).',
    next: '먼저 로그인하거나, 지금 단계에서 허용되는 명령을 쓰세요.',
  },
  'pop3.stat': {
    meaning: '메일박스에 있는 메시지 수와 전체 크기(옥텟)입니다 (RFC 1939 §5).',
    next: 'LIST로 메시지별 크기를 보거나, RETR로 하나를 가져오세요.',
  },
  'pop3.list': {
    meaning: '메시지마다 한 줄씩, 번호와 크기(옥텟)가 이어집니다 (RFC 1939 §5).',
    next: '"." 한 글자만 있는 줄까지 읽고, 원하는 메시지를 RETR로 가져오세요.',
  },
  'pop3.list.one': {
    meaning: '메시지 하나의 번호와 크기(옥텟)입니다.',
    next: 'RETR로 가져오거나 다음으로 진행하세요.',
  },
  'pop3.uidl': {
    meaning: '메시지마다 번호와 고유 ID가 이어집니다. 고유 ID는 세션이 바뀌어도 그대로입니다 (RFC 1939 §7).',
    next: '이미 내려받은 ID와 비교해서 새 메시지만 RETR로 가져오세요.',
  },
  'pop3.uidl.one': {
    meaning: '메시지 하나의 고유 ID로, 세션이 바뀌어도 그대로입니다 (RFC 1939 §7).',
    next: '이 ID로 예전에 내려받은 메시지인지 알 수 있습니다.',
  },
  'pop3.retr': {
    meaning:
      '메시지 전체가 이어집니다. "."으로 시작하는 줄에는 앞에 "."이 하나 더 붙어 있습니다(dot-stuffing, RFC 1939 §3, §5).',
    next: '"." 한 글자만 있는 줄까지 읽고 덧붙은 점을 뗀 뒤, DELE로 지우거나 다음으로 진행하세요.',
  },
  'pop3.top': {
    meaning: '메시지의 헤더, 빈 줄, 본문의 처음 몇 줄이 이어집니다 (RFC 1939 §7).',
    next: '"." 한 글자만 있는 줄까지 읽으세요. 전체가 필요하면 RETR로 가져오세요.',
  },
  'pop3.dele.ok': {
    meaning:
      '메시지에 삭제 표시만 했습니다. 실제 삭제는 QUIT으로 갱신(UPDATE) 단계에 들어갈 때 일어납니다 (RFC 1939 §5).',
    next: '계속하세요. RSET은 표시를 지우고, QUIT은 삭제를 확정합니다.',
  },
  'pop3.message.deleted': {
    meaning: '이 세션에서 이미 삭제 표시를 한 메시지라 쓸 수 없습니다.',
    next: '다른 메시지 번호를 쓰거나, RSET으로 모든 삭제 표시를 지우세요.',
  },
  'pop3.noSuchMessage': {
    meaning: '메일박스에 그 번호의 메시지가 없습니다.',
    next: 'STAT이나 LIST로 메시지 번호를 확인하세요.',
  },
  'pop3.noop': {
    meaning:
      'NOOP은 아무 일도 하지 않습니다. 응답으로 서버가 아직 연결되어 있음을 알 수 있습니다 (RFC 1939 §5).',
    next: '계속 진행하세요.',
  },
  'pop3.rset': {
    meaning: '이 세션에서 삭제 표시한 메시지의 표시가 모두 지워졌습니다 (RFC 1939 §5).',
    next: '계속하세요. 다시 DELE하지 않으면 아무것도 지워지지 않습니다.',
  },
  'pop3.quit.ok': {
    meaning: '로그인하지 않았으므로 서버가 메일박스를 건드리지 않고 세션을 끝냅니다 (RFC 1939 §4).',
    next: '없습니다. 연결이 닫힙니다.',
  },
  'pop3.quit.updated': {
    meaning:
      '세션이 갱신(UPDATE) 단계를 거쳤습니다. 삭제 표시한 메시지가 이제 지워졌고 잠금이 풀렸습니다 (RFC 1939 §6).',
    next: '없습니다. 연결이 닫힙니다.',
  },
  'pop3.quit.updateFailed': {
    meaning: '삭제 표시한 메시지 가운데 일부를 서버가 지우지 못했습니다 (RFC 1939 §6).',
    next: '나중에 다시 접속하세요. 그 메시지들은 메일박스에 그대로 있습니다.',
  },
  'pop3.error.unknownCommand': {
    meaning: '이 서버가 아는 POP3 명령이 아닙니다.',
    next: '철자를 확인하세요. 세션은 같은 단계에서 계속됩니다.',
  },
  'pop3.error.notImplemented': {
    meaning: 'POP3에 정의되어 있지만 이 서버가 실행하지 않는 명령입니다.',
    next: '다른 명령을 쓰세요. 세션은 같은 단계에서 계속됩니다.',
  },
  'pop3.error.syntax': {
    meaning: '아는 명령이지만 인자가 RFC 1939의 형식과 다릅니다.',
    next: '응답에 나온 형식대로 다시 보내세요.',
  },
  'pop3.error.badMessageNumber': {
    meaning: '메시지 번호는 1부터 시작하는 십진수입니다 (RFC 1939 §3).',
    next: 'LIST에 나온 번호로 명령을 다시 보내세요.',
  },
  'pop3.error.badLineCount': {
    meaning: 'TOP의 두 번째 인자는 보낼 본문 줄 수로, 0 이상의 십진수입니다 (RFC 1939 §7).',
    next: '메시지 번호와 줄 수를 넣어 TOP을 다시 보내세요.',
  },
  'pop3.error.badDigest': {
    meaning: 'APOP 다이제스트는 MD5 해시를 16진수 32자리로 쓴 것입니다 (RFC 1939 §7).',
    next: '다이제스트를 다시 계산해서 APOP을 보내세요.',
  },
  'pop3.error.badCharacter': {
    meaning: 'POP3 명령은 출력 가능한 ASCII 문자로만 씁니다. 다른 문자가 섞여 있었습니다 (RFC 1939 §3).',
    next: 'ASCII 문자로만 명령을 다시 입력하세요.',
  },
  'pop3.error.lineTooLong': {
    meaning: '명령 한 줄은 CRLF를 포함해 최대 255옥텟입니다 (RFC 2449 §4).',
    next: '더 짧은 명령을 보내세요.',
  },
  'pop3.fault.forced': {
    meaning: '선생님이 넣은 장애 때문에 서버가 평소라면 실행했을 명령을 -ERR로 거절했습니다.',
    next: '세션은 같은 단계에서 계속됩니다. 다시 시도하거나 QUIT 하세요.',
  },
};

/** pop3ReplyText explains every catalogued POP3 response; the Record types make a language incomplete without one. */
export const pop3ReplyText: Localized<Readonly<Record<Pop3ReplyId, ReplyExplanation>>> = { en: EN, ko: KO };
