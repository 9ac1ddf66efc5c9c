// What the topology view says in each language: kinds of host, link and host states, the queue and mailbox
// marks on mail servers, the packet legend, and names for the hosts of the built-in scenarios.
import type { HostKind } from '../../timeline/topologyLayout.ts';
import type { Flow } from '../../timeline/mailFlow.ts';
import type { LineWord, PacketCaption } from '../../timeline/packetCaption.ts';
import type { PacketShape } from '../../timeline/packetMarks.ts';
import type { Localized } from './languageContext.ts';

/** TopologyText is the topology view's catalogue; functions fill in numbers and names in word order. */
export interface TopologyText {
  readonly figure: string;
  readonly kinds: Readonly<Record<HostKind, string>>;
  readonly down: string;
  readonly cut: string;
  readonly latency: (ms: string) => string;
  readonly loss: (percent: number) => string;
  readonly queue: (count: number) => string;
  readonly queueEmpty: string;
  readonly more: (count: number) => string;
  readonly waiting: (attempts: string, at: string) => string;
  readonly trying: (attempt: number) => string;
  readonly done: string;
  readonly mailboxes: string;
  readonly packets: Readonly<Record<PacketShape, string>>;
  readonly legend: string;
  /** flows name the two ways mail moves in the legend: pushed by the side that connects, or pulled by it. */
  readonly flows: Readonly<Record<Flow, string>>;
  /** flowName is an open connection's arc: its protocol, push or pull, and the hosts at its ends. */
  readonly flowName: (protocol: string, flow: Flow, client: string, server: string) => string;
  /**
   * hostName is a host's accessible name: the words it shows, in their order (name, address lines, the down badge),
   * so speech users can say what they see, then what kind of host it is unless a shown word says so already.
   */
  readonly hostName: (shown: readonly string[], kind: string) => string;
  readonly linkName: (a: string, b: string, latency: string, cut: boolean) => string;
  readonly queuedName: (queueId: string, from: string, status: string) => string;
  readonly mailboxName: (address: string, count: number) => string;
  readonly packetName: (shape: string, from: string, to: string, count: number) => string;
  /** contents name the lines that are not commands, where a presenter's packet shows what it carries. */
  readonly contents: Readonly<Record<Extract<LineWord, { kind: 'content' }>['content'], string>>;
  /** dnsCaption is a DNS packet's caption: the question's type, asked or answered. */
  readonly dnsCaption: (qtype: string, answer: boolean) => string;
}

/** captionText is the words a presenter's packet shows for what it carries, in the catalogue's language. */
export function captionText(caption: PacketCaption, T: TopologyText): string {
  switch (caption.kind) {
    case 'lines': {
      const first = caption.first.kind === 'word' ? caption.first.word : T.contents[caption.first.content];
      return caption.more > 0 ? `${first} +${caption.more}` : first;
    }
    case 'flags':
      return caption.flags.join(', ');
    case 'dns':
      return T.dnsCaption(caption.qtype, caption.answer);
  }
}

