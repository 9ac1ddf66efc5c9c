// The lab page's own words: its header, playback controls, panel names and keyboard help, in both languages.
import type { StepUnit } from '../../timeline/playback.ts';
import type { ShortcutHelp } from '../lab/labShortcuts.ts';
import type { Localized } from './languageContext.ts';

/** LabText is the catalogue of the lab's frame; the views inside it keep their own. */
export interface LabText {
  readonly appName: string;
  readonly tagline: string;
  readonly languageLabel: string;
  readonly documentTitle: (scenario: string) => string;
  readonly controls: {
    readonly label: string;
    readonly play: string;
    readonly pause: string;
    readonly stepBack: (unit: string) => string;
    readonly stepForward: (unit: string) => string;
    readonly stepBy: string;
    readonly units: Readonly<Record<StepUnit, string>>;
    readonly previousNotable: string;
    readonly nextNotable: string;
    readonly slower: string;
    readonly faster: string;
    readonly speed: (speed: string) => string;
    readonly toStart: string;
    readonly toEnd: string;
    readonly clock: string;
    readonly position: (at: number, of: number) => string;
  };
  readonly scenarios: string;
  readonly keyboard: {
    readonly button: string;
    readonly title: string;
    readonly close: string;
    /** help is each line of the key list: the keys as written for people, and what they do. */
    readonly help: Readonly<Record<ShortcutHelp, readonly [string, string]>>;
  };
  /** blanked is said (to screen readers; the screen shows nothing) while a presenter has blanked the screen. */
  readonly blanked: string;
  /** skip are the links that jump past the header to a part of the lab, shown when focused. */
  readonly skip: {
    readonly label: string;
    readonly playback: string;
    readonly topology: string;
    readonly timeline: string;
    readonly panels: string;
  };
  readonly panels: {
    readonly label: string;
    readonly lesson: string;
    readonly transcript: string;
    readonly machines: string;
    readonly inspector: string;
    readonly queues: string;
    readonly mailboxes: string;
    readonly console: string;
    readonly compose: string;
    readonly read: string;
    readonly faults: string;
    readonly events: string;
  };
  readonly views: { readonly topology: string; readonly timeline: string };
  /** announce is what the polite live region says as the cursor moves (see lab/announcement.ts). */
  readonly announce: {
    readonly start: string;
    readonly event: (clock: string, hosts: string, what: string) => string;
    readonly played: (count: number, clock: string, notable: readonly string[], last: string) => string;
  };
  /** failed is what a part of the lab shows in place of itself when it fails (lab/PanelBoundary.svelte). */
  readonly failed: {
    readonly message: (part: string) => string;
    readonly details: string;
    readonly retry: string;
  };
  readonly linkError: (error: string) => string;
  readonly dismiss: string;
  /** loading stands in a panel while its code is fetched on first opening. */
  readonly loading: string;
  /** simulating stands where the timeline will be while the engine is fetched and first runs the world. */
  readonly simulating: string;
  /** engineFailed stands there instead when the engine could not be fetched. */
  readonly engineFailed: string;
}

