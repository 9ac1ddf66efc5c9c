// What the state charts and the inspector say, in each language (the transcript's are in transcriptText.ts).
// Protocol lines, header names and state names stay as they are on the wire and in the code; only the words
// around them are translated.
import { PROTOCOL_NAMES, type ProtocolName } from '../../protocols/protocolNames.ts';
import type { EnvelopeSource } from '../lab/messageView.ts';
import type { Localized } from './languageContext.ts';

// A protocol machine is named in the trace `<protocol>-<side>` (`pop3-server`); its title is the registry's.
function machineTitle(machine: string, sides: { client: string; server: string }): string {
  const [name, side] = machine.split('-');
  if (name === undefined || !Object.hasOwn(PROTOCOL_NAMES, name) || (side !== 'client' && side !== 'server'))
    return machine;
  return `${PROTOCOL_NAMES[name as ProtocolName].title} ${sides[side]}`;
}

/** QueueKind is a queue event's kind, which the inspector names. */
export type QueueKind =
  | 'queue.enqueued'
  | 'queue.attempt'
  | 'queue.deferred'
  | 'queue.delivered'
  | 'queue.warned'
  | 'queue.bounced'
  | 'queue.removed';

/** InspectorText is the catalogue of the state chart and inspector panels. */
export interface InspectorText {
  readonly charts: {
    readonly title: string;
    readonly noConnection: string;
    readonly noMachines: string;
    readonly machine: (machine: string, host: string) => string;
    readonly current: (state: string) => string;
    readonly lastStep: (from: string, to: string) => string;
    readonly noStep: string;
    readonly anyState: string;
    readonly parallel: string;
    readonly chartLabel: (title: string, state: string) => string;
    readonly tcpTitle: string;
    readonly tcpEndpoint: (endpoint: string, state: string) => string;
    readonly legendCurrent: string;
    readonly legendPrevious: string;
    readonly legendStep: string;
    readonly hoverHint: string;
  };
  readonly inspector: {
    readonly title: string;
    readonly empty: string;
    readonly at: (time: string, seq: number) => string;
    readonly kinds: Readonly<Record<string, string>>;
    readonly segment: {
      readonly title: (from: string, to: string) => string;
      readonly source: string;
      readonly destination: string;
      readonly flags: string;
      readonly seq: string;
      readonly ack: string;
      readonly absolute: string;
      readonly relative: string;
      readonly isnNote: string;
      readonly window: string;
      readonly mss: string;
      readonly payload: string;
      readonly bytes: (n: number) => string;
      readonly noPayload: string;
      readonly retransmission: string;
      readonly path: string;
      readonly hex: string;
      readonly text: string;
      readonly truncated: (shown: number, total: number) => string;
      readonly ackUnset: string;
    };
    readonly line: {
      readonly command: string;
      readonly reply: string;
      readonly data: string;
      readonly authResponse: string;
      readonly other: string;
      readonly meaning: string;
      readonly next: string;
      readonly replyKey: string;
      readonly replyClass: string;
      /** tag heads the IMAP tag that pairs a tagged response with its command (RFC 3501 §2.2.1). */
      readonly tag: string;
      /** responseCode heads an IMAP response's bracketed code (RFC 3501 §7.1). */
      readonly responseCode: string;
      readonly continuation: string;
      readonly extension: string;
      /** answers heads the command a reply answers; unprompted stands for none, endOfData names the final ".". */
      readonly answers: string;
      readonly unprompted: string;
      readonly endOfData: string;
    };
    readonly queue: {
      readonly kinds: Readonly<Record<QueueKind, string>>;
      readonly queueId: string;
      readonly host: string;
      readonly attempt: string;
      readonly recipient: string;
      readonly recipients: string;
      readonly domain: string;
      readonly connection: string;
      /** reusedConnection describes an attempt made on a connection kept open from an earlier message. */
      readonly reusedConnection: (conn: string, use: number) => string;
      readonly newConnection: string;
      readonly reason: string;
      readonly nextRetry: string;
      readonly retryAt: (clock: string, wait: string) => string;
      readonly remote: string;
      readonly reply: string;
      readonly status: string;
      readonly notice: string;
      readonly sender: string;
      readonly nullSender: string;
    };
    readonly message: {
      readonly title: string;
      readonly stored: (user: string, host: string, uid: number) => string;
      readonly queued: (host: string, queueId: string) => string;
      readonly submitted: (host: string) => string;
      readonly envelope: string;
      readonly headers: string;
      readonly envelopeSources: Readonly<Record<EnvelopeSource, string>>;
      readonly envelopeExplain: string;
      readonly unknown: string;
      readonly nullSender: string;
      readonly recipientsTable: string;
      readonly address: string;
      readonly bcc: string;
      readonly bccNote: string;
      readonly noBcc: string;
      /** noDestination is said of a message whose header has no To:, Cc: or Bcc: at all. */
      readonly noDestination: string;
      readonly subject: string;
      readonly date: string;
      readonly messageId: string;
      readonly mime: string;
      readonly mimeHint: string;
      readonly part: string;
      readonly type: string;
      readonly encoding: string;
      readonly size: string;
      readonly selectPart: (path: string, type: string) => string;
      readonly decoded: string;
      readonly attachment: (name: string) => string;
      readonly binary: (bytes: number) => string;
      readonly html: string;
      readonly htmlFrame: string;
      readonly multipart: (parts: number) => string;
      readonly enclosed: string;
      readonly received: string;
      readonly receivedHint: string;
      readonly noReceived: string;
      readonly hop: {
        readonly from: string;
        readonly by: string;
        readonly with: string;
        readonly date: string;
      };
      readonly raw: string;
      readonly rawHint: (path: string, start: number, end: number) => string;
      readonly problems: string;
      readonly dsn: string;
      readonly dsnKinds: { readonly failed: string; readonly delayed: string; readonly other: string };
      readonly dsnFields: {
        readonly reportingMta: string;
        readonly arrivalDate: string;
        readonly recipient: string;
        readonly action: string;
        readonly status: string;
        readonly remoteMta: string;
        readonly diagnostic: string;
        readonly willRetryUntil: string;
      };
      readonly statusClass: Readonly<Record<string, string>>;
      readonly yes: string;
    };
    readonly state: {
      readonly machine: string;
      readonly host: string;
      readonly from: string;
      readonly to: string;
    };
    readonly fields: string;
  };
}

