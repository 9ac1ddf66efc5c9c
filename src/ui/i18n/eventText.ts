// Trace events in words, for the event list (the timeline's text alternative) and for tooltips: one table per
// language with an entry for every kind of event, so a new kind does not compile until both describe it.
import { escapeControls, shownLine } from '../../sim/shownLine.ts';
import type { DropReason } from '../../net/netEvents.ts';
import { formatRecord } from '../../protocols/dns/dnsMessage.ts';
import type { Fault, Input } from '../../sim/input.ts';
import { protocolTitle } from '../../sim/protocolForPort.ts';
import type {
  EventOf,
  FetchRetry,
  ImapReading,
  TerminalEnd,
  TraceEvent,
  TraceEventKind,
} from '../../sim/trace.ts';
import { wiresharkFlags } from '../../timeline/segmentLabel.ts';
import { failureText } from './failureText.ts';
import { formatDuration, type Language } from './language.ts';
import type { Localized } from './languageContext.ts';

/** EventCategory is the group an event is filtered by in the event list. */
export type EventCategory = 'tcp' | 'lines' | 'dns' | 'queue' | 'mailbox' | 'faults' | 'other';

/** EVENT_CATEGORIES lists the categories in the order the filter shows them. */
export const EVENT_CATEGORIES: readonly EventCategory[] = [
  'tcp',
  'lines',
  'dns',
  'queue',
  'mailbox',
  'faults',
  'other',
];

type KindWords = { readonly [K in TraceEventKind]: (event: EventOf<K>) => string };
type InputWords = {
  readonly [T in Input['type']]: (input: Extract<Input, { type: T }>) => string;
};
type FaultWords = {
  readonly [T in Fault['type']]: (fault: Extract<Fault, { type: T }>) => string;
};

