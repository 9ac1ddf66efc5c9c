// What the transcript says around the lines, in each language. Apart from the inspector's words because the
// transcript's frame is on the first page and the inspector is fetched when its tab opens.
import type { Localized } from './languageContext.ts';

/** TranscriptText is the catalogue of the transcript panel and its lines. */
export interface TranscriptText {
  readonly title: string;
  readonly noConnection: string;
  readonly empty: string;
  readonly connection: (client: string, server: string) => string;
  readonly notYet: string;
  readonly meaning: string;
  readonly next: string;
  readonly select: (line: string) => string;
}

/** transcriptText is the transcript's catalogue in every language. */
export const transcriptText: Localized<TranscriptText> = {
  en: {
    title: 'Transcript',
    noConnection: 'Pick a connection to read what its two ends said.',
    empty: 'Nothing has been said on this connection.',
    connection: (client, server) => `${client} → ${server}`,
    notYet: 'not yet at the cursor',
    meaning: 'Meaning',
    next: 'Next',
    select: (line) => `Select “${line}”`,
  },
  ko: {
    title: '대화 기록',
    noConnection: '연결을 고르면 양쪽이 주고받은 말을 볼 수 있습니다.',
    empty: '이 연결에서는 아직 주고받은 말이 없습니다.',
    connection: (client, server) => `${client} → ${server}`,
    notYet: '커서 이후',
    meaning: '의미',
    next: '다음',
    select: (line) => `“${line}” 선택`,
  },
};
