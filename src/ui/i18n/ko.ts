// Korean (한국어). Protocol words students meet in Korean textbooks keep their usual form: SYN, ACK, 3-way.
import type { Messages } from './messages.ts';

/** ko is the Korean catalogue. */
export const ko: Messages = {
  appName: 'Mail Lab',
  tagline: '인터넷 전자우편이 동작하는 방식을 세그먼트 하나하나로 살펴봅니다',
  languageLabel: '언어',
  eyebrow: '시퀀스 다이어그램',
  documentTitle: (scenario) => `${scenario} · 시퀀스 다이어그램 · Mail Lab`,
  scenarios: {
    'tcp-demo': {
      title: 'TCP 연결의 처음부터 끝까지',
      description:
        '앨리스의 PC가 에코 서비스(RFC 862, 포트 7)에 TCP 연결을 열고, 세 줄을 보내 각 줄을 그대로 돌려받은 뒤 연결을 닫습니다.',
      hosts: { 'alice-pc': '앨리스의 PC', 'hamburger.edu': 'hamburger.edu' },
    },
  },
  diagramSummary: (hosts, segments) =>
    `호스트 ${hosts}대가 TCP 세그먼트 ${segments}개를 주고받는 시퀀스 다이어그램입니다. 시간은 위에서 아래로 흐릅니다.`,
  hint: '시간은 위에서 아래로 흐릅니다. 순서 번호는 각 호스트의 첫 순서 번호를 0으로 둔 상대값이며, 화살표를 가리키면 실제 값이 보입니다.',
  legend: {
    title: '범례',
    segment: 'TCP 세그먼트',
    dropped: '도중에 손실됨',
    retransmission: '재전송',
    state: 'TCP 상태',
    line: '세그먼트에 실린 줄',
  },
  phases: { handshake: ['3-way', '핸드셰이크'], close: ['연결', '종료'] },
  timeAxis: '시간',
  later: (duration) => `${duration} 후`,
  segment: {
    title: (segment, from, to) => `세그먼트 #${segment}: ${from} → ${to}`,
    flags: (flags) => `플래그: ${flags}`,
    seq: (absolute, relative) => `순서 번호: ${absolute} (상대값 ${relative})`,
    ack: (absolute, relative) => `확인 응답 번호: ${absolute} (상대값 ${relative})`,
    sizes: (window, bytes) => `윈도 크기: ${window} · 데이터: ${bytes}바이트`,
    sent: (at) => `${at}에 보냄`,
    arrived: (at) => `${at}에 도착`,
    dropped: (at, reason) => `${at}에 손실: ${reason}`,
    inFlight: '아직 전송 중',
    retransmission: '앞서 보낸 데이터의 재전송',
    carried: '실린 줄',
  },
  dropReasons: {
    loss: '링크에서 유실됨',
    'link-down': '링크가 끊겨 있었음',
    'host-down': '호스트가 꺼져 있었음',
    'no-route': '호스트로 가는 경로가 없음',
    'port-unreachable': '그 포트에서 기다리는 프로그램이 없었음',
  },
  state: {
    initial: (state) => `연결을 열기 전 상태: ${state}`,
    change: (from, to, at) => `${at}에 ${from} → ${to}`,
  },
  footer: '브라우저 안에서 결정적 커널로 시뮬레이션합니다. 같은 시나리오는 언제나 같은 트레이스를 만듭니다.',
};