/** EventWords is one language's way of telling events: a sentence per kind, and the words those sentences use. */
export interface EventWords {
  readonly kinds: KindWords;
  readonly inputs: InputWords;
  readonly faults: FaultWords;
  /** lasting adds how long a fault was given to last to what it does. */
  lasting(what: string, duration: string): string;
  readonly categories: Readonly<Record<EventCategory, string>>;
  /** tags are the short labels rows carry beside their time (a line's tag is its protocol instead). */
  readonly tags: Readonly<Record<EventCategory, string>>;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * formatClock writes virtual time since the scenario began as a clock reads, `00:30:32.245` (with `digits`
 * decimals of a second, 0 to 3), and `1d 02:00:00` once a day has passed. It reads the same in every language.
 */
export function formatClock(ms: number, digits = 3): string {
  const scale = 10 ** digits;
  const units = Math.round(Math.max(0, ms) / (1000 / scale));
  const fraction = units % scale;
  const total = Math.floor(units / scale);
  const days = Math.floor(total / 86_400);
  const rest = total % 86_400;
  const time = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  return `${days > 0 ? `${days}d ` : ''}${time}${digits > 0 ? `.${pad(fraction, digits)}` : ''}`;
}

function flags(e: EventOf<'tcp.segment'>): string {
  return wiresharkFlags(e.flags).join(', ');
}

function numbers(e: EventOf<'tcp.segment'>): string {
  return `seq=${e.seqNo}${e.flags.includes('ACK') ? ` ack=${e.ackNo}` : ''}`;
}

function records(e: EventOf<'dns.answer'>): string {
  return e.records.map(formatRecord).join('; ');
}

function angle(addresses: readonly string[]): string {
  return addresses.map((a) => `<${a}>`).join(', ');
}

const DROP_EN: Readonly<Record<DropReason, string>> = {
  loss: 'lost on the link',
  'link-down': 'the link is down',
  'host-down': 'the host is down',
  'no-route': 'no route to the host',
  'port-unreachable': 'no program listens on that port',
};
const DROP_KO: Readonly<Record<DropReason, string>> = {
  loss: '링크에서 유실됨',
  'link-down': '링크가 끊겨 있음',
  'host-down': '호스트가 꺼져 있음',
  'no-route': '호스트로 가는 경로 없음',
  'port-unreachable': '해당 포트에서 대기 중인 프로그램 없음',
};
const ERROR_EN = failureText.en.socket;
const ERROR_KO = failureText.ko.socket;
const DNS_EN = failureText.en.dns;
const DNS_KO = failureText.ko.dns;
type Stage = Extract<Fault, { type: 'smtp.reply' }>['stage'];
const STAGE_EN: Readonly<Record<Stage, string>> = {
  greeting: 'the greeting',
  helo: 'HELO/EHLO',
  mail: 'MAIL FROM',
  rcpt: 'RCPT TO',
  data: 'DATA',
  'data-end': 'the final “.”',
};
const STAGE_KO: Readonly<Record<Stage, string>> = {
  greeting: '접속 인사',
  helo: 'HELO/EHLO',
  mail: 'MAIL FROM',
  rcpt: 'RCPT TO',
  data: 'DATA',
  'data-end': '마지막 “.”',
};

function linkSettings(f: { latency?: number; jitter?: number; loss?: number }, ko: boolean): string {
  const parts: string[] = [];
  if (f.latency !== undefined) parts.push(`${ko ? '지연' : 'latency'} ${f.latency} ms`);
  if (f.jitter !== undefined) parts.push(`${ko ? '지터' : 'jitter'} ${f.jitter} ms`);
  if (f.loss !== undefined) parts.push(`${ko ? '손실률' : 'loss'} ${Math.round(f.loss * 1000) / 10}%`);
  return parts.join(', ');
}

const TERMINAL_END_EN: Readonly<Record<TerminalEnd, string>> = {
  closed: 'closed by the user',
  'closed-by-peer': 'closed by the server',
  reset: 'connection lost',
  'host-down': 'this host went down',
  failed: 'could not connect',
};

const TERMINAL_END_KO: Readonly<Record<TerminalEnd, string>> = {
  closed: '사용자가 닫음',
  'closed-by-peer': '서버가 닫음',
  reset: '연결이 끊김',
  'host-down': '이 호스트가 꺼짐',
  failed: '연결하지 못함',
};

// What a failed fetch adds about a resend: nothing for a request sent once; on the attempt that met the close of
// an idle kept-alive connection, why the browser sends it again; on the second attempt, that it is one.
const RETRY_EN: Readonly<Record<FetchRetry | 'once', string>> = {
  once: '',
  resending:
    '. The server closed the idle kept-alive connection before reading the request, so the browser sends it again on a new connection',
  resent: ' (sent again on a new connection)',
};
const RETRY_KO: Readonly<Record<FetchRetry | 'once', string>> = {
  once: '',
  resending: '. 서버가 요청을 읽기 전에 유휴 지속 연결을 닫았으므로 브라우저가 새 연결로 요청을 다시 보냄',
  resent: ' (새 연결로 다시 보낸 요청)',
};

const en: EventWords = {
  kinds: {
    'sim.start': (e) => `Simulation “${e.scenario}” starts (seed ${e.seed})`,
    input: (e) => describeInput(e.input, en),
    'fault.ended': (e) =>
      `Fault over after ${formatDuration(lastedFor(e.fault), 'en')}: ${describeFault(e.fault, en)}`,
    'tcp.segment': (e) =>
      `Sends TCP segment #${e.segment} [${flags(e)}] ${numbers(e)}, ` +
      (e.bytes === 0 ? 'no data' : `${e.bytes} bytes of data`) +
      (e.retransmission ? ' (retransmission)' : ''),
    'tcp.arrived': (e) => `Segment #${e.segment} arrives`,
    'tcp.dropped': (e) => `Segment #${e.segment} is lost at ${e.at}: ${DROP_EN[e.reason]}`,
    'tcp.state': (e) => `TCP port ${e.port}: ${e.from} → ${e.to}`,
    'tcp.error': (e) => `Connection ${e.conn} fails: ${ERROR_EN[e.error]}`,
    'udp.datagram': (e) => `Sends UDP datagram #${e.datagram} to port ${e.to.port}, ${e.bytes} bytes`,
    'udp.arrived': (e) => `Datagram #${e.datagram} arrives`,
    'udp.dropped': (e) => `Datagram #${e.datagram} is lost at ${e.at}: ${DROP_EN[e.reason]}`,
    'host.down': (e) => `${e.host} goes down`,
    'host.up': (e) => `${e.host} is up again`,
    'link.down': (e) => `Link ${e.link} goes down`,
    'link.up': (e) => `Link ${e.link} is up again`,
    'link.changed': (e) => `Link ${e.link} now has ${linkSettings(e, false)}`,
    'app.line': (e) =>
      `${protocolTitle(e.protocol)} ${e.from}: ${e.line === '' ? '(empty line)' : shownLine(e)}`,
    'conn.opened': (e) =>
      `Opens connection ${e.conn} to ${e.server} port ${e.port} (${protocolTitle(e.protocol)})`,
    'smtp.accepted': (e) =>
      `Takes responsibility for ${e.queueId} from <${e.from}> for ${e.recipients.map((r) => `<${r}>`).join(', ')}`,
    'terminal.connected': (e) => `Terminal connected to ${e.target} port ${e.port}`,
    'terminal.disconnected': (e) => `Terminal connection ends (${TERMINAL_END_EN[e.how]})`,
    'session.state': (e) => `${e.machine} machine: ${e.from} → ${e.to}`,
    'http.body': (e) =>
      `HTTP ${e.from}: body of ${e.size} octets${e.chunks === null ? '' : ` in ${e.chunks} chunks`}`,
    'http.exchange': (e) =>
      `HTTP request ${e.request} on ${e.conn}: ${e.method ?? '?'} ${e.target ?? '?'} answered ${e.status} ${e.reason} (${e.responseOctets} octets; connection ${e.connection === 'close' ? 'closed' : 'kept open'})`,
    'terminal.line': (e) =>
      `${e.stream === 'out' ? 'Terminal sends' : e.stream === 'in' ? 'Terminal receives' : 'Terminal'}: ${escapeControls(e.text)}`,
    'dns.query': (e) => `Asks ${e.server ?? 'its hosts table'} for the ${e.qtype} record of ${e.name}`,
    'dns.answer': (e) =>
      `${e.cached ? 'Answers from its DNS cache' : 'Learns'} ${e.name} ${e.qtype}: ${records(e) || 'no records'}`,
    'dns.failed': (e) =>
      `Gets no ${e.qtype} record for ${e.name}: ${DNS_EN[e.error]}${e.cached ? ', remembered in its DNS cache' : ''}`,
    'mailbox.stored': (e) => `Stores a message in ${e.user}’s ${e.folder} (UID ${e.uid}, ${e.size} bytes)`,
    'mailbox.flags': (e) =>
      `Message UID ${e.uid} in ${e.user}’s ${e.folder} now has flags ${e.flags.join(' ') || '(none)'}`,
    'mailbox.expunged': (e) => `Removes message UID ${e.uid} from ${e.user}’s ${e.folder}`,
    'mailbox.appended': (e) => `Appends a message to ${e.user}’s ${e.folder} (UID ${e.uid}, ${e.size} bytes)`,
    'mailbox.copied': (e) =>
      `Copies message UID ${e.uid} from ${e.user}’s ${e.folder} to ${e.to} (UID ${e.toUid} there)`,
    'mailbox.created': (e) => `Creates folder ${e.folder} for ${e.user}`,
    'mailbox.deleted': (e) =>
      `Deletes ${e.user}’s folder ${e.folder}${e.noselect ? ' (its subfolders stay, so the name stays as \\Noselect)' : ''}`,
    'mailbox.renamed': (e) => `Renames ${e.user}’s folder ${e.folder} to ${e.to}`,
    'queue.enqueued': (e) =>
      `Puts message ${e.queueId} in its queue: from <${e.from}> to ${angle(e.recipients)}`,
    'queue.attempt': (e) =>
      `Delivery attempt ${e.attempt} of ${e.queueId} to ${e.domain}` +
      (e.reused ? `, on reused connection ${e.reused.conn} (its message ${e.reused.use})` : ''),
    'queue.deferred': (e) =>
      `Delivery to <${e.recipient}> deferred: ${e.reason}. Next try at ${formatClock(e.nextAttemptAt, 0)}`,
    'queue.delivered': (e) => `Delivered to <${e.recipient}> at ${e.remote}: ${e.reply}`,
    'queue.warned': (e) => `Warns the sender that mail to ${angle(e.recipients)} is delayed`,
    'queue.bounced': (e) =>
      `Gives up on <${e.recipient}> (${e.status}: ${e.reason})` +
      (e.notice !== null ? '; a bounce goes back to the sender' : ''),
    'queue.removed': (e) => `Removes ${e.queueId} from its queue`,
    'ua.submitted': (e) =>
      e.direct
        ? `Sends ${e.messageId} straight to the recipients’ server, for ${angle(e.recipients)}`
        : `Submits ${e.messageId} to ${e.server ?? '?'} for ${angle(e.recipients)}`,
    'ua.result': (e) =>
      `${{ accepted: 'Submission accepted', partly: 'Submission partly accepted', failed: 'Submission failed' }[e.outcome]}: ${e.detail}`,
    'ua.fetched': (e) =>
      `Downloads ${e.messageId ?? `message ${e.uid}`} (${e.size} octets) from ${e.server} with ${e.protocol.toUpperCase()}`,
    'ua.fetchResult': (e) =>
      e.failure === null
        ? `Fetch done: ${e.count} new message${e.count === 1 ? '' : 's'} from ${e.server} (${e.folder === null ? `${e.listed ?? 0} listed${e.removed === null ? ', kept on the server' : `, ${e.removed} removed`}` : `headers of ${e.folder}`})`
        : `Fetch from ${e.server} failed: ${failureText.en.failure(e.failure, e.protocol.toUpperCase())}${e.count === 0 ? '' : ` (${e.count} downloaded before)`}`,
    'ua.imap': (e) => imapReadingEn(e.reading),
    'web.fetch': (e) =>
      e.status === null
        ? `The browser gets no answer to ${e.method} ${e.target}: ${e.failure === null ? '' : failureText.en.failure(e.failure, 'HTTP')}${RETRY_EN[e.retry ?? 'once']}`
        : `The browser gets ${e.status} ${e.reason} for ${e.method} ${e.target} (${e.size} octets, ${e.reused ? 'on the kept-alive connection' : e.retry === 'resent' ? 'sent again on a new connection' : 'on a new connection'})`,
    'web.page': (e) =>
      e.outcome === 'failed'
        ? `The browser cannot show ${e.site}${e.target}: ${e.failure === null ? '' : failureText.en.failure(e.failure, 'HTTP')}`
        : `The browser shows ${e.title ?? e.target} (${e.status}): ${e.objects} object${e.objects === 1 ? '' : 's'} in ${e.requests} request${e.requests === 1 ? '' : 's'} over ${e.connections.length} connection${e.connections.length === 1 ? '' : 's'}`,
    'webmail.session': (e) =>
      ({
        login: `${e.user} logs in to the webmail: the mail server took the password over IMAP`,
        refused: `The webmail refuses ${e.user}: the mail server did not take the password`,
        logout: `${e.user} logs out of the webmail`,
      })[e.action],
  },
  inputs: {
    'terminal.open': (i) => `${i.host}: opens a terminal connection — telnet ${i.target} ${i.port}`,
    'terminal.type': (i) => `${i.host}: types “${i.text}”`,
    'terminal.close': (i) => `${i.host}: closes the terminal connection`,
    'mail.send': (i) =>
      `${i.host}: the user sends “${i.subject || '(no subject)'}” to ${(i.to ?? []).join(', ')}`,
    'mail.fetch': (i) =>
      `${i.host}: the user fetches new mail with ${i.protocol.toUpperCase()}${i.protocol === 'pop3' ? (i.mode === 'keep' ? ' (download and keep)' : ' (download and delete)') : ''}`,
    'mail.open': (i) =>
      `${i.host}: the user opens message ${i.uid} in ${i.folder}${i.part ? ` (part ${i.part})` : ''}`,
    'mail.delete': (i) => `${i.host}: the user deletes message ${i.uid} in ${i.folder}`,
    'mail.move': (i) => `${i.host}: the user moves message ${i.uid} from ${i.folder} to ${i.to}`,
    'mail.flag': (i) =>
      `${i.host}: the user ${i.set ? 'sets' : 'clears'} ${i.flag} on message ${i.uid} in ${i.folder}`,
    'mail.search': (i) => `${i.host}: the user searches ${i.folder} for “${i.query}”`,
    'web.open': (i) => `${i.host}: the browser opens ${i.url}`,
    'web.login': (i) => `${i.host}: the user logs in to the webmail as ${i.user}`,
    'web.read': (i) => `${i.host}: the user opens message ${i.uid} in the webmail`,
    'web.send': (i) =>
      `${i.host}: the user sends “${i.subject || '(no subject)'}” from the webmail to ${i.to.join(', ')}`,
    fault: (i) => `Fault: ${describeFault(i.fault, en)}`,
  },
  lasting: (what, duration) => `${what}, for ${duration}`,
  faults: {
    'host.down': (f) =>
      `${f.host} is switched off${f.mode === 'shutdown' ? ' (orderly shutdown)' : ' (crash)'}`,
    'host.up': (f) => `${f.host} is switched back on`,
    'service.down': (f) => `the SMTP service on ${f.host} stops`,
    'service.up': (f) => `the SMTP service on ${f.host} starts again`,
    'smtp.reply': (f) =>
      `${f.host} will answer ${STAGE_EN[f.stage]} with ${f.code}${f.text ? ` ${f.text}` : ''}`,
    'smtp.dropFinalReply': (f) => `${f.host} will not answer the final “.” (${f.count ?? 1}×)`,
    'smtp.normal': (f) => `${f.host} answers normally again`,
    'pop3.reply': (f) => `${f.host} will answer POP3 ${f.command} with -ERR${f.text ? ` ${f.text}` : ''}`,
    'pop3.normal': (f) => `${f.host} answers POP3 normally again`,
    'imap.reply': (f) => `${f.host} will answer IMAP ${f.command} with NO${f.text ? ` ${f.text}` : ''}`,
    'imap.normal': (f) => `${f.host} answers IMAP normally again`,
    'http.reply': (f) =>
      `${f.host} will answer HTTP requests${f.path ? ` for ${f.path}` : ''} with ${f.status}${f.text ? ` ${f.text}` : ''}`,
    'http.normal': (f) => `${f.host} answers HTTP normally again`,
    'queue.flush': (f) => `${f.host} retries its queue now`,
    'queue.connectionCache': (f) =>
      f.on
        ? `${f.host} reuses a connection for more messages to the same destination`
        : `${f.host} opens a new connection for each message`,
    'link.down': (f) => `link ${f.link} is cut`,
    'link.up': (f) => `link ${f.link} is restored`,
    'link.set': (f) => `link ${f.link} set to ${linkSettings(f, false)}`,
  },
  categories: {
    tcp: 'TCP/UDP',
    lines: 'Protocol lines',
    dns: 'DNS',
    queue: 'Submission & queue',
    mailbox: 'Mailbox',
    faults: 'Faults',
    other: 'Other',
  },
  tags: {
    tcp: 'TCP',
    lines: 'Line',
    dns: 'DNS',
    queue: 'Queue',
    mailbox: 'Mailbox',
    faults: 'Fault',
    other: 'Other',
  },
};

const ko: EventWords = {
  kinds: {
    'sim.start': (e) => `“${e.scenario}” 시뮬레이션 시작 (시드 ${e.seed})`,
    input: (e) => describeInput(e.input, ko),
    'fault.ended': (e) =>
      `장애 종료 (${formatDuration(lastedFor(e.fault), 'ko')} 지남): ${describeFault(e.fault, ko)}`,
    'tcp.segment': (e) =>
      `TCP 세그먼트 #${e.segment} [${flags(e)}] ${numbers(e)} 전송, ` +
      (e.bytes === 0 ? '데이터 없음' : `데이터 ${e.bytes}바이트`) +
      (e.retransmission ? ' (재전송)' : ''),
    'tcp.arrived': (e) => `세그먼트 #${e.segment} 도착`,
    'tcp.dropped': (e) => `세그먼트 #${e.segment} 손실 (${e.at}): ${DROP_KO[e.reason]}`,
    'tcp.state': (e) => `TCP 포트 ${e.port} 상태: ${e.from} → ${e.to}`,
    'tcp.error': (e) => `연결 ${e.conn} 실패: ${ERROR_KO[e.error]}`,
    'udp.datagram': (e) => `UDP 데이터그램 #${e.datagram} 전송 (포트 ${e.to.port}), ${e.bytes}바이트`,
    'udp.arrived': (e) => `데이터그램 #${e.datagram} 도착`,
    'udp.dropped': (e) => `데이터그램 #${e.datagram} 손실 (${e.at}): ${DROP_KO[e.reason]}`,
    'host.down': (e) => `${e.host} 꺼짐`,
    'host.up': (e) => `${e.host} 다시 켜짐`,
    'link.down': (e) => `링크 ${e.link} 끊김`,
    'link.up': (e) => `링크 ${e.link} 복구`,
    'link.changed': (e) => `링크 ${e.link} 설정 변경: ${linkSettings(e, true)}`,
    'app.line': (e) =>
      `${protocolTitle(e.protocol)} ${e.from === 'client' ? '클라이언트' : '서버'}: ${e.line === '' ? '(빈 줄)' : shownLine(e)}`,
    'conn.opened': (e) => `${e.server} ${e.port}번 포트로 연결 ${e.conn} 시작 (${protocolTitle(e.protocol)})`,
    'smtp.accepted': (e) =>
      `<${e.from}>가 <${e.recipients.join('>, <')}>에게 보내는 ${e.queueId}의 전달 책임을 맡음`,
    'terminal.connected': (e) => `터미널이 ${e.target} ${e.port}번 포트에 연결됨`,
    'terminal.disconnected': (e) => `터미널 연결 끝남 (${TERMINAL_END_KO[e.how]})`,
    'session.state': (e) => `${e.machine} 상태 기계: ${e.from} → ${e.to}`,
    'http.body': (e) =>
      `HTTP ${e.from === 'client' ? '클라이언트' : '서버'}: 본문 ${e.size}바이트${e.chunks === null ? '' : ` (청크 ${e.chunks}개)`}`,
    'http.exchange': (e) =>
      `${e.conn}의 HTTP 요청 ${e.request}: ${e.method ?? '?'} ${e.target ?? '?'} → ${e.status} ${e.reason} (${e.responseOctets}바이트, 연결 ${e.connection === 'close' ? '닫음' : '유지'})`,
    'terminal.line': (e) =>
      `${e.stream === 'out' ? '터미널 송신' : e.stream === 'in' ? '터미널 수신' : '터미널 알림'}: ${escapeControls(e.text)}`,
    'dns.query': (e) => `${e.server ?? '로컬 hosts 표'}에 ${e.name}의 ${e.qtype} 레코드 질의`,
    'dns.answer': (e) =>
      `${e.name} ${e.qtype} ${e.cached ? 'DNS 캐시에서 응답' : '응답 수신'}: ${records(e) || '레코드 없음'}`,
    'dns.failed': (e) =>
      `${e.name} ${e.qtype} 조회 실패: ${DNS_KO[e.error]}${e.cached ? ' (DNS 캐시에 기억된 응답)' : ''}`,
    'mailbox.stored': (e) => `${e.user}의 메일박스 ${e.folder}에 메시지 저장 (UID ${e.uid}, ${e.size}바이트)`,
    'mailbox.flags': (e) =>
      `${e.user}의 ${e.folder} 메시지 UID ${e.uid} 플래그: ${e.flags.join(' ') || '(없음)'}`,
    'mailbox.expunged': (e) => `${e.user}의 ${e.folder}에서 메시지 UID ${e.uid} 삭제`,
    'mailbox.appended': (e) => `${e.user}의 ${e.folder}에 메시지 추가 (UID ${e.uid}, ${e.size}바이트)`,
    'mailbox.copied': (e) =>
      `${e.user}의 ${e.folder}에서 메시지 UID ${e.uid}를 ${e.to}로 복사 (그곳 UID ${e.toUid})`,
    'mailbox.created': (e) => `${e.user}의 폴더 ${e.folder} 생성`,
    'mailbox.deleted': (e) =>
      `${e.user}의 폴더 ${e.folder} 삭제${e.noselect ? ' (하위 폴더가 있어 이름은 \\Noselect로 남음)' : ''}`,
    'mailbox.renamed': (e) => `${e.user}의 폴더 ${e.folder} 이름을 ${e.to}(으)로 변경`,
    'queue.enqueued': (e) => `메시지 큐에 ${e.queueId} 추가: <${e.from}> → ${angle(e.recipients)}`,
    'queue.attempt': (e) =>
      `${e.queueId}의 ${e.attempt}번째 전달 시도 (${e.domain}` +
      (e.reused ? `, 연결 ${e.reused.conn} 재사용: 이 연결의 ${e.reused.use}번째 메시지)` : ')'),
    'queue.deferred': (e) =>
      `<${e.recipient}> 전달 연기: ${e.reason}. 다음 시도 ${formatClock(e.nextAttemptAt, 0)}`,
    'queue.delivered': (e) => `<${e.recipient}> 전달 완료 (${e.remote}): ${e.reply}`,
    'queue.warned': (e) => `발신자에게 ${angle(e.recipients)} 앞 메일의 지연을 알림`,
    'queue.bounced': (e) =>
      `<${e.recipient}> 전달 포기 (${e.status}: ${e.reason})` +
      (e.notice !== null ? ' · 발신자에게 반송 메시지 발송' : ''),
    'queue.removed': (e) => `메시지 큐에서 ${e.queueId} 제거`,
    'ua.submitted': (e) =>
      e.direct
        ? `받는 쪽 메일 서버로 ${e.messageId} 직접 전송 (받는 사람 ${angle(e.recipients)})`
        : `${e.server ?? '?'}에 ${e.messageId} 제출 (받는 사람 ${angle(e.recipients)})`,
    'ua.result': (e) =>
      `${{ accepted: '제출 수락됨', partly: '제출 일부만 수락됨', failed: '제출 실패' }[e.outcome]}: ${e.detail}`,
    'ua.fetched': (e) =>
      `${e.server}에서 ${e.protocol.toUpperCase()}로 ${e.messageId ?? `메시지 ${e.uid}`} 내려받음 (${e.size} 옥텟)`,
    'ua.fetchResult': (e) =>
      e.failure === null
        ? `메일 가져오기 완료: ${e.server}에서 새 메시지 ${e.count}개 (${e.folder === null ? `목록 ${e.listed ?? 0}개${e.removed === null ? ', 서버에 유지' : `, ${e.removed}개 삭제`}` : `${e.folder}의 헤더`})`
        : `${e.server}에서 메일 가져오기 실패: ${failureText.ko.failure(e.failure, e.protocol.toUpperCase())}${e.count === 0 ? '' : ` (그 전에 ${e.count}개 다운로드)`}`,
    'ua.imap': (e) => imapReadingKo(e.reading),
    'web.fetch': (e) =>
      e.status === null
        ? `브라우저가 ${e.method} ${e.target}의 응답을 받지 못함: ${e.failure === null ? '' : failureText.ko.failure(e.failure, 'HTTP')}${RETRY_KO[e.retry ?? 'once']}`
        : `브라우저가 ${e.method} ${e.target}에 대해 ${e.status} ${e.reason} 응답을 받음 (${e.size}바이트, ${e.reused ? '유지된 연결 재사용' : e.retry === 'resent' ? '새 연결로 다시 보냄' : '새 연결'})`,
    'web.page': (e) =>
      e.outcome === 'failed'
        ? `브라우저가 ${e.site}${e.target}을(를) 표시하지 못함: ${e.failure === null ? '' : failureText.ko.failure(e.failure, 'HTTP')}`
        : `브라우저가 ${e.title ?? e.target} 페이지를 표시 (${e.status}): 연결 ${e.connections.length}개에서 요청 ${e.requests}번, 객체 ${e.objects}개`,
    'webmail.session': (e) =>
      ({
        login: `${e.user} 사용자가 웹메일에 로그인: 메일 서버가 IMAP으로 비밀번호를 확인함`,
        refused: `웹메일이 ${e.user} 사용자의 로그인을 거절: 메일 서버가 비밀번호를 받아들이지 않음`,
        logout: `${e.user} 사용자가 웹메일에서 로그아웃`,
      })[e.action],
  },
  inputs: {
    'terminal.open': (i) => `${i.host}: 터미널 연결 열기 — telnet ${i.target} ${i.port}`,
    'terminal.type': (i) => `${i.host}: “${i.text}” 입력`,
    'terminal.close': (i) => `${i.host}: 터미널 연결 닫기`,
    'mail.send': (i) =>
      `${i.host}: 사용자가 ${(i.to ?? []).join(', ')} 앞으로 메일 “${i.subject || '(제목 없음)'}” 발송`,
    'mail.fetch': (i) =>
      `${i.host}: 사용자가 ${i.protocol.toUpperCase()}로 새 메일 가져오기${i.protocol === 'pop3' ? (i.mode === 'keep' ? ' (내려받고 남겨 두기)' : ' (내려받고 지우기)') : ''}`,
    'mail.open': (i) =>
      `${i.host}: 사용자가 ${i.folder}의 메시지 ${i.uid} 열기${i.part ? ` (파트 ${i.part})` : ''}`,
    'mail.delete': (i) => `${i.host}: 사용자가 ${i.folder}의 메시지 ${i.uid} 삭제`,
    'mail.move': (i) => `${i.host}: 사용자가 메시지 ${i.uid}를 ${i.folder}에서 ${i.to}(으)로 이동`,
    'mail.flag': (i) =>
      `${i.host}: 사용자가 ${i.folder}의 메시지 ${i.uid}에 ${i.flag} ${i.set ? '설정' : '해제'}`,
    'mail.search': (i) => `${i.host}: 사용자가 ${i.folder}에서 “${i.query}” 검색`,
    'web.open': (i) => `${i.host}: 브라우저가 ${i.url} 열기`,
    'web.login': (i) => `${i.host}: 사용자가 ${i.user}(으)로 웹메일에 로그인`,
    'web.read': (i) => `${i.host}: 사용자가 웹메일에서 메시지 ${i.uid} 열기`,
    'web.send': (i) =>
      `${i.host}: 사용자가 웹메일에서 “${i.subject || '(제목 없음)'}”을(를) ${i.to.join(', ')}에게 보냄`,
    fault: (i) => `장애 주입: ${describeFault(i.fault, ko)}`,
  },
  lasting: (what, duration) => `${what} (${duration} 동안)`,
  faults: {
    'host.down': (f) => `${f.host} 전원 끔${f.mode === 'shutdown' ? ' (정상 종료)' : ' (비정상 종료)'}`,
    'host.up': (f) => `${f.host} 전원 다시 켬`,
    'service.down': (f) => `${f.host}의 SMTP 서비스 중지`,
    'service.up': (f) => `${f.host}의 SMTP 서비스 재시작`,
    'smtp.reply': (f) => `${f.host}: ${STAGE_KO[f.stage]}에 ${f.code}${f.text ? ` ${f.text}` : ''} 응답`,
    'smtp.dropFinalReply': (f) => `${f.host}: 마지막 “.”에 응답하지 않음 (${f.count ?? 1}회)`,
    'smtp.normal': (f) => `${f.host}: 다시 정상 응답`,
    'pop3.reply': (f) => `${f.host}: POP3 ${f.command}에 -ERR${f.text ? ` ${f.text}` : ''} 응답`,
    'pop3.normal': (f) => `${f.host}: POP3 다시 정상 응답`,
    'imap.reply': (f) => `${f.host}: IMAP ${f.command} 명령에 NO${f.text ? ` ${f.text}` : ''} 응답`,
    'imap.normal': (f) => `${f.host}: IMAP 다시 정상 응답`,
    'http.reply': (f) =>
      `${f.host}: ${f.path ? `${f.path} 아래 ` : ''}HTTP 요청에 ${f.status}${f.text ? ` ${f.text}` : ''} 응답`,
    'http.normal': (f) => `${f.host}: HTTP 다시 정상 응답`,
    'queue.flush': (f) => `${f.host}: 메시지 큐 즉시 재시도`,
    'queue.connectionCache': (f) =>
      f.on ? `${f.host}: 같은 목적지로 가는 메시지는 연결 하나를 재사용` : `${f.host}: 메시지마다 새 연결`,
    'link.down': (f) => `링크 ${f.link} 끊음`,
    'link.up': (f) => `링크 ${f.link} 복구`,
    'link.set': (f) => `링크 ${f.link} 설정 변경: ${linkSettings(f, true)}`,
  },
  categories: {
    tcp: 'TCP/UDP',
    lines: '명령·응답',
    dns: 'DNS',
    queue: '제출·메시지 큐',
    mailbox: '메일박스',
    faults: '장애',
    other: '기타',
  },
  tags: {
    tcp: 'TCP',
    lines: '명령',
    dns: 'DNS',
    queue: '큐',
    mailbox: '메일박스',
    faults: '장애',
    other: '기타',
  },
};

/** eventText is the catalogue of event sentences, by language. */
export const eventText: Localized<EventWords> = { en, ko };

// The tables are keyed by kind and type, so each entry takes exactly its own variant; TypeScript cannot follow
// that correlation through an index, hence the one cast in each of these three.
function describeInput(input: Input, words: EventWords): string {
  return (words.inputs[input.type] as (i: Input) => string)(input);
}

/** faultWords says what a fault does, and for how long when it was given a duration, in `language`. */
export function faultWords(fault: Fault, language: Language): string {
  return describeFault(fault, eventText[language]);
}

function describeFault(fault: Fault, words: EventWords): string {
  const what = (words.faults[fault.type] as (f: Fault) => string)(fault);
  const lasting = lastedFor(fault);
  return lasting > 0 ? words.lasting(what, formatDuration(lasting, words === ko ? 'ko' : 'en')) : what;
}

// How long a fault was given to last (0 when it lasts until undone).
function lastedFor(fault: Fault): number {
  return 'for' in fault ? (fault.for ?? 0) : 0;
}

/** describe tells what an event is, in words, in `language`; protocol lines stay as they were on the wire. */
export function describe(event: TraceEvent, language: Language): string {
  return (eventText[language].kinds[event.kind] as (e: TraceEvent) => string)(event);
}

/** eventCategory is the filter group of an event. */
export function eventCategory(event: TraceEvent): EventCategory {
  const kind = event.kind;
  if (kind === 'app.line' || kind === 'terminal.line') return 'lines';
  if (kind === 'input') return event.input.type === 'fault' ? 'faults' : 'other';
  if (kind === 'fault.ended') return 'faults';
  if (kind.startsWith('tcp.') || kind.startsWith('udp.')) return 'tcp';
  if (kind.startsWith('dns.')) return 'dns';
  if (kind.startsWith('queue.') || kind.startsWith('ua.')) return 'queue';
  if (kind.startsWith('mailbox.')) return 'mailbox';
  if (kind.startsWith('host.') || kind.startsWith('link.')) return 'faults';
  return 'other';
}

/** eventTag is the short label of a row: the protocol of a line (`SMTP`), `UDP` for datagrams, else its group. */
export function eventTag(event: TraceEvent, language: Language): string {
  if (event.kind === 'app.line') return protocolTitle(event.protocol);
  if (event.kind.startsWith('udp.')) return 'UDP';
  return eventText[language].tags[eventCategory(event)];
}

/**
 * eventHosts names who an event concerns, `alice-pc → crepes.fr` for things sent. Hosts are named by `label`
 * (a scenario's names for its hosts in the reader's language); by default by their ids, as the trace has them.
 */
export function eventHosts(event: TraceEvent, label: (host: string) => string = (host) => host): string {
  switch (event.kind) {
    case 'tcp.segment':
    case 'udp.datagram':
      return `${label(event.from.host)} → ${label(event.to.host)}`;
    case 'dns.query':
      return event.server === null ? label(event.host) : `${label(event.host)} → ${label(event.server)}`;
    case 'tcp.dropped':
    case 'udp.dropped':
      return label(event.at);
    case 'link.down':
    case 'link.up':
    case 'link.changed':
      return event.link;
    case 'queue.delivered':
      return `${label(event.host)} → ${label(event.remote)}`;
    case 'conn.opened':
      return `${label(event.client)} → ${label(event.server)}`;
    case 'input': {
      const input = event.input;
      if (input.type !== 'fault') return label(input.host);
      return 'host' in input.fault ? label(input.fault.host) : input.fault.link;
    }
    case 'fault.ended':
      return 'host' in event.fault ? label(event.fault.host) : event.fault.link;
    case 'sim.start':
      return '';
    default:
      return label(event.host);
  }
}

// What a user agent reading with IMAP did, in a sentence (see ImapReading in sim/trace.ts).
function imapReadingEn(r: ImapReading): string {
  switch (r.action) {
    case 'folders':
      return `Lists folders over IMAP: ${r.folders.join(', ')}`;
    case 'headers':
      return `Fetches the headers of ${r.messages.length} message${r.messages.length === 1 ? '' : 's'} in ${r.folder}`;
    case 'opened':
      return r.origin === null
        ? `Opens message ${r.uid} in ${r.folder}: part ${r.part} (${r.octets} octets)`
        : `Fetches octets ${r.origin}–${r.origin + r.octets} of part ${r.part} of message ${r.uid}${r.total === null ? '' : ` (of ${r.total})`}`;
    case 'flagged':
      return `Message ${r.uid} in ${r.folder} now has flags ${(r.flags ?? []).join(' ') || '(none)'}`;
    case 'moved':
      return `Moves message ${r.uid} from ${r.folder} to ${r.to} with ${r.via}`;
    case 'searched':
      return `Searching ${r.folder} for “${r.query}” finds ${r.uids.length === 0 ? 'nothing' : r.uids.join(', ')}`;
    case 'update':
      return r.change === 'exists'
        ? `The server says ${r.folder} now holds ${r.count ?? '?'} messages`
        : r.change === 'expunge'
          ? `The server says message ${r.uid ?? '?'} left ${r.folder}`
          : `The server says message ${r.uid ?? '?'} in ${r.folder} now has flags ${(r.flags ?? []).join(' ') || '(none)'}`;
    case 'failed':
      return `IMAP ${r.job} failed${r.verb === null ? '' : ` at ${r.verb}`}: ${failureText.en.failure(r.failure, 'IMAP')}`;
  }
}

function imapReadingKo(r: ImapReading): string {
  switch (r.action) {
    case 'folders':
      return `IMAP으로 폴더 목록 받음: ${r.folders.join(', ')}`;
    case 'headers':
      return `${r.folder}의 메시지 ${r.messages.length}개 헤더 가져옴`;
    case 'opened':
      return r.origin === null
        ? `${r.folder}의 메시지 ${r.uid} 열기: 파트 ${r.part} (${r.octets} 옥텟)`
        : `메시지 ${r.uid} 파트 ${r.part}의 ${r.origin}–${r.origin + r.octets} 옥텟 가져옴${r.total === null ? '' : ` (전체 ${r.total})`}`;
    case 'flagged':
      return `${r.folder}의 메시지 ${r.uid} 플래그: ${(r.flags ?? []).join(' ') || '(없음)'}`;
    case 'moved':
      return `${r.via}로 메시지 ${r.uid}를 ${r.folder}에서 ${r.to}(으)로 이동`;
    case 'searched':
      return `${r.folder}에서 “${r.query}” 검색 결과: ${r.uids.length === 0 ? '없음' : r.uids.join(', ')}`;
    case 'update':
      return r.change === 'exists'
        ? `서버 알림: ${r.folder}에 메시지 ${r.count ?? '?'}개`
        : r.change === 'expunge'
          ? `서버 알림: 메시지 ${r.uid ?? '?'}가 ${r.folder}에서 사라짐`
          : `서버 알림: ${r.folder}의 메시지 ${r.uid ?? '?'} 플래그 ${(r.flags ?? []).join(' ') || '(없음)'}`;
    case 'failed':
      return `IMAP ${r.job} 실패${r.verb === null ? '' : ` (${r.verb})`}: ${failureText.ko.failure(r.failure, 'IMAP')}`;
  }
}
