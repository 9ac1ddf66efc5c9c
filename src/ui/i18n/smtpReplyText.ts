// What each catalogued SMTP reply means to a student and what the client should do next, keyed by catalogue id
// (`smtp.rcpt.ok`), English and Korean side by side. replyText.ts joins it to the other protocols' tables.
import type { SmtpReplyId } from '../../protocols/smtp/replies.ts';
import type { Localized } from './languageContext.ts';
import type { ReplyExplanation } from './replyExplanation.ts';

const EN: Readonly<Record<SmtpReplyId, ReplyExplanation>> = {
  'smtp.greeting': {
    meaning: 'The server is ready (RFC 5321 §4.3.1).',
    next: 'Introduce yourself with EHLO (or HELO).',
  },
  'smtp.helo.ok': {
    meaning: 'The server accepted the greeting; no extensions are in use after HELO.',
    next: 'Start a mail transaction with MAIL FROM.',
  },
  'smtp.ehlo.ok': {
    meaning:
      'The server accepted EHLO; the lines after the first name the extensions it supports (RFC 5321 §4.1.1.1).',
    next: 'Use only the extensions listed, then send MAIL FROM.',
  },
  'smtp.mail.ok': {
    meaning: 'The sender (reverse-path) is recorded and a mail transaction has begun (RFC 5321 §3.3).',
    next: 'Name each recipient with RCPT TO.',
  },
  'smtp.rcpt.ok': {
    meaning: 'The server will take mail for this recipient.',
    next: 'Add more recipients, or send DATA.',
  },
  'smtp.data.start': {
    meaning: 'The server is waiting for the message itself (RFC 5321 §4.1.1.4).',
    next: 'Send the message lines, then a line holding only ".".',
  },
  'smtp.data.accepted': {
    meaning: 'The server has taken responsibility for delivering the message (RFC 5321 §6.1).',
    next: 'Send another message with MAIL FROM, or QUIT.',
  },
  'smtp.quit': {
    meaning: 'The server is closing the connection, as asked (RFC 5321 §4.1.1.10).',
    next: 'Nothing: the connection closes.',
  },
  'smtp.rset.ok': {
    meaning: 'Any sender, recipients and data of the current transaction are discarded (RFC 5321 §4.1.1.5).',
    next: 'Start again with MAIL FROM.',
  },
  'smtp.noop.ok': {
    meaning: 'NOOP does nothing; the reply shows the server is alive (RFC 5321 §4.1.1.9).',
    next: 'Carry on.',
  },
  'smtp.vrfy.cannotVerify': {
    meaning:
      'The server will not confirm whether a mailbox exists, which keeps address harvesters out (RFC 5321 §3.5.3, §7.3).',
    next: 'Just send the mail; RCPT TO will say whether the recipient is accepted.',
  },
  'smtp.vrfy.unknownUser': {
    meaning:
      'No mailbox of that name exists here. RFC 5321 §3.5.3 lets a server say so even if it will not confirm the names that do exist.',
    next: 'Check the spelling of the user name.',
  },
  'smtp.help': {
    meaning: 'Help text for a person at a terminal (RFC 5321 §4.1.1.8).',
    next: 'Carry on with any command listed.',
  },
  'smtp.auth.challenge': {
    meaning: 'The server asks the next question of the authentication exchange, in Base64 (RFC 4954 §4).',
    next: 'Answer with one line of Base64, or "*" to give up.',
  },
  'smtp.auth.ok': {
    meaning: 'The user name and password were right; this session is now authenticated (RFC 4954 §6).',
    next: 'Send MAIL FROM.',
  },
  'smtp.auth.failed': {
    meaning: 'The user name or password was wrong (RFC 4954 §6).',
    next: 'Check the credentials and try AUTH again.',
  },
  'smtp.auth.aborted': {
    meaning: 'The client answered "*", which cancels the exchange (RFC 4954 §4).',
    next: 'Try AUTH again or QUIT.',
  },
  'smtp.auth.badEncoding': {
    meaning: 'The answer was not valid Base64 or not in the form the mechanism needs (RFC 4954 §4).',
    next: 'Try AUTH again.',
  },
  'smtp.auth.unknownMechanism': {
    meaning: 'The server does not offer that SASL mechanism; EHLO lists the ones it does.',
    next: 'Use AUTH PLAIN or AUTH LOGIN.',
  },
  'smtp.auth.required': {
    meaning: 'This submission port takes mail only from authenticated users (RFC 4954 §6, RFC 6409 §4.3).',
    next: 'Authenticate with AUTH first.',
  },
  'smtp.auth.notEnabled': {
    meaning:
      'This server knows AUTH but does not offer it here: relay servers on port 25 take mail without logging in.',
    next: 'Send MAIL FROM without AUTH, or use the submission port 587.',
  },
  'smtp.auth.already': {
    meaning: 'Only one successful AUTH is allowed per session (RFC 4954 §4).',
    next: 'Carry on with MAIL FROM.',
  },
  'smtp.auth.inTransaction': {
    meaning: 'AUTH must come before MAIL FROM (RFC 4954 §4).',
    next: 'RSET, then AUTH.',
  },
  'smtp.seq.needHelo': {
    meaning: 'A mail transaction needs the client to introduce itself first (RFC 5321 §4.1.4).',
    next: 'Send EHLO or HELO.',
  },
  'smtp.seq.needEhlo': {
    meaning: 'After HELO no extensions may be used (RFC 5321 §4.1.1.1); AUTH is an extension.',
    next: 'Send EHLO, then AUTH.',
  },
  'smtp.seq.needMail': {
    meaning: 'Recipients belong to a mail transaction, which MAIL FROM begins (RFC 5321 §3.3).',
    next: 'Send MAIL FROM first.',
  },
  'smtp.seq.needMailForData': {
    meaning:
      'DATA carries the message of a mail transaction, and no transaction is open: MAIL FROM begins one (RFC 5321 §3.3).',
    next: 'Send MAIL FROM, then RCPT TO, then DATA.',
  },
  'smtp.seq.needRcpt': {
    meaning: 'DATA needs at least one accepted recipient (RFC 5321 §3.3).',
    next: 'Send RCPT TO first.',
  },
  'smtp.seq.nestedMail': {
    meaning: 'A transaction is already open; MAIL may not start another inside it (RFC 5321 §4.1.4).',
    next: 'Finish with DATA, or RSET.',
  },
  'smtp.seq.noService': {
    meaning: 'The server refused service in its greeting and now accepts only QUIT (RFC 5321 §3.1).',
    next: 'Send QUIT.',
  },
  'smtp.error.unrecognized': {
    meaning: 'The server does not know this command (RFC 5321 §4.2.4).',
    next: 'Check the spelling; HELP lists the commands.',
  },
  'smtp.error.lineTooLong': {
    meaning: 'A command line may hold at most 512 octets with its CRLF (RFC 5321 §4.5.3.1.4).',
    next: 'Send a shorter command.',
  },
  'smtp.error.notImplemented': {
    meaning: 'The command exists in SMTP, but this server does not carry it out (RFC 5321 §4.2.4).',
    next: 'Do without it.',
  },
  'smtp.syntax.arguments': {
    meaning: 'The command is known but its arguments are wrong; nothing changed (RFC 5321 §4.2.2).',
    next: 'Fix the arguments and send it again.',
  },
  'smtp.error.bareLf': {
    meaning:
      'The line ended with LF alone. SMTP lines end with CR LF (RFC 5321 §2.3.8); accepting a bare LF is what lets SMTP smuggling through, so the line is refused, at once.',
    next: 'End lines with CRLF: in netcat use nc -C, in telnet it is already so.',
  },
  'smtp.syntax.tabSeparator': {
    meaning:
      'A single space separates a command from its argument (RFC 5321 §4.1.1); a tab is not allowed there.',
    next: 'Type the command again with a space after the verb.',
  },
  'smtp.syntax.bareLineBreak': {
    meaning:
      'Only CR LF together may end a line; a lone CR or LF is refused rather than guessed at (RFC 5321 §2.3.8).',
    next: 'Send the command again with proper CRLF line ends.',
  },
  'smtp.helo.badDomain': {
    meaning: "EHLO and HELO take the client's own domain name or address literal (RFC 5321 §4.1.1.1).",
    next: 'Send e.g. "EHLO crepes.fr".',
  },
  'smtp.mail.badSender': {
    meaning: 'The reverse-path must be <local@domain> or <> (RFC 5321 §4.1.2).',
    next: 'Send e.g. "MAIL FROM:<alice@crepes.fr>".',
  },
  'smtp.rcpt.badRecipient': {
    meaning: 'The forward-path must be <local@domain> (RFC 5321 §4.1.2).',
    next: 'Send e.g. "RCPT TO:<bob@hamburger.edu>".',
  },
  'smtp.path.tooLong': {
    meaning: 'An address may hold at most 256 octets (RFC 5321 §4.5.3.1.3).',
    next: 'Use a shorter address.',
  },
  'smtp.params.bad': {
    meaning: 'A parameter such as SIZE= or BODY= has a wrong value or appears twice (RFC 1870, RFC 6152).',
    next: 'Fix the parameter.',
  },
  'smtp.params.notRecognized': {
    meaning: 'Parameters may be used only if EHLO advertised them (RFC 5321 §4.1.1.11).',
    next: 'Send the command without them.',
  },
  'smtp.mail.sizeExceeded': {
    meaning: "The SIZE= the client declared is over the server's limit (RFC 1870 §6).",
    next: 'Give up: the message is too big here.',
  },
  'smtp.rcpt.noStorage': {
    meaning:
      'The server has no room to store another message now (its mailboxes and queue are full), so it takes no new recipient (RFC 5321 §4.5.3.1.10).',
    next: 'Try again later, once messages have been read and deleted; the 4xx code means the refusal is temporary.',
  },
  'smtp.rcpt.unknownUser': {
    meaning: 'No mailbox of that name exists here.',
    next: 'Drop this recipient; tell the sender the address is wrong.',
  },
  'smtp.rcpt.relayDenied': {
    meaning:
      'The address belongs to another domain and this server does not relay for strangers (RFC 5321 §3.6, §7.1).',
    next: "Send to the recipient's own server (its MX), or authenticate on the submission port.",
  },
  'smtp.rcpt.relayRefused': {
    meaning:
      'The address belongs to another domain and this server does not relay for strangers (RFC 5321 §3.6, §7.1); sendmail says so with 550.',
    next: "Send to the recipient's own server (its MX), or authenticate on the submission port.",
  },
  'smtp.rcpt.tooMany': {
    meaning: 'The server holds no more recipients in this transaction (RFC 5321 §4.5.3.1.10).',
    next: 'Send DATA for those accepted; send the rest in a later transaction.',
  },
  'smtp.data.tooLarge': {
    meaning:
      'The message turned out bigger than the server allows; it was read to the end and discarded (RFC 5321 §4.5.3.1.9).',
    next: 'Give up: the message is too big here.',
  },
  'smtp.data.lineTooLong': {
    meaning:
      'A line of message text may hold at most 1000 octets with its CRLF (RFC 5321 §4.5.3.1.6); the message was discarded.',
    next: 'Re-encode the message (e.g. quoted-printable) so its lines are shorter.',
  },
  'smtp.data.bareLineBreak': {
    meaning:
      'Message text may end lines only with CR LF (RFC 5321 §2.3.8); the message was discarded rather than guessed at.',
    next: 'Send the message again with CRLF line ends.',
  },
  'smtp.service.closing': {
    meaning: 'The server is shutting down and closes the connection (RFC 5321 §3.8).',
    next: 'Try again later; the mail is not lost.',
  },
  'smtp.service.timeout': {
    meaning: 'The client was silent for longer than the server waits (RFC 5321 §4.5.3.2.7).',
    next: 'Reconnect and be quicker.',
  },
  'smtp.service.unavailable': {
    meaning: 'The server refuses mail on this connection but waits for QUIT (RFC 5321 §3.1).',
    next: 'Send QUIT.',
  },
  'smtp.mailbox.unavailable': {
    meaning: 'The mailbox cannot take mail just now (RFC 5321 §4.2.2).',
    next: 'Keep the message queued and retry later.',
  },
  'smtp.mailbox.full': {
    meaning: "The recipient's mailbox is over its storage quota (RFC 3463 X.2.2).",
    next: 'Return the message to its sender.',
  },
  'smtp.local.error': {
    meaning: 'Something went wrong inside the server (RFC 5321 §4.2.2).',
    next: 'Retry later.',
  },
  'smtp.fault.unavailable': {
    meaning:
      'A teacher made the server say it cannot serve now and is closing the connection (RFC 5321 §3.8).',
    next: 'Nothing is lost: the client keeps the message and tries again later.',
  },
  'smtp.fault.mailboxBusy': {
    meaning:
      'A teacher made the server refuse for now: the mailbox is busy or locked (RFC 5321 §4.2.3, 450).',
    next: 'A transient failure: the sender’s queue keeps the message and retries.',
  },
  'smtp.fault.localError': {
    meaning: 'A teacher made the server report a local error while processing (451): a transient failure.',
    next: 'The sender’s queue keeps the message and retries later.',
  },
  'smtp.fault.insufficientStorage': {
    meaning: 'A teacher made the server say it has no room for now (452): a transient failure.',
    next: 'The sender’s queue keeps the message and retries later.',
  },
  'smtp.fault.mailboxUnavailable': {
    meaning:
      'A teacher made the server refuse for good: the mailbox is unavailable (550), a permanent failure.',
    next: 'Do not retry: the sender’s server bounces the message to its sender with a delivery status notification.',
  },
  'smtp.fault.storageExceeded': {
    meaning: 'A teacher made the server refuse for good: the mailbox is over its storage allocation (552).',
    next: 'Do not retry: the sender’s server bounces the message to its sender.',
  },
  'smtp.fault.transactionFailed': {
    meaning: 'A teacher made the server refuse the transaction for good (554).',
    next: 'Do not retry: the sender’s server bounces the message to its sender.',
  },
  'smtp.fault.chosen': {
    meaning: 'A teacher chose this reply code; its first digit says what it means (RFC 5321 §4.2.1).',
    next: '2 means done, 3 go on, 4 try again later, 5 do not repeat the command.',
  },
};

