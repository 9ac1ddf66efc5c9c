// Why a reader could not read or a page did not load, phrased from the trace's failure facts in each language:
// the one place the words for socket errors, DNS failures and a reading session's end live.
import type { SocketError } from '../../net/types.ts';
import type { FetchFailure, Unreachable, WebFailure } from '../../sim/trace.ts';
import { escapeControls } from '../../sim/shownLine.ts';
import type { Localized } from './languageContext.ts';

type DnsFailure = Extract<Unreachable, { why: 'no-address' }>['dns'];
type SessionEnd = Extract<FetchFailure, { why: 'ended' }>['end'];
type HttpFailure = Extract<WebFailure, { why: 'http' }>['failure'];

/** FailureText phrases failures; `protocol` is the protocol's name as the reader used it (POP3, IMAP, HTTP). */
export interface FailureText {
  socket: Readonly<Record<SocketError, string>>;
  dns: Readonly<Record<Exclude<DnsFailure, 'no-record'>, string>>;
  failure: (failure: FetchFailure | WebFailure, protocol: string) => string;
}

const SOCKET_EN: Readonly<Record<SocketError, string>> = {
  refused: 'connection refused',
  timeout: 'timed out',
  reset: 'reset by the other side',
  unreachable: 'host unreachable',
  'host-down': 'the host is down',
};
const SOCKET_KO: Readonly<Record<SocketError, string>> = {
  refused: '연결 거부',
  timeout: '시간 초과',
  reset: '상대가 연결을 재설정함',
  unreachable: '호스트에 도달할 수 없음',
  'host-down': '호스트가 꺼져 있음',
};
const DNS_EN: Readonly<Record<DnsFailure, string>> = {
  'no-record': 'it has no A record',
  nxdomain: 'no such domain (NXDOMAIN)',
  timeout: 'no answer (timeout)',
  servfail: 'server failure (SERVFAIL)',
};
const DNS_KO: Readonly<Record<DnsFailure, string>> = {
  'no-record': 'A 레코드가 없음',
  nxdomain: '존재하지 않는 도메인(NXDOMAIN)',
  timeout: '응답 없음(시간 초과)',
  servfail: '서버 오류(SERVFAIL)',
};
const END_EN: Readonly<Record<SessionEnd, string>> = {
  refused: 'the server turned the session away in its greeting',
  authFailed: 'the server did not accept the login (user name, password, or a mailbox already in use)',
  connectionLost: 'the connection was lost before the session ended',
  timeout: 'the server stopped answering',
  protocolError: 'the server’s answer did not follow the protocol',
  unsupported: 'the server does not offer what was asked',
  notUpdated: 'the server answered QUIT with -ERR, so the messages marked for deletion stay',
};
const END_KO: Readonly<Record<SessionEnd, string>> = {
  refused: '서버가 인사말에서 세션을 거절했습니다',
  authFailed: '서버가 로그인을 받아들이지 않았습니다(사용자 이름, 비밀번호, 또는 이미 사용 중인 메일박스)',
  connectionLost: '세션이 끝나기 전에 연결이 끊겼습니다',
  timeout: '서버가 응답을 멈췄습니다',
  protocolError: '서버의 응답이 프로토콜 규칙에 맞지 않습니다',
  unsupported: '서버가 요청한 기능을 제공하지 않습니다',
  notUpdated: '서버가 QUIT에 -ERR로 답해, 삭제 표시한 메시지가 그대로 남았습니다',
};
const HTTP_EN: Readonly<Record<HttpFailure, string>> = {
  closed: 'the server closed the connection before the whole response came',
  timeout: 'the server stopped answering',
  protocolError: 'the answer did not follow HTTP',
};
const HTTP_KO: Readonly<Record<HttpFailure, string>> = {
  closed: '응답이 다 오기 전에 서버가 연결을 닫았습니다',
  timeout: '서버가 응답을 멈췄습니다',
  protocolError: '응답이 HTTP 규칙에 맞지 않습니다',
};

// POP3 deletes only in its UPDATE state, after QUIT (RFC 1939 §6): a session cut short removed nothing.
const POP3_LOST_EN = ', so the server removed nothing';
const POP3_LOST_KO = '. 그래서 서버는 아무것도 지우지 않았습니다';

export const failureText: Localized<FailureText> = {
  en: {
    socket: SOCKET_EN,
    dns: DNS_EN,
    failure: (f, protocol) => {
      switch (f.why) {
        case 'no-address':
          return `found no address for ${f.server}: ${DNS_EN[f.dns]}`;
        case 'connect':
          return `could not connect to ${f.server} (${f.address}, port ${f.port}): ${SOCKET_EN[f.error]}`;
        case 'ended':
          return `${END_EN[f.end]}${f.end === 'connectionLost' && protocol === 'POP3' ? POP3_LOST_EN : ''}`;
        case 'answered':
          return `the server answered ${f.status}: ${escapeControls(f.text)}`;
        case 'http':
          return HTTP_EN[f.failure];
        case 'bad-address':
          return `cannot read the address “${escapeControls(f.address)}”`;
        case 'no-site':
          return 'no site is open yet: open one first';
      }
    },
  },
  ko: {
    socket: SOCKET_KO,
    dns: DNS_KO,
    failure: (f, protocol) => {
      switch (f.why) {
        case 'no-address':
          return `${f.server}의 주소를 찾지 못했습니다: ${DNS_KO[f.dns]}`;
        case 'connect':
          return `${f.server}(${f.address})의 ${f.port}번 포트에 연결하지 못했습니다: ${SOCKET_KO[f.error]}`;
        case 'ended':
          return `${END_KO[f.end]}${f.end === 'connectionLost' && protocol === 'POP3' ? POP3_LOST_KO : ''}`;
        case 'answered':
          return `서버가 ${f.status}로 답했습니다: ${escapeControls(f.text)}`;
        case 'http':
          return HTTP_KO[f.failure];
        case 'bad-address':
          return `주소 “${escapeControls(f.address)}”를 읽을 수 없습니다`;
        case 'no-site':
          return '아직 열린 사이트가 없습니다. 먼저 사이트를 여세요';
      }
    },
  },
};
