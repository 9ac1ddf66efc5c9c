// What the timeline and its event list say, in each language: controls, legend, lanes, tooltips and filters.
import type { SocketError } from '../../net/types.ts';
import type { FoldableKind, GlyphKind, HostKind } from '../../timeline/timelineShapes.ts';
import { formatNumber } from './language.ts';
import type { Localized } from './languageContext.ts';

// A retry interval in the units people say it in: "30 min" and "30분", not the clock's "00:30:00".
const INTERVAL_UNITS = [
  { ms: 86_400_000, en: 'd', ko: '일' },
  { ms: 3_600_000, en: 'h', ko: '시간' },
  { ms: 60_000, en: 'min', ko: '분' },
  { ms: 1000, en: 's', ko: '초' },
] as const;

function interval(ms: number, language: 'en' | 'ko'): string {
  const unit = INTERVAL_UNITS.find((u) => ms >= u.ms) ?? INTERVAL_UNITS[3];
  const n = formatNumber(ms / unit.ms, 1, language);
  return language === 'en' ? `${n} ${unit.en}` : `${n}${unit.ko}`;
}

/** TimelineText is the catalogue of the timeline and the event list. */
export interface TimelineText {
  readonly region: string;
  readonly summary: (hosts: number, marks: number) => string;
  readonly controls: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly reset: string;
  readonly zoomLevel: (factor: string) => string;
  readonly keys: string;
  readonly axis: string;
  readonly seek: string;
  readonly cursor: (at: string) => string;
  readonly quiet: (duration: string) => string;
  readonly hostKinds: Readonly<Record<HostKind, string>>;
  readonly glyphs: Readonly<Record<GlyphKind, string>>;
  readonly more: (count: number) => string;
  readonly future: string;
  readonly legend: {
    readonly title: string;
    readonly connection: string;
    /** push and pull tell a connection that sends mail (SMTP) from one that fetches it (POP3, IMAP, HTTP). */
    readonly push: string;
    readonly pull: string;
    readonly clientLine: string;
    readonly serverLine: string;
    readonly outage: string;
    readonly linkOutage: string;
    /** count explains the number beside a glyph; fold the band that stands for a retry run. */
    readonly count: string;
    readonly fold: string;
    /** crowd explains a striped bar with a count: connections too close to tell apart. */
    readonly crowd: string;
  };
  /** elapsed prints an axis tick of a window that spans days: whole days and hours since the start. */
  readonly elapsed: (days: number, hours: number) => string;
  readonly fold: {
    /** attempts labels the band on the queue's lane: how many tries, and how far apart (ms). */
    readonly attempts: (count: string, every: number) => string;
    /** counts label the band on the other lanes: what the tries left there, kind by kind. */
    readonly counts: Readonly<Record<FoldableKind, (count: string) => string>>;
    readonly hint: string;
  };
  readonly conn: {
    readonly title: (conn: string, protocol: string, client: string, server: string, port: number) => string;
    readonly outcome: { readonly open: string; readonly closed: string; readonly failed: string };
    readonly errors: Readonly<Record<SocketError, string>>;
    readonly lines: (count: number) => string;
    /** crowd is the words on a crowd's bar: how many connections of which protocol it stands for. */
    readonly crowd: (count: string, protocol: string) => string;
    readonly crowdFailed: (count: string) => string;
    /** crowdHint tells how a crowd opens into its connections. */
    readonly crowdHint: string;
  };
  readonly outage: {
    readonly host: (host: string, duration: string) => string;
    readonly link: (link: string, duration: string) => string;
    readonly ongoing: string;
  };
  readonly sequence: {
    readonly title: (conn: string, protocol: string, client: string, server: string) => string;
    readonly hint: string;
    readonly back: string;
  };
  readonly list: {
    readonly region: string;
    readonly search: string;
    readonly placeholder: string;
    readonly categories: string;
    readonly count: (shown: number, total: number) => string;
    readonly empty: string;
    readonly seekHint: string;
    readonly future: string;
    readonly current: string;
    /** columns head the list's table: when, who, and what happened. */
    readonly columns: { readonly time: string; readonly hosts: string; readonly what: string };
    /** keys tells how the table moves with the keyboard, under its filters. */
    readonly keys: string;
  };
}