const KO: Readonly<Record<SmtpReplyId, ReplyExplanation>> = {
  'smtp.greeting': {
    meaning: '서버가 메일을 받을 준비가 되었다는 인사입니다 (RFC 5321 §4.3.1).',
    next: 'EHLO(또는 HELO)로 자신을 소개하세요.',
  },
  'smtp.helo.ok': {
    meaning: '서버가 HELO 인사를 받아들였습니다. HELO 뒤에는 확장 기능을 쓸 수 없습니다.',
    next: 'MAIL FROM으로 메시지 전송을 시작하세요.',
  },
  'smtp.ehlo.ok': {
    meaning:
      '서버가 EHLO를 받아들였습니다. 첫 줄 다음 줄들은 서버가 지원하는 확장 기능입니다 (RFC 5321 §4.1.1.1).',
    next: '목록에 있는 확장 기능만 쓰고, MAIL FROM을 보내세요.',
  },
  'smtp.mail.ok': {
    meaning:
      '보내는 사람(엔벨로프의 reverse-path)이 기록되고 메일 트랜잭션이 시작되었습니다 (RFC 5321 §3.3).',
    next: 'RCPT TO로 받는 사람을 하나씩 알려 주세요.',
  },
  'smtp.rcpt.ok': {
    meaning: '서버가 이 받는 사람 앞으로 오는 메일을 받겠다고 했습니다.',
    next: '받는 사람을 더 추가하거나 DATA를 보내세요.',
  },
  'smtp.data.start': {
    meaning: '서버가 메시지 본문을 기다리고 있습니다 (RFC 5321 §4.1.1.4).',
    next: '메시지(헤더, 빈 줄, 본문)를 보내고, 마지막에 "." 한 글자만 있는 줄을 보내세요.',
  },
  'smtp.data.accepted': {
    meaning: '서버가 이 메시지의 배달 책임을 넘겨받았습니다 (RFC 5321 §6.1).',
    next: 'MAIL FROM으로 다른 메시지를 보내거나 QUIT으로 끝내세요.',
  },
  'smtp.quit': {
    meaning: '요청대로 서버가 연결을 끊습니다 (RFC 5321 §4.1.1.10).',
    next: '할 일 없음: 연결 종료가 이어집니다.',
  },
  'smtp.rset.ok': {
    meaning: '진행 중이던 트랜잭션의 보내는 사람, 받는 사람, 데이터가 모두 버려졌습니다 (RFC 5321 §4.1.1.5).',
    next: 'MAIL FROM으로 다시 시작하세요.',
  },
  'smtp.noop.ok': {
    meaning: 'NOOP은 아무 일도 하지 않습니다. 이 응답은 서버가 살아 있다는 뜻입니다 (RFC 5321 §4.1.1.9).',
    next: '하던 일을 계속하세요.',
  },
  'smtp.vrfy.cannotVerify': {
    meaning:
      '서버가 메일박스가 있는지 알려 주지 않습니다. 주소 수집을 막기 위해서입니다 (RFC 5321 §3.5.3, §7.3).',
    next: '그냥 메일을 보내세요. 받는 사람을 받아들이는지는 RCPT TO 응답으로 알 수 있습니다.',
  },
  'smtp.vrfy.unknownUser': {
    meaning:
      '이 서버에는 그런 이름의 메일박스가 없습니다. 있는 이름은 확인해 주지 않는 서버도 없는 이름은 없다고 말할 수 있습니다 (RFC 5321 §3.5.3).',
    next: '사용자 이름의 철자를 확인하세요.',
  },
  'smtp.help': {
    meaning: '터미널 앞의 사람을 위한 도움말입니다 (RFC 5321 §4.1.1.8).',
    next: '목록의 명령 중 하나로 계속하세요.',
  },
  'smtp.auth.challenge': {
    meaning: '서버가 인증 절차의 다음 질문을 Base64로 보냈습니다 (RFC 4954 §4).',
    next: 'Base64 한 줄로 답하거나, "*"로 인증을 포기하세요.',
  },
  'smtp.auth.ok': {
    meaning: '사용자 이름과 비밀번호가 맞습니다. 이제 이 세션은 인증된 상태입니다 (RFC 4954 §6).',
    next: 'MAIL FROM을 보내세요.',
  },
  'smtp.auth.failed': {
    meaning: '사용자 이름이나 비밀번호가 틀렸습니다 (RFC 4954 §6).',
    next: '인증 정보를 확인하고 AUTH를 다시 시도하세요.',
  },
  'smtp.auth.aborted': {
    meaning: '클라이언트가 "*"로 답해서 인증 절차가 취소되었습니다 (RFC 4954 §4).',
    next: 'AUTH를 다시 하거나 QUIT으로 끝내세요.',
  },
  'smtp.auth.badEncoding': {
    meaning: '답이 올바른 Base64가 아니거나, 인증 방식이 요구하는 형식이 아닙니다 (RFC 4954 §4).',
    next: 'AUTH를 다시 시도하세요.',
  },
  'smtp.auth.unknownMechanism': {
    meaning: '서버가 그 SASL 인증 방식을 제공하지 않습니다. 제공하는 방식은 EHLO 응답에 나옵니다.',
    next: 'AUTH PLAIN이나 AUTH LOGIN을 쓰세요.',
  },
  'smtp.auth.required': {
    meaning: '이 제출(submission) 포트는 인증된 사용자의 메일만 받습니다 (RFC 4954 §6, RFC 6409 §4.3).',
    next: '먼저 AUTH로 인증하세요.',
  },
  'smtp.auth.notEnabled': {
    meaning:
      '이 서버는 AUTH를 알지만 여기서는 제공하지 않습니다. 25번 포트의 중계 서버는 로그인 없이 메일을 받습니다.',
    next: 'AUTH 없이 MAIL FROM을 보내거나, 제출 포트 587을 쓰세요.',
  },
  'smtp.auth.already': {
    meaning: '한 세션에서 AUTH는 한 번만 성공할 수 있습니다 (RFC 4954 §4).',
    next: 'MAIL FROM으로 계속하세요.',
  },
  'smtp.auth.inTransaction': {
    meaning: 'AUTH는 MAIL FROM보다 먼저 와야 합니다 (RFC 4954 §4).',
    next: 'RSET을 보낸 다음 AUTH를 보내세요.',
  },
  'smtp.seq.needHelo': {
    meaning: '메일 트랜잭션을 시작하려면 클라이언트가 먼저 자신을 소개해야 합니다 (RFC 5321 §4.1.4).',
    next: 'EHLO나 HELO를 보내세요.',
  },
  'smtp.seq.needEhlo': {
    meaning: 'HELO 뒤에는 확장 기능을 쓸 수 없습니다 (RFC 5321 §4.1.1.1). AUTH도 확장 기능입니다.',
    next: 'EHLO를 보낸 다음 AUTH를 보내세요.',
  },
  'smtp.seq.needMail': {
    meaning: '받는 사람은 MAIL FROM으로 시작한 메일 트랜잭션 안에서만 지정할 수 있습니다 (RFC 5321 §3.3).',
    next: '먼저 MAIL FROM을 보내세요.',
  },
  'smtp.seq.needMailForData': {
    meaning:
      'DATA는 메일 트랜잭션의 메시지를 보내는 명령인데, 열린 트랜잭션이 없습니다. MAIL FROM이 트랜잭션을 시작합니다 (RFC 5321 §3.3).',
    next: 'MAIL FROM, RCPT TO, DATA 순서로 보내세요.',
  },
  'smtp.seq.needRcpt': {
    meaning: 'DATA를 보내려면 받아들여진 받는 사람이 적어도 한 명 있어야 합니다 (RFC 5321 §3.3).',
    next: '먼저 RCPT TO를 보내세요.',
  },
  'smtp.seq.nestedMail': {
    meaning:
      '이미 트랜잭션이 열려 있어서 그 안에서 MAIL로 새 트랜잭션을 시작할 수 없습니다 (RFC 5321 §4.1.4).',
    next: 'DATA로 마치거나 RSET으로 취소하세요.',
  },
  'smtp.seq.noService': {
    meaning: '서버가 인사에서 서비스를 거부했고, 이제 QUIT만 받습니다 (RFC 5321 §3.1).',
    next: 'QUIT을 보내세요.',
  },
  'smtp.error.unrecognized': {
    meaning: '서버가 모르는 명령입니다 (RFC 5321 §4.2.4).',
    next: '철자를 확인하세요. HELP를 보내면 명령 목록이 나옵니다.',
  },
  'smtp.error.lineTooLong': {
    meaning: '명령 한 줄은 CRLF를 포함해 최대 512옥텟입니다 (RFC 5321 §4.5.3.1.4).',
    next: '더 짧은 명령을 보내세요.',
  },
  'smtp.error.notImplemented': {
    meaning: 'SMTP에 있는 명령이지만 이 서버는 실행하지 않습니다 (RFC 5321 §4.2.4).',
    next: '그 명령 없이 진행하세요.',
  },
  'smtp.syntax.arguments': {
    meaning: '아는 명령이지만 인자가 잘못되었습니다. 상태는 바뀌지 않았습니다 (RFC 5321 §4.2.2).',
    next: '인자를 고쳐서 다시 보내세요.',
  },
  'smtp.error.bareLf': {
    meaning:
      '줄이 LF 하나로만 끝났습니다. SMTP의 줄은 CR LF로 끝납니다 (RFC 5321 §2.3.8). LF만으로 끝난 줄을 받아 주면 SMTP 스머글링이 가능해지므로 바로 거부합니다.',
    next: '줄 끝을 CRLF로 보내세요. netcat이라면 nc -C를 쓰고, telnet은 이미 그렇게 보냅니다.',
  },
  'smtp.syntax.tabSeparator': {
    meaning: '명령과 인자 사이는 공백 하나로 구분합니다 (RFC 5321 §4.1.1). 탭은 쓸 수 없습니다.',
    next: '명령 뒤에 공백을 넣어 다시 입력하세요.',
  },
  'smtp.syntax.bareLineBreak': {
    meaning:
      '줄은 CR LF 두 글자로만 끝날 수 있습니다. CR이나 LF 하나만 있으면 추측하지 않고 거부합니다 (RFC 5321 §2.3.8).',
    next: '줄 끝을 CRLF로 해서 명령을 다시 보내세요.',
  },
  'smtp.helo.badDomain': {
    meaning:
      'EHLO와 HELO에는 클라이언트 자신의 도메인 이름이나 주소 리터럴이 와야 합니다 (RFC 5321 §4.1.1.1).',
    next: '예: "EHLO crepes.fr"',
  },
  'smtp.mail.badSender': {
    meaning: 'reverse-path는 <local@domain> 또는 <> 형식이어야 합니다 (RFC 5321 §4.1.2).',
    next: '예: "MAIL FROM:<alice@crepes.fr>"',
  },
  'smtp.rcpt.badRecipient': {
    meaning: 'forward-path는 <local@domain> 형식이어야 합니다 (RFC 5321 §4.1.2).',
    next: '예: "RCPT TO:<bob@hamburger.edu>"',
  },
  'smtp.path.tooLong': {
    meaning: '주소는 최대 256옥텟입니다 (RFC 5321 §4.5.3.1.3).',
    next: '더 짧은 주소를 쓰세요.',
  },
  'smtp.params.bad': {
    meaning: 'SIZE=나 BODY= 같은 매개변수의 값이 잘못되었거나 두 번 나왔습니다 (RFC 1870, RFC 6152).',
    next: '매개변수를 고치세요.',
  },
  'smtp.params.notRecognized': {
    meaning: '매개변수는 EHLO 응답에 광고된 것만 쓸 수 있습니다 (RFC 5321 §4.1.1.11).',
    next: '매개변수 없이 명령을 보내세요.',
  },
  'smtp.mail.sizeExceeded': {
    meaning: '클라이언트가 SIZE=로 밝힌 크기가 서버의 한도를 넘습니다 (RFC 1870 §6).',
    next: '포기하세요: 이 서버에는 너무 큰 메시지입니다.',
  },
  'smtp.rcpt.noStorage': {
    meaning:
      '메일 서버에 메시지를 더 저장할 공간이 지금은 없어서 (메일박스와 메시지 큐가 가득 참) 새 받는 사람을 받지 않습니다 (RFC 5321 §4.5.3.1.10).',
    next: '메시지를 읽고 지운 뒤에 다시 보내세요. 4xx 코드이므로 일시적인 거절입니다.',
  },
  'smtp.rcpt.unknownUser': {
    meaning: '이 서버에 그런 이름의 메일박스가 없습니다.',
    next: '이 받는 사람은 빼고, 보낸 사람에게 주소가 틀렸다고 알리세요.',
  },
  'smtp.rcpt.relayDenied': {
    meaning: '다른 도메인의 주소인데, 이 서버는 모르는 사람을 위해 중계하지 않습니다 (RFC 5321 §3.6, §7.1).',
    next: '받는 사람의 서버(MX)로 직접 보내거나, 제출 포트에서 인증하세요.',
  },
  'smtp.rcpt.relayRefused': {
    meaning:
      '다른 도메인의 주소인데, 이 서버는 모르는 사람을 위해 중계하지 않습니다 (RFC 5321 §3.6, §7.1). sendmail은 이를 550으로 알립니다.',
    next: '받는 사람의 서버(MX)로 직접 보내거나, 제출 포트에서 인증하세요.',
  },
  'smtp.rcpt.tooMany': {
    meaning: '이 트랜잭션에서는 받는 사람을 더 받을 수 없습니다 (RFC 5321 §4.5.3.1.10).',
    next: '받아들여진 사람들에게 DATA를 보내고, 나머지는 다음 트랜잭션으로 보내세요.',
  },
  'smtp.data.tooLarge': {
    meaning: '메시지가 서버가 허용하는 크기보다 컸습니다. 끝까지 읽은 뒤 버렸습니다 (RFC 5321 §4.5.3.1.9).',
    next: '포기하세요: 이 서버에는 너무 큰 메시지입니다.',
  },
  'smtp.data.lineTooLong': {
    meaning: '메시지 한 줄은 CRLF를 포함해 최대 1000옥텟입니다 (RFC 5321 §4.5.3.1.6). 메시지는 버려졌습니다.',
    next: '줄이 짧아지도록 메시지를 다시 인코딩하세요 (예: quoted-printable).',
  },
  'smtp.data.bareLineBreak': {
    meaning: '메시지의 줄은 CR LF로만 끝나야 합니다 (RFC 5321 §2.3.8). 추측하지 않고 메시지를 버렸습니다.',
    next: '줄 끝을 CRLF로 해서 메시지를 다시 보내세요.',
  },
  'smtp.service.closing': {
    meaning: '서버가 종료되는 중이라 연결을 끊습니다 (RFC 5321 §3.8).',
    next: '나중에 다시 시도하세요. 메일은 사라지지 않습니다.',
  },
  'smtp.service.timeout': {
    meaning: '클라이언트가 서버가 기다려 주는 시간보다 오래 말이 없었습니다 (RFC 5321 §4.5.3.2.7).',
    next: '다시 연결해서 더 빨리 진행하세요.',
  },
  'smtp.service.unavailable': {
    meaning: '서버가 이 연결로는 메일을 받지 않지만 QUIT은 기다립니다 (RFC 5321 §3.1).',
    next: 'QUIT을 보내세요.',
  },
  'smtp.mailbox.unavailable': {
    meaning: '지금은 메일박스가 메일을 받을 수 없습니다 (RFC 5321 §4.2.2).',
    next: '메시지를 큐에 둔 채 나중에 다시 시도하세요.',
  },
  'smtp.mailbox.full': {
    meaning: '받는 사람의 메일박스가 저장 한도를 넘었습니다 (RFC 3463 X.2.2).',
    next: '메시지를 보낸 사람에게 되돌려 보내세요 (반송).',
  },
  'smtp.local.error': {
    meaning: '서버 내부에서 문제가 생겼습니다 (RFC 5321 §4.2.2).',
    next: '나중에 다시 시도하세요.',
  },
  'smtp.fault.unavailable': {
    meaning: '교사가 서버에게 지금은 서비스할 수 없어 연결을 닫는다고 답하게 했습니다 (RFC 5321 §3.8).',
    next: '잃는 것은 없습니다. 클라이언트가 메시지를 가지고 있다가 나중에 다시 보냅니다.',
  },
  'smtp.fault.mailboxBusy': {
    meaning: '교사가 서버에게 지금은 메일박스를 쓸 수 없다고(450) 답하게 했습니다. 일시적 실패입니다.',
    next: '보내는 쪽 메시지 큐가 메시지를 보관하고 다시 시도합니다.',
  },
  'smtp.fault.localError': {
    meaning: '교사가 서버에게 처리 중 내부 오류가 났다고(451) 답하게 했습니다. 일시적 실패입니다.',
    next: '보내는 쪽 메시지 큐가 메시지를 보관하고 나중에 다시 시도합니다.',
  },
  'smtp.fault.insufficientStorage': {
    meaning: '교사가 서버에게 지금은 저장 공간이 모자란다고(452) 답하게 했습니다. 일시적 실패입니다.',
    next: '보내는 쪽 메시지 큐가 메시지를 보관하고 나중에 다시 시도합니다.',
  },
  'smtp.fault.mailboxUnavailable': {
    meaning: '교사가 서버에게 메일박스를 쓸 수 없다고(550) 답하게 했습니다. 영구 실패입니다.',
    next: '다시 시도하지 않습니다. 보내는 쪽 서버가 전달 상태 알림(DSN)으로 보낸 사람에게 반송합니다.',
  },
  'smtp.fault.storageExceeded': {
    meaning: '교사가 서버에게 메일박스 용량을 넘었다고(552) 답하게 했습니다. 영구 실패입니다.',
    next: '다시 시도하지 않습니다. 보내는 쪽 서버가 보낸 사람에게 반송합니다.',
  },
  'smtp.fault.transactionFailed': {
    meaning: '교사가 서버에게 이 트랜잭션을 영구히 거부하게(554) 했습니다.',
    next: '다시 시도하지 않습니다. 보내는 쪽 서버가 보낸 사람에게 반송합니다.',
  },
  'smtp.fault.chosen': {
    meaning: '교사가 고른 응답 코드입니다. 첫 자리가 뜻을 말해 줍니다 (RFC 5321 §4.2.1).',
    next: '2는 완료, 3은 계속, 4는 나중에 다시 시도, 5는 같은 명령을 되풀이하지 말라는 뜻입니다.',
  },
};

/** smtpReplyText explains every catalogued SMTP reply; the Record types make a language incomplete without one. */
export const smtpReplyText: Localized<Readonly<Record<SmtpReplyId, ReplyExplanation>>> = { en: EN, ko: KO };