/** inspectorText is the chart and inspector catalogue in every language. */
export const inspectorText: Localized<InspectorText> = {
  en: {
    charts: {
      title: 'State machines',
      noConnection: 'Pick a connection to see the state machines of its two ends.',
      noMachines: 'No SMTP, POP3 or IMAP session ran on this connection.',
      machine: (machine, host) =>
        `${machineTitle(machine, { client: 'client', server: 'server' })} · ${host}`,
      current: (state) => `Current state: ${state}`,
      lastStep: (from, to) => `Last step: ${from} → ${to}`,
      noStep: 'No step yet: the machine is in its initial state.',
      anyState: 'from any state inside:',
      parallel: 'parallel',
      chartLabel: (title, state) => `${title} state chart; current state ${state}`,
      tcpTitle: 'TCP endpoints (RFC 793 state diagram)',
      tcpEndpoint: (endpoint, state) => `${endpoint}: ${state}`,
      legendCurrent: 'current state',
      legendPrevious: 'state just left',
      legendStep: 'last step',
      hoverHint: 'Hover an arrow to read its events.',
    },
    inspector: {
      title: 'Inspector',
      empty: 'Select an event — a line, a segment, a queue entry or a message — to see it whole.',
      at: (time, seq) => `at ${time} · event #${seq}`,
      kinds: {
        'tcp.segment': 'TCP segment',
        'app.line': 'Protocol line',
        'http.body': 'HTTP message body',
        'http.exchange': 'HTTP exchange',
        'session.state': 'State machine step',
        'tcp.state': 'TCP state change',
        'mailbox.stored': 'Message stored in a mailbox',
        'queue.enqueued': 'Message queued',
        'ua.submitted': 'Message submitted',
        'queue.attempt': 'Delivery attempt',
        'queue.deferred': 'Delivery deferred',
        'queue.delivered': 'Delivered',
        'queue.warned': 'Delay warning',
        'queue.bounced': 'Bounced',
        'queue.removed': 'Removed from the queue',
        'conn.opened': 'Connection opened',
        'smtp.accepted': 'Message accepted over SMTP',
      },
      segment: {
        title: (from, to) => `${from} → ${to}`,
        source: 'Source port',
        destination: 'Destination port',
        flags: 'Flags',
        seq: 'Sequence number',
        ack: 'Acknowledgement number',
        absolute: 'absolute',
        relative: 'relative',
        isnNote:
          'Relative numbers count from each side’s initial sequence number (ISN), the one in its SYN, as Wireshark shows them.',
        window: 'Window',
        mss: 'MSS option',
        payload: 'Payload',
        bytes: (n) => (n === 1 ? '1 byte' : `${n} bytes`),
        noPayload: 'No payload: a control segment.',
        retransmission: 'This is a retransmission.',
        path: 'Path',
        hex: 'Hex',
        text: 'Text',
        truncated: (shown, total) => `first ${shown} of ${total} bytes`,
        ackUnset: 'not set (no ACK flag)',
      },
      line: {
        command: 'Command (client → server)',
        reply: 'Reply (server → client)',
        data: 'Message text (inside DATA)',
        authResponse: 'Authentication answer',
        other: 'Line',
        meaning: 'What it means',
        next: 'What comes next',
        replyKey: 'Catalogued reply',
        replyClass: 'Outcome',
        tag: 'Tag',
        responseCode: 'Response code',
        continuation: 'Multi-line reply',
        extension: 'Extension',
        answers: 'Answers',
        unprompted: 'no command: the server spoke first (a greeting or a notice)',
        endOfData: 'the end of the message text',
      },
      queue: {
        kinds: {
          'queue.enqueued': 'Queued for delivery',
          'queue.attempt': 'Delivery attempt',
          'queue.deferred': 'Deferred: will retry',
          'queue.delivered': 'Delivered',
          'queue.warned': 'Delay warning sent to the sender',
          'queue.bounced': 'Bounced: returned to the sender',
          'queue.removed': 'Removed from the queue',
        },
        queueId: 'Queue ID',
        host: 'Server',
        attempt: 'Attempt',
        recipient: 'Recipient',
        recipients: 'Recipients',
        domain: 'Destination domain',
        connection: 'Connection',
        reusedConnection: (conn, use) => `reused connection ${conn} (message ${use} on it)`,
        newConnection: 'a new one',
        reason: 'Reason',
        nextRetry: 'Next retry',
        retryAt: (clock, wait) => `${clock} (${wait})`,
        remote: 'Delivered to',
        reply: 'Final reply',
        status: 'Status',
        notice: 'Notice',
        sender: 'Sender (MAIL FROM)',
        nullSender: '<> (null sender: a bounce is never bounced)',
      },
      message: {
        title: 'Message',
        stored: (user, host, uid) => `Stored in ${user}@${host}’s INBOX as UID ${uid}`,
        queued: (host, queueId) => `Queued at ${host} as ${queueId}`,
        submitted: (host) => `Submitted by the user agent on ${host}`,
        envelope: 'Envelope (SMTP)',
        headers: 'Headers (in the message)',
        envelopeSources: {
          smtp: 'from the MAIL FROM and RCPT TO that carried it, as the server that took the message recorded them',
          queue: 'from the queue entry',
          submission: 'from the user agent’s submission',
          local: 'delivered by the server to its own mailbox: no envelope crossed the wire',
        },
        envelopeExplain:
          'Servers deliver by the envelope — what MAIL FROM and RCPT TO said. The headers are part of the message text: they are what the reader’s mail program shows, and nobody checks that the two agree.',
        unknown: 'not in the trace',
        nullSender: '<> (null sender)',
        recipientsTable: 'Recipients: envelope beside headers',
        address: 'Address',
        bcc: 'Bcc',
        bccNote:
          'Bcc recipients are only in the envelope: the sender’s program puts them in RCPT TO but writes no header for them, so the other recipients never see them.',
        noBcc: 'Every envelope recipient is also named in To: or Cc:.',
        noDestination:
          'This message has no To: or Cc: header at all, as a message typed by hand often does: only the envelope says who gets it, and with no recipients in the headers there is nobody to hide a Bcc from.',
        subject: 'Subject',
        date: 'Date',
        messageId: 'Message-ID',
        mime: 'MIME structure',
        mimeHint: 'Select a part to see it decoded and its bytes in the source.',
        part: 'Part',
        type: 'Content-Type',
        encoding: 'Transfer encoding',
        size: 'Encoded size',
        selectPart: (path, type) => `Show part ${path} (${type})`,
        decoded: 'Decoded content',
        attachment: (name) => `Attachment: ${name}`,
        binary: (bytes) => `Binary content, ${bytes} bytes after decoding`,
        html: 'HTML, sanitised: scripts, event handlers and remote content removed, shown in a sandbox.',
        htmlFrame: 'The HTML part, sanitised',
        multipart: (parts) => `A container of ${parts} parts; select one below it.`,
        enclosed: 'An enclosed message (message/rfc822).',
        received: 'Received: lines (one per hop)',
        receivedHint:
          'Each server adds its Received: line at the top, so the newest comes first: read bottom-up to follow the path.',
        noReceived: 'No Received: lines: the message has not passed through a server yet.',
        hop: { from: 'from', by: 'by', with: 'with', date: 'at' },
        raw: 'Raw source',
        rawHint: (path, start, end) => `Part ${path} highlighted: bytes ${start}–${end}.`,
        problems: 'Problems found while parsing',
        dsn: 'Delivery status notification',
        dsnKinds: {
          failed: 'A bounce: the message could not be delivered.',
          delayed: 'A delay warning: the message is still being retried.',
          other: 'A delivery report.',
        },
        dsnFields: {
          reportingMta: 'Reporting MTA',
          arrivalDate: 'Arrived',
          recipient: 'Final recipient',
          action: 'Action',
          status: 'Status',
          remoteMta: 'Remote MTA',
          diagnostic: 'Diagnostic',
          willRetryUntil: 'Will retry until',
        },
        statusClass: { '2': 'Success', '4': 'Temporary failure', '5': 'Permanent failure' },
        yes: 'yes',
      },
      state: { machine: 'Machine', host: 'Host', from: 'From', to: 'To' },
      fields: 'Fields',
    },
  },
  ko: {
    charts: {
      title: '상태 기계',
      noConnection: '연결을 고르면 양쪽 끝의 상태 기계를 볼 수 있습니다.',
      noMachines: '이 연결에서는 SMTP, POP3, IMAP 세션이 없었습니다.',
      machine: (machine, host) =>
        `${machineTitle(machine, { client: '클라이언트', server: '서버' })} · ${host}`,
      current: (state) => `현재 상태: ${state}`,
      lastStep: (from, to) => `마지막 전이: ${from} → ${to}`,
      noStep: '아직 전이가 없습니다. 초기 상태입니다.',
      anyState: '안의 어느 상태에서든:',
      parallel: '병렬',
      chartLabel: (title, state) => `${title} 상태도, 현재 상태 ${state}`,
      tcpTitle: 'TCP 양 끝점 (RFC 793 상태도)',
      tcpEndpoint: (endpoint, state) => `${endpoint}: ${state}`,
      legendCurrent: '현재 상태',
      legendPrevious: '방금 떠난 상태',
      legendStep: '마지막 전이',
      hoverHint: '화살표에 마우스를 올리면 사건 이름이 보입니다.',
    },
    inspector: {
      title: '검사기',
      empty: '줄, 세그먼트, 큐 항목, 메시지 같은 사건을 고르면 전체 내용을 볼 수 있습니다.',
      at: (time, seq) => `${time} · 사건 #${seq}`,
      kinds: {
        'tcp.segment': 'TCP 세그먼트',
        'app.line': '프로토콜 줄',
        'http.body': 'HTTP 메시지 본문',
        'http.exchange': 'HTTP 교환',
        'session.state': '상태 기계 전이',
        'tcp.state': 'TCP 상태 변화',
        'mailbox.stored': '메일박스에 저장된 메시지',
        'queue.enqueued': '큐에 들어간 메시지',
        'ua.submitted': '제출된 메시지',
        'queue.attempt': '배달 시도',
        'queue.deferred': '배달 연기',
        'queue.delivered': '배달 완료',
        'queue.warned': '지연 경고',
        'queue.bounced': '반송',
        'queue.removed': '큐에서 제거',
        'conn.opened': '연결 시작',
        'smtp.accepted': 'SMTP로 받아들인 메시지',
      },
      segment: {
        title: (from, to) => `${from} → ${to}`,
        source: '출발지 포트',
        destination: '목적지 포트',
        flags: '플래그',
        seq: '순서 번호',
        ack: '확인 응답 번호',
        absolute: '절대값',
        relative: '상대값',
        isnNote:
          '상대값은 각 쪽이 SYN에 담아 보낸 초기 순서 번호(ISN)부터 센 값으로, Wireshark가 보여 주는 방식과 같습니다.',
        window: '윈도',
        mss: 'MSS 옵션',
        payload: '페이로드',
        bytes: (n) => `${n}바이트`,
        noPayload: '페이로드 없음: 제어용 세그먼트입니다.',
        retransmission: '재전송된 세그먼트입니다.',
        path: '경로',
        hex: '16진수',
        text: '텍스트',
        truncated: (shown, total) => `${total}바이트 중 처음 ${shown}바이트`,
        ackUnset: '없음 (ACK 플래그 없음)',
      },
      line: {
        command: '명령 (클라이언트 → 서버)',
        reply: '응답 (서버 → 클라이언트)',
        data: '메시지 내용 (DATA 안)',
        authResponse: '인증 답',
        other: '줄',
        meaning: '의미',
        next: '다음에 오는 것',
        replyKey: '응답 종류',
        replyClass: '응답 결과',
        tag: '태그',
        responseCode: '응답 코드',
        continuation: '여러 줄 응답',
        extension: '확장 기능',
        answers: '답하는 명령',
        unprompted: '없음: 서버가 먼저 보낸 인사나 알림입니다',
        endOfData: '메시지 내용의 끝',
      },
      queue: {
        kinds: {
          'queue.enqueued': '메시지 큐에 들어감',
          'queue.attempt': '배달 시도',
          'queue.deferred': '연기됨: 나중에 다시 시도',
          'queue.delivered': '배달 완료',
          'queue.warned': '보낸 사람에게 지연 경고를 보냄',
          'queue.bounced': '반송: 보낸 사람에게 되돌려 보냄',
          'queue.removed': '큐에서 제거됨',
        },
        queueId: '큐 ID',
        host: '서버',
        attempt: '시도 횟수',
        recipient: '받는 사람',
        recipients: '받는 사람들',
        domain: '목적지 도메인',
        connection: '연결',
        reusedConnection: (conn, use) => `연결 ${conn} 재사용 (이 연결의 ${use}번째 메시지)`,
        newConnection: '새 연결',
        reason: '이유',
        nextRetry: '다음 재시도',
        retryAt: (clock, wait) => `${clock} (${wait})`,
        remote: '배달한 곳',
        reply: '마지막 응답',
        status: '상태 코드',
        notice: '알림',
        sender: '보내는 사람 (MAIL FROM)',
        nullSender: '<> (빈 발신자: 반송 메일은 다시 반송되지 않습니다)',
      },
      message: {
        title: '메시지',
        stored: (user, host, uid) => `${user}@${host}의 받은편지함(INBOX)에 UID ${uid}로 저장됨`,
        queued: (host, queueId) => `${host}의 큐에 ${queueId}로 들어감`,
        submitted: (host) => `${host}의 사용자 에이전트가 제출함`,
        envelope: '엔벨로프 (SMTP)',
        headers: '헤더 (메시지 안)',
        envelopeSources: {
          smtp: '메시지를 넘겨받은 서버가 기록한 MAIL FROM, RCPT TO에서 찾음',
          queue: '메시지 큐 항목에서 찾음',
          submission: '사용자 에이전트의 제출에서 찾음',
          local: '서버가 자기 메일박스에 직접 배달함: 엔벨로프가 네트워크를 지나지 않았습니다',
        },
        envelopeExplain:
          '서버는 엔벨로프, 곧 MAIL FROM과 RCPT TO에 적힌 대로 배달합니다. 헤더는 메시지 내용의 일부로, 받는 사람의 메일 프로그램이 보여 주는 것입니다. 둘이 일치하는지는 아무도 확인하지 않습니다.',
        unknown: '기록에 없음',
        nullSender: '<> (빈 발신자)',
        recipientsTable: '받는 사람: 엔벨로프와 헤더 비교',
        address: '주소',
        bcc: '숨은 참조',
        bccNote:
          '숨은 참조(Bcc) 받는 사람은 엔벨로프에만 있습니다. 보내는 프로그램이 RCPT TO에는 넣지만 헤더에는 쓰지 않으므로, 다른 받는 사람들은 볼 수 없습니다.',
        noBcc: '엔벨로프의 받는 사람은 모두 To:나 Cc:에도 있습니다.',
        noDestination:
          '손으로 입력한 메시지에서 흔히 그렇듯, 이 메시지에는 To:나 Cc: 헤더가 아예 없습니다. 받는 사람은 엔벨로프에만 적혀 있고, 헤더에 다른 받는 사람이 없으니 숨은 참조(Bcc)라고 할 것도 없습니다.',
        subject: '제목',
        date: '날짜',
        messageId: 'Message-ID',
        mime: 'MIME 구조',
        mimeHint: '파트를 고르면 디코딩한 내용과 원본에서의 바이트 위치가 보입니다.',
        part: '파트',
        type: 'Content-Type',
        encoding: '전송 인코딩',
        size: '인코딩된 크기',
        selectPart: (path, type) => `파트 ${path} (${type}) 보기`,
        decoded: '디코딩한 내용',
        attachment: (name) => `첨부 파일: ${name}`,
        binary: (bytes) => `바이너리 내용, 디코딩 후 ${bytes}바이트`,
        html: 'HTML을 정화했습니다: 스크립트, 이벤트 핸들러, 외부 콘텐츠를 없애고 샌드박스 안에 보여 줍니다.',
        htmlFrame: '정화한 HTML 파트',
        multipart: (parts) => `파트 ${parts}개를 담은 컨테이너입니다. 아래에서 하나를 고르세요.`,
        enclosed: '안에 든 메시지입니다 (message/rfc822).',
        received: 'Received: 줄 (거쳐 간 서버마다 한 줄)',
        receivedHint:
          '서버마다 자기 Received: 줄을 맨 위에 덧붙이므로 가장 최근 것이 먼저 나옵니다. 경로를 따라가려면 아래에서 위로 읽으세요.',
        noReceived: 'Received: 줄이 없습니다. 아직 어떤 서버도 거치지 않았습니다.',
        hop: { from: 'from', by: 'by', with: 'with', date: '시각' },
        raw: '원본 소스',
        rawHint: (path, start, end) => `파트 ${path} 강조: ${start}–${end}바이트`,
        problems: '파싱하며 찾은 문제',
        dsn: '배달 상태 알림 (DSN)',
        dsnKinds: {
          failed: '반송: 메시지를 배달하지 못했습니다.',
          delayed: '지연 경고: 아직 다시 시도하는 중입니다.',
          other: '배달 보고입니다.',
        },
        dsnFields: {
          reportingMta: '보고한 MTA',
          arrivalDate: '도착 시각',
          recipient: '최종 받는 사람',
          action: '결과',
          status: '상태 코드',
          remoteMta: '상대 MTA',
          diagnostic: '진단',
          willRetryUntil: '재시도 기한',
        },
        statusClass: { '2': '성공', '4': '일시적 실패', '5': '영구적 실패' },
        yes: '예',
      },
      state: { machine: '상태 기계', host: '호스트', from: '이전 상태', to: '다음 상태' },
      fields: '필드',
    },
  },
};