const en: TimelineText = {
  region: 'Timeline',
  summary: (hosts, marks) =>
    `Timeline of ${hosts} hosts with ${marks} marks in view. Time runs from left to right; long waits are drawn short and labelled. The event list below tells the same in words.`,
  controls: 'Timeline controls',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  reset: 'Show all',
  zoomLevel: (factor) => `Zoom ×${factor}`,
  keys: 'Keys: + and − zoom, ← and → pan, 0 shows all',
  axis: 'Time since start',
  seek: 'Time axis: click or drag to move the cursor',
  cursor: (at) => `Cursor at ${at}`,
  quiet: (duration) => `${duration} of quiet, drawn short`,
  hostKinds: {
    'user-agent': 'user agent',
    'mail-server': 'mail server',
    'dns-server': 'DNS server',
    router: 'router',
    host: 'host',
  },
  glyphs: {
    submitted: 'Mail submitted',
    enqueued: 'Queued',
    attempt: 'Delivery attempt',
    deferred: 'Deferred',
    warned: 'Delay warning',
    delivered: 'Delivered',
    bounced: 'Bounced',
    stored: 'Stored in a mailbox',
    dns: 'DNS query',
    'dns-failed': 'DNS failure',
    dropped: 'Segment lost',
  },
  more: (count) => ` (${count} here; zoom in to see each)`,
  future: 'not yet happened',
  legend: {
    title: 'Legend',
    connection: 'TCP connection',
    push: 'Push: sends mail (SMTP)',
    pull: 'Pull: fetches mail (POP3, IMAP, HTTP)',
    clientLine: 'Client command',
    serverLine: 'Server reply',
    outage: 'Host down',
    linkOutage: 'Link down',
    count: 'How many events share one spot; zoom in to see each',
    fold: 'The same try again and again, folded into one band',
    crowd: 'Connections too close to tell apart, counted; zoom in to see each',
  },
  elapsed: (days, hours) => (days === 0 ? `${hours} h` : hours === 0 ? `${days} d` : `${days} d ${hours} h`),
  fold: {
    attempts: (count, every) => `${count} attempts, every ${interval(every, 'en')}`,
    counts: {
      attempt: (count) => `${count} attempts`,
      deferred: (count) => `${count} deferrals`,
      dns: (count) => `${count} DNS queries`,
      'dns-failed': (count) => `${count} DNS failures`,
      dropped: (count) => `${count} segments lost`,
    },
    hint: 'zoom in to see each try',
  },
  conn: {
    title: (conn, protocol, client, server, port) =>
      `Connection ${conn} ${protocol}: ${client} → ${server}:${port}`,
    outcome: { open: 'still open', closed: 'closed', failed: 'failed' },
    errors: {
      refused: 'connection refused',
      timeout: 'timed out',
      reset: 'reset',
      unreachable: 'host unreachable',
      'host-down': 'host down',
    },
    lines: (count) => `${count} protocol lines`,
    crowd: (count, protocol) => `${count} ${protocol} connections`,
    crowdFailed: (count) => `${count} failed`,
    crowdHint: 'press Enter or zoom in to see each',
  },
  outage: {
    host: (host, duration) => `${host} is down for ${duration}`,
    link: (link, duration) => `Link ${link} is down for ${duration}`,
    ongoing: 'still down at the end',
  },
  sequence: {
    title: (conn, protocol, client, server) => `Connection ${conn} · ${protocol} · ${client} → ${server}`,
    hint: 'Zoomed into one connection: every segment, from the 3-way handshake to the close.',
    back: 'Back to the timeline',
  },
  list: {
    region: 'Events',
    search: 'Search events',
    placeholder: 'HELO, deferred, crepes.fr…',
    categories: 'Show',
    count: (shown, total) => `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} events`,
    empty: 'No event matches.',
    seekHint: 'Move the cursor to this event',
    future: 'not yet happened',
    current: 'at the cursor',
    columns: { time: 'Time', hosts: 'Hosts', what: 'What happened' },
    keys: '↑ ↓, Page Up/Down, Home/End move through the rows; Enter moves the cursor to the event.',
  },
};

