// What the map's and the state charts' text alternatives say, in each language: where each message is now, what is
// down, and the state of every session's machines, as tables a screen reader reads cell by cell.
import type { MessagePlace } from '../../sim/messagePlaces.ts';
import type { Localized } from './languageContext.ts';

/** WhereText is the catalogue of the text alternatives; `host` names a host in the reader's language. */
export interface WhereText {
  /** showText and showMap label the toggle between the drawn map and its tables. */
  readonly showText: string;
  readonly showMap: string;
  readonly messages: {
    readonly title: string;
    readonly columns: {
      readonly message: string;
      readonly recipient: string;
      readonly place: string;
      readonly since: string;
    };
    readonly none: string;
    readonly noSubject: string;
    readonly from: (from: string) => string;
    readonly place: (
      place: MessagePlace,
      host: (id: string) => string,
      clock: (ms: number) => string,
    ) => string;
    readonly readers: (hosts: string) => string;
  };
  readonly network: {
    readonly title: string;
    readonly allUp: string;
    readonly hostsDown: (hosts: string) => string;
    readonly linksDown: (links: string) => string;
  };
  readonly machines: {
    readonly title: string;
    readonly columns: {
      readonly connection: string;
      readonly client: string;
      readonly server: string;
      readonly tcp: string;
    };
    readonly none: string;
    readonly connection: (
      conn: string,
      protocol: string,
      client: string,
      server: string,
      port: number,
    ) => string;
    readonly noMachine: string;
    readonly tcp: (client: string, server: string) => string;
    readonly closed: string;
  };
}

const en: WhereText = {
  showText: 'Show as text',
  showMap: 'Show the map',
  messages: {
    title: 'Where each message is now',
    columns: { message: 'Message', recipient: 'Recipient', place: 'Where it is', since: 'Since' },
    none: 'No message has been sent yet.',
    noSubject: '(no subject)',
    from: (from) => `from ${from}`,
    place: (p, host, clock) => {
      switch (p.kind) {
        case 'sending':
          return `Leaving ${host(p.host)}: its user agent is handing it over`;
        case 'accepted':
          return `Taken by ${host(p.host)}`;
        case 'queued':
          return p.status === 'deferred'
            ? `In the message queue of ${host(p.host)}: attempt ${p.attempts} deferred, next try at ${clock(p.nextAttemptAt ?? 0)}`
            : p.status === 'trying'
              ? `In the message queue of ${host(p.host)}: attempt ${p.attempts} under way`
              : `In the message queue of ${host(p.host)}, waiting for its first try`;
        case 'handed':
          return `Delivered by ${host(p.host)} to ${host(p.to)}`;
        case 'mailbox':
          return `In ${p.user}’s mailbox on ${host(p.host)} (${p.folder}, UID ${p.uid})`;
        case 'deleted':
          return `Deleted from ${p.user}’s mailbox on ${host(p.host)}`;
        case 'bounced':
          return `Bounced by ${host(p.host)}: returned to its sender`;
        case 'failed':
          return `Not sent: ${host(p.host)} could not hand it over`;
      }
    },
    readers: (hosts) => `downloaded to ${hosts}`,
  },
  network: {
    title: 'Hosts and links',
    allUp: 'Every host and link is up.',
    hostsDown: (hosts) => `Down: ${hosts}.`,
    linksDown: (links) => `Cut links: ${links}.`,
  },
  machines: {
    title: 'Every session’s machines now',
    columns: { connection: 'Connection', client: 'Client', server: 'Server', tcp: 'TCP' },
    none: 'No connection has been opened yet.',
    connection: (conn, protocol, client, server, port) =>
      `${conn} · ${protocol} · ${client} → ${server}:${port}`,
    noMachine: 'none',
    tcp: (client, server) => `client ${client}, server ${server}`,
    closed: 'closed',
  },
};

const ko: WhereText = {
  showText: '글로 보기',
  showMap: '지도로 보기',
  messages: {
    title: '메시지가 지금 있는 곳',
    columns: { message: '메시지', recipient: '받는 사람', place: '있는 곳', since: '언제부터' },
    none: '아직 보낸 메시지가 없습니다.',
    noSubject: '(제목 없음)',
    from: (from) => `보낸 사람 ${from}`,
    place: (p, host, clock) => {
      switch (p.kind) {
        case 'sending':
          return `${host(p.host)}에서 떠나는 중: 사용자 에이전트가 넘겨주고 있음`;
        case 'accepted':
          return `${host(p.host)}이(가) 받음`;
        case 'queued':
          return p.status === 'deferred'
            ? `${host(p.host)}의 메시지 큐: ${p.attempts}번째 시도 연기, 다음 시도 ${clock(p.nextAttemptAt ?? 0)}`
            : p.status === 'trying'
              ? `${host(p.host)}의 메시지 큐: ${p.attempts}번째 시도 중`
              : `${host(p.host)}의 메시지 큐: 첫 시도를 기다리는 중`;
        case 'handed':
          return `${host(p.host)}이(가) ${host(p.to)}에 전달함`;
        case 'mailbox':
          return `${host(p.host)}의 ${p.user} 메일박스 (${p.folder}, UID ${p.uid})`;
        case 'deleted':
          return `${host(p.host)}의 ${p.user} 메일박스에서 삭제됨`;
        case 'bounced':
          return `${host(p.host)}이(가) 반송함: 보낸 사람에게 돌아감`;
        case 'failed':
          return `보내지 못함: ${host(p.host)}이(가) 넘겨주지 못함`;
      }
    },
    readers: (hosts) => `${hosts}(으)로 내려받음`,
  },
  network: {
    title: '호스트와 링크',
    allUp: '모든 호스트와 링크가 동작 중입니다.',
    hostsDown: (hosts) => `다운된 호스트: ${hosts}.`,
    linksDown: (links) => `끊긴 링크: ${links}.`,
  },
  machines: {
    title: '모든 세션의 상태 기계 현재 상태',
    columns: { connection: '연결', client: '클라이언트', server: '서버', tcp: 'TCP' },
    none: '아직 열린 연결이 없습니다.',
    connection: (conn, protocol, client, server, port) =>
      `${conn} · ${protocol} · ${client} → ${server}:${port}`,
    noMachine: '없음',
    tcp: (client, server) => `클라이언트 ${client}, 서버 ${server}`,
    closed: '닫힘',
  },
};

/** whereText is the text alternatives' catalogue in every language. */
export const whereText: Localized<WhereText> = { en, ko };