/** labText holds the lab frame's words in English and Korean. */
export const labText: Localized<LabText> = {
  en: {
    appName: 'Mail Lab',
    tagline: 'How Internet email works, one line at a time',
    languageLabel: 'Language',
    documentTitle: (scenario) => `${scenario} · Mail Lab`,
    controls: {
      label: 'Playback',
      play: 'Play',
      pause: 'Pause',
      stepBack: (unit) => `Step back one ${unit}`,
      stepForward: (unit) => `Step forward one ${unit}`,
      stepBy: 'Step by',
      units: { line: 'protocol line', segment: 'TCP segment', queue: 'queue event' },
      previousNotable: 'Previous notable event',
      nextNotable: 'Next notable event',
      slower: 'Slower',
      faster: 'Faster',
      speed: (speed) => `Speed ${speed}`,
      toStart: 'Back to the start',
      toEnd: 'To the end',
      clock: 'Virtual time',
      position: (at, of) => `event ${at} of ${of}`,
    },
    scenarios: 'Scenarios',
    keyboard: {
      button: 'Keyboard shortcuts',
      title: 'Keyboard shortcuts',
      close: 'Close',
      help: {
        play: ['Space', 'Play or pause (anywhere but a text field)'],
        step: ['→ / ←', 'Step forward / back by the chosen unit'],
        clicker: ['PageDown / PageUp', 'Step forward / back, from a presenter’s clicker'],
        notable: ['Shift + → / ←', 'Next / previous notable event'],
        ends: ['Home / End', 'To the start / the end'],
        speed: ['+ / −', 'Faster / slower'],
        unit: ['1 / 2 / 3', 'Step by line / segment / queue event'],
        blank: ['. / B', 'Blank the screen, and show it again'],
        presenter: ['P', 'Presenter mode: large type, full screen (P or Esc leaves it)'],
        palette: ['F', 'In presenter mode, open or close the fault palette'],
        keys: ['?', 'Show these shortcuts'],
        close: ['Esc', 'Close this list, the scenario picker and presenter mode'],
      },
    },
    blanked: 'The screen is blank. Press . or B, or click, to show it again.',
    skip: {
      label: 'Skip to',
      playback: 'Skip to playback controls',
      topology: 'Skip to the network',
      timeline: 'Skip to the timeline',
      panels: 'Skip to the panels',
    },
    panels: {
      label: 'Details',
      lesson: 'Lesson',
      transcript: 'Transcript',
      machines: 'State machines',
      inspector: 'Inspector',
      queues: 'Queues',
      mailboxes: 'Mailboxes',
      console: 'Console',
      compose: 'Compose',
      read: 'Read mail',
      faults: 'Faults',
      events: 'Event list',
    },
    views: { topology: 'Network', timeline: 'Timeline' },
    announce: {
      start: 'At the start, before anything happened.',
      event: (clock, hosts, what) => `${clock}${hosts === '' ? '' : `, ${hosts}`}: ${what}`,
      played: (count, clock, notable, last) =>
        `Paused at ${clock} after ${count} ${count === 1 ? 'event' : 'events'}.` +
        (notable.length > 0 ? ` Notable: ${notable.join('; ')}.` : '') +
        ` Now at: ${last}`,
    },
    failed: {
      message: (part) => `Something went wrong in ${part}. The rest of the lab still works.`,
      details: 'Details for a bug report',
      retry: 'Try again',
    },
    linkError: (error) => `This link could not be opened, so the lab started afresh. ${error}`,
    dismiss: 'Dismiss',
    loading: 'Loading…',
    simulating: 'Simulating…',
    engineFailed: 'The simulation could not be loaded. Check the connection, then reload the page.',
  },
  ko: {
    appName: 'Mail Lab',
    tagline: '인터넷 전자우편이 동작하는 방식을 한 줄씩 살펴봅니다',
    languageLabel: '언어',
    documentTitle: (scenario) => `${scenario} · Mail Lab`,
    controls: {
      label: '재생',
      play: '재생',
      pause: '일시 정지',
      stepBack: (unit) => `${unit} 하나 뒤로`,
      stepForward: (unit) => `${unit} 하나 앞으로`,
      stepBy: '이동 단위',
      units: { line: '프로토콜 줄', segment: 'TCP 세그먼트', queue: '큐 사건' },
      previousNotable: '이전 주요 사건',
      nextNotable: '다음 주요 사건',
      slower: '느리게',
      faster: '빠르게',
      speed: (speed) => `속도 ${speed}`,
      toStart: '처음으로',
      toEnd: '끝으로',
      clock: '가상 시간',
      position: (at, of) => `사건 ${of}개 중 ${at}번째`,
    },
    scenarios: '시나리오',
    keyboard: {
      button: '단축키',
      title: '키보드 단축키',
      close: '닫기',
      help: {
        play: ['Space', '재생 또는 일시 정지 (글자 입력 칸 밖 어디서나)'],
        step: ['→ / ←', '고른 단위만큼 앞으로 / 뒤로'],
        clicker: ['PageDown / PageUp', '발표용 리모컨으로 앞으로 / 뒤로'],
        notable: ['Shift + → / ←', '다음 / 이전 주요 사건'],
        ends: ['Home / End', '처음으로 / 끝으로'],
        speed: ['+ / −', '빠르게 / 느리게'],
        unit: ['1 / 2 / 3', '줄 / 세그먼트 / 큐 사건 단위로 이동'],
        blank: ['. / B', '화면을 검게 가리기, 다시 보이기'],
        presenter: ['P', '발표자 모드: 큰 글씨, 전체 화면 (P 또는 Esc로 나가기)'],
        palette: ['F', '발표자 모드에서 장애 팔레트 열기, 닫기'],
        keys: ['?', '단축키 보기'],
        close: ['Esc', '이 목록, 시나리오 선택, 발표자 모드 닫기'],
      },
    },
    blanked: '화면을 가렸습니다. . 또는 B를 누르거나 클릭하면 다시 보입니다.',
    skip: {
      label: '바로 가기',
      playback: '재생 도구로 바로 가기',
      topology: '네트워크로 바로 가기',
      timeline: '타임라인으로 바로 가기',
      panels: '패널로 바로 가기',
    },
    panels: {
      label: '자세히 보기',
      lesson: '레슨',
      transcript: '대화 기록',
      machines: '상태 기계',
      inspector: '검사기',
      queues: '메시지 큐',
      mailboxes: '메일박스',
      console: '콘솔',
      compose: '편지 쓰기',
      read: '메일 읽기',
      faults: '장애 주입',
      events: '사건 목록',
    },
    views: { topology: '네트워크', timeline: '타임라인' },
    announce: {
      start: '처음입니다. 아직 아무 일도 일어나지 않았습니다.',
      event: (clock, hosts, what) => `${clock}${hosts === '' ? '' : `, ${hosts}`}: ${what}`,
      played: (count, clock, notable, last) =>
        `사건 ${count}개를 재생하고 ${clock}에서 멈췄습니다.` +
        (notable.length > 0 ? ` 주요 사건: ${notable.join('; ')}.` : '') +
        ` 지금 위치: ${last}`,
    },
    failed: {
      message: (part) => `${part}에서 문제가 생겼습니다. 실습실의 나머지 부분은 그대로 쓸 수 있습니다.`,
      details: '오류 보고용 자세한 내용',
      retry: '다시 시도',
    },
    linkError: (error) => `이 링크를 열 수 없어 실습을 처음부터 시작했습니다. ${error}`,
    dismiss: '닫기',
    loading: '불러오는 중…',
    simulating: '시뮬레이션 중…',
    engineFailed: '시뮬레이션을 불러오지 못했습니다. 연결을 확인한 뒤 페이지를 새로 고쳐 주세요.',
  },
};

/** formatClock writes virtual time as a clock from the start: `00:00:01.125`, `2d 03:04:05.000`. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const days = Math.floor(total / 86_400_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor((total % 86_400_000) / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  const clock = `${pad(h)}:${pad(m)}:${pad(s)}.${pad(total % 1000, 3)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}