/** topologyText is the topology catalogue in every language. */
export const topologyText: Localized<TopologyText> = {
  en: {
    figure: 'Network map: hosts, links, queues, mailboxes and the packets on their way',
    kinds: {
      'user-agent': 'user agent',
      'mail-server': 'mail server',
      router: 'router',
      'dns-server': 'DNS server',
      host: 'host',
    },
    down: 'down',
    cut: 'cut',
    latency: (ms) => ms,
    loss: (percent) => `${percent}% loss`,
    queue: (count) => `Message queue · ${count}`,
    queueEmpty: 'Message queue · empty',
    more: (count) => `+${count} more waiting`,
    waiting: (attempts, at) => `${attempts} · next ${at}`,
    trying: (attempt) => `attempt ${attempt} · sending…`,
    done: 'settled',
    mailboxes: 'Mailboxes',
    packets: {
      envelope: 'Message content (DATA)',
      segment: 'TCP segment',
      dns: 'DNS query or answer',
      datagram: 'UDP datagram',
    },
    legend: 'Legend',
    flows: {
      push: 'Push (SMTP): the sender connects',
      pull: 'Pull (POP3, IMAP, HTTP): the reader fetches',
    },
    flowName: (protocol, flow, client, server) =>
      flow === 'push'
        ? `${protocol} push: ${client} sends mail to ${server}`
        : `${protocol} pull: ${client} fetches mail from ${server}`,
    hostName: (shown, kind) => (shown.includes(kind) ? shown : [...shown, kind]).join(', '),
    linkName: (a, b, latency, cut) => `Link ${a} – ${b}, ${latency}${cut ? ', cut' : ''}`,
    queuedName: (queueId, from, status) => `Queued message ${queueId} from ${from || '<>'}: ${status}`,
    mailboxName: (address, count) => `Mailbox ${address}: ${count === 1 ? '1 message' : `${count} messages`}`,
    packetName: (shape, from, to, count) => `${shape}, ${from} → ${to}${count > 1 ? ` (×${count})` : ''}`,
    contents: {
      data: 'message text',
      sasl: 'credential',
      header: 'header field',
      raw: 'text',
      reply: 'reply',
    },
    dnsCaption: (qtype, answer) => (answer ? `DNS ${qtype} answer` : `DNS ${qtype}?`),
  },
  ko: {
    figure: '네트워크 지도: 호스트, 링크, 메시지 큐, 메일박스와 이동 중인 패킷',
    kinds: {
      'user-agent': '사용자 에이전트',
      'mail-server': '메일 서버',
      router: '라우터',
      'dns-server': 'DNS 서버',
      host: '호스트',
    },
    down: '다운',
    cut: '끊김',
    latency: (ms) => ms,
    loss: (percent) => `손실 ${percent}%`,
    queue: (count) => `메시지 큐 · ${count}`,
    queueEmpty: '메시지 큐 · 비어 있음',
    more: (count) => `외 ${count}개 대기 중`,
    waiting: (attempts, at) => `${attempts} · 다음 ${at}`,
    trying: (attempt) => `${attempt}번째 시도 · 전송 중…`,
    done: '처리 완료',
    mailboxes: '메일박스',
    packets: {
      envelope: '메시지 본문 (DATA)',
      segment: 'TCP 세그먼트',
      dns: 'DNS 질의·응답',
      datagram: 'UDP 데이터그램',
    },
    legend: '범례',
    flows: {
      push: '푸시(SMTP): 보내는 쪽이 연결',
      pull: '풀(POP3, IMAP, HTTP): 받는 쪽이 가져옴',
    },
    flowName: (protocol, flow, client, server) =>
      flow === 'push'
        ? `${protocol} 푸시: ${client}이(가) ${server}로 메일을 보냄`
        : `${protocol} 풀: ${client}이(가) ${server}에서 메일을 가져옴`,
    hostName: (shown, kind) => (shown.includes(kind) ? shown : [...shown, kind]).join(', '),
    linkName: (a, b, latency, cut) => `${a} – ${b} 링크, ${latency}${cut ? ', 끊김' : ''}`,
    queuedName: (queueId, from, status) =>
      `큐에 있는 메시지 ${queueId}, 보낸 사람 ${from || '<>'}: ${status}`,
    mailboxName: (address, count) => `메일박스 ${address}: 메시지 ${count}개`,
    packetName: (shape, from, to, count) => `${shape}, ${from} → ${to}${count > 1 ? ` (×${count})` : ''}`,
    contents: {
      data: '메시지 본문',
      sasl: '인증 정보',
      header: '헤더 필드',
      raw: '텍스트',
      reply: '응답',
    },
    dnsCaption: (qtype, answer) => (answer ? `DNS ${qtype} 응답` : `DNS ${qtype} 질의`),
  },
};
