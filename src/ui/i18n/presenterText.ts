// The words of presenter mode: its bar, the choice of the one panel it shows, and the compact fault palette.
// The palette's fault names (crash, cut, the reply codes …) are the fault panel's own, in controlsText.
import type { Localized } from './languageContext.ts';

/** PresenterText is presenter mode's catalogue. */
export interface PresenterText {
  /** enter names the header button that enters presenter mode; `exit` the presenter bar's button that leaves it. */
  readonly enter: string;
  readonly exit: string;
  /** exitHint is the exit button's tooltip: the keys that leave presenter mode too. */
  readonly exitHint: string;
  /** bar names the presenter's toolbar (playback, the panel shown, the palette). */
  readonly bar: string;
  /** panel labels the choice of the one panel shown beside the map. */
  readonly panel: string;
  readonly palette: {
    readonly open: string;
    readonly title: string;
    readonly close: string;
    readonly host: string;
    readonly link: string;
    readonly server: string;
    readonly takeDown: string;
    readonly setLoss: string;
    readonly force: string;
    /** hint says how the palette works, once, under its title. */
    readonly hint: string;
  };
}

/** presenterText is presenter mode's words in every language. */
export const presenterText: Localized<PresenterText> = {
  en: {
    enter: 'Presenter mode',
    exit: 'Exit',
    exitHint: 'Leave presenter mode (P or Esc)',
    bar: 'Presenter controls',
    panel: 'Panel',
    palette: {
      open: 'Faults',
      title: 'Fault palette',
      close: 'Close',
      host: 'Host',
      link: 'Link',
      server: 'Mail server',
      takeDown: 'Take down',
      setLoss: 'Set loss',
      force: 'Force reply',
      hint: 'Each fault starts at the cursor. Remove it from the list to undo it. Esc closes the palette.',
    },
  },
  ko: {
    enter: '발표자 모드',
    exit: '나가기',
    exitHint: '발표자 모드 나가기 (P 또는 Esc)',
    bar: '발표자 도구',
    panel: '패널',
    palette: {
      open: '장애',
      title: '장애 팔레트',
      close: '닫기',
      host: '호스트',
      link: '링크',
      server: '메일 서버',
      takeDown: '끄기',
      setLoss: '손실 적용',
      force: '강제 응답',
      hint: '장애는 커서 시각에 시작합니다. 목록에서 삭제하면 취소됩니다. Esc를 누르면 팔레트가 닫힙니다.',
    },
  },
};
