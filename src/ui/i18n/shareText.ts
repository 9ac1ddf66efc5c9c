// What sharing says, in each language: the share dialog, the QR code and the capture download. Why a link could
// not be opened is said with the scenario's other problems (scenarioIssueText.ts).
import type { Localized } from './languageContext.ts';

/** ShareText is the catalogue of sharing a moment of the lab with others. */
export interface ShareText {
  readonly button: string;
  readonly title: string;
  readonly copy: string;
  readonly copied: string;
  readonly failed: string;
  readonly link: string;
  readonly close: string;
  readonly qr: {
    readonly button: string;
    readonly title: string;
    readonly hint: string;
    readonly tooLong: string;
  };
  readonly capture: {
    readonly title: string;
    readonly hint: string;
    readonly all: (packets: number) => string;
    /** connection names the selected connection by its id, protocol and ends, as the timeline does. */
    readonly connection: (
      conn: string,
      protocol: string,
      client: string,
      server: string,
      packets: number,
    ) => string;
    readonly none: string;
  };
}

/** shareText holds sharing's words in English and Korean. */
export const shareText: Localized<ShareText> = {
  en: {
    button: 'Share',
    title: 'Share this moment',
    copy: 'Copy link',
    copied: 'Link copied',
    failed: 'The browser would not copy; select the link above and copy it.',
    link: 'Link to this moment',
    close: 'Close',
    qr: {
      button: 'Show QR code',
      title: 'Scan to open this moment',
      hint: 'Students scan it with a phone camera and open the same scenario at the same event.',
      tooLong: 'This link is too long for a QR code. Share the link itself instead.',
    },
    capture: {
      title: 'Download capture',
      hint: 'A pcap file of every packet sent so far, IPv4 with TCP and UDP, stamped with the virtual clock’s times, for Wireshark or tshark.',
      all: (packets) => `All connections (${packets} packets)`,
      connection: (conn, protocol, client, server, packets) =>
        `Connection ${conn} only: ${protocol}, ${client} → ${server} (${packets} packets)`,
      none: 'Select a connection on the timeline to download it alone.',
    },
  },
  ko: {
    button: '공유',
    title: '이 순간 공유하기',
    copy: '링크 복사',
    copied: '링크를 복사했습니다',
    failed: '브라우저가 복사하지 못했습니다. 위의 링크를 선택해 복사하세요.',
    link: '이 순간으로 가는 링크',
    close: '닫기',
    qr: {
      button: 'QR 코드 보기',
      title: '스캔하면 이 순간이 열립니다',
      hint: '학생들이 휴대폰 카메라로 스캔하면 같은 시나리오의 같은 사건에서 열립니다.',
      tooLong: '이 링크는 QR 코드에 담기에 너무 깁니다. 링크를 직접 공유하세요.',
    },
    capture: {
      title: '패킷 캡처 내려받기',
      hint: '지금까지 보낸 모든 패킷(IPv4와 TCP, UDP)을 가상 시계의 시각과 함께 pcap 파일로 저장합니다. Wireshark나 tshark로 열 수 있습니다.',
      all: (packets) => `모든 연결 (패킷 ${packets}개)`,
      connection: (conn, protocol, client, server, packets) =>
        `연결 ${conn}만: ${protocol}, ${client} → ${server} (패킷 ${packets}개)`,
      none: '연결 하나만 내려받으려면 타임라인에서 연결을 고르세요.',
    },
  },
};