const ko: TimelineText = {
  region: '타임라인',
  summary: (hosts, marks) =>
    `호스트 ${hosts}대의 타임라인이며, 지금 ${marks}개의 표시가 보입니다. 시간은 왼쪽에서 오른쪽으로 흐르고, 긴 대기 시간은 짧게 줄여 길이를 적어 두었습니다. 아래 사건 목록이 같은 내용을 글로 알려 줍니다.`,
  controls: '타임라인 조작',
  zoomIn: '확대',
  zoomOut: '축소',
  reset: '전체 보기',
  zoomLevel: (factor) => `배율 ×${factor}`,
  keys: '키: + 와 − 로 확대·축소, ← → 로 이동, 0 으로 전체 보기',
  axis: '시작 후 경과 시간',
  seek: '시간 축: 클릭하거나 끌어서 커서를 옮기세요',
  cursor: (at) => `커서 위치 ${at}`,
  quiet: (duration) => `${duration} 동안 아무 일도 없어 짧게 줄여 그림`,
  hostKinds: {
    'user-agent': '사용자 에이전트',
    'mail-server': '메일 서버',
    'dns-server': 'DNS 서버',
    router: '라우터',
    host: '호스트',
  },
  glyphs: {
    submitted: '메일 제출',
    enqueued: '메시지 큐에 들어감',
    attempt: '전달 시도',
    deferred: '전달 연기',
    warned: '지연 경고',
    delivered: '전달 완료',
    bounced: '반송',
    stored: '메일박스에 저장',
    dns: 'DNS 질의',
    'dns-failed': 'DNS 실패',
    dropped: '세그먼트 손실',
  },
  more: (count) => ` (이 자리에 ${count}건, 확대하면 하나씩 보입니다)`,
  future: '아직 일어나지 않음',
  legend: {
    title: '범례',
    connection: 'TCP 연결',
    push: '푸시: 메일을 보냄 (SMTP)',
    pull: '풀: 메일을 가져옴 (POP3, IMAP, HTTP)',
    clientLine: '클라이언트 명령',
    serverLine: '서버 응답',
    outage: '호스트 다운',
    linkOutage: '링크 끊김',
    count: '한 자리에 겹친 사건의 수 (확대하면 하나씩 보입니다)',
    fold: '같은 시도의 반복을 띠 하나로 접음',
    crowd: '너무 촘촘해서 하나씩 구별할 수 없는 연결의 수 (확대하면 하나씩 보입니다)',
  },
  elapsed: (days, hours) =>
    days === 0 ? `${hours}시간` : hours === 0 ? `${days}일` : `${days}일 ${hours}시간`,
  fold: {
    attempts: (count, every) => `${interval(every, 'ko')}마다 ${count}번 시도`,
    counts: {
      attempt: (count) => `전달 시도 ${count}번`,
      deferred: (count) => `전달 연기 ${count}번`,
      dns: (count) => `DNS 질의 ${count}번`,
      'dns-failed': (count) => `DNS 실패 ${count}번`,
      dropped: (count) => `세그먼트 손실 ${count}개`,
    },
    hint: '확대하면 시도가 하나씩 보입니다',
  },
  conn: {
    title: (conn, protocol, client, server, port) =>
      `연결 ${conn} ${protocol}: ${client} → ${server}:${port}`,
    outcome: { open: '열려 있음', closed: '닫힘', failed: '실패' },
    errors: {
      refused: '연결 거부',
      timeout: '시간 초과',
      reset: '연결 재설정',
      unreachable: '호스트에 도달할 수 없음',
      'host-down': '호스트 다운',
    },
    lines: (count) => `명령·응답 ${count}줄`,
    crowd: (count, protocol) => `${protocol} 연결 ${count}개`,
    crowdFailed: (count) => `${count}개 실패`,
    crowdHint: 'Enter를 누르거나 확대하면 하나씩 보입니다',
  },
  outage: {
    host: (host, duration) => `${host} 다운: ${duration}`,
    link: (link, duration) => `링크 ${link} 끊김: ${duration}`,
    ongoing: '끝까지 복구되지 않음',
  },
  sequence: {
    title: (conn, protocol, client, server) => `연결 ${conn} · ${protocol} · ${client} → ${server}`,
    hint: '연결 하나를 확대했습니다. 3-way 핸드셰이킹부터 연결 종료까지 모든 세그먼트를 보여 줍니다.',
    back: '타임라인으로 돌아가기',
  },
  list: {
    region: '사건 목록',
    search: '사건 검색',
    placeholder: 'HELO, 연기, crepes.fr…',
    categories: '표시할 종류',
    count: (shown, total) => `사건 ${total.toLocaleString('ko')}개 중 ${shown.toLocaleString('ko')}개`,
    empty: '조건에 맞는 사건이 없습니다.',
    seekHint: '커서를 이 사건으로 옮기기',
    future: '아직 일어나지 않음',
    current: '현재 커서 위치',
    columns: { time: '시각', hosts: '호스트', what: '일어난 일' },
    keys: '↑ ↓, Page Up/Down, Home/End로 행을 옮기고, Enter를 누르면 커서가 그 사건으로 갑니다.',
  },
};

/** timelineText is the catalogue of the timeline and the event list, by language. */
export const timelineText: Localized<TimelineText> = { en, ko };
