// The lesson panel's and the lesson index's own words, in both languages. The lessons' texts live in
// `lessons/**/{en,ko}.md`; this catalogue holds only the frame around them.
import type { ProgressProblem } from '../../lessons/progress.ts';
import type { Localized } from './languageContext.ts';

/** LessonText is the lesson UI's catalogue for one language. */
export interface LessonText {
  readonly panelLabel: string;
  readonly lesson: (n: number, of: number) => string;
  readonly steps: string;
  readonly stepOf: (n: number, of: number) => string;
  readonly met: string;
  readonly current: string;
  readonly notYet: string;
  readonly partsDone: (done: number, total: number) => string;
  readonly hint: string;
  readonly nextHint: string;
  readonly hintOf: (n: number, of: number) => string;
  readonly showMe: string;
  readonly showMePlaying: string;
  readonly showMeStuck: string;
  readonly nothingToDo: string;
  readonly lessonDone: string;
  readonly questions: string;
  readonly questionsIntro: string;
  readonly question: (n: number) => string;
  readonly answerLabel: string;
  readonly check: string;
  readonly correct: string;
  readonly wrong: string;
  readonly notYetAnswerable: string;
  readonly rightAnswer: (answer: string) => string;
  readonly showAnswer: string;
  readonly hintLabel: string;
  readonly noHint: string;
  readonly fromYourRun: string;
  readonly nextLesson: (title: string) => string;
  readonly allDone: string;
  readonly restart: string;
  readonly index: {
    readonly title: string;
    readonly open: string;
    readonly replay: string;
    readonly continue: string;
    readonly stepsDone: (done: number, total: number) => string;
    readonly completed: string;
    readonly current: string;
    /** part numbers a part of the course: "Part 4". */
    readonly part: (n: number) => string;
    /** partDone says how far the student is through a part: lessons completed, steps done. */
    readonly partDone: (lessonsDone: number, lessons: number, stepsDone: number, steps: number) => string;
  };
  readonly problems: Readonly<Record<ProgressProblem, string>>;
  readonly dismiss: string;
}

/** lessonText holds the lesson UI's words in English and Korean. */
export const lessonText: Localized<LessonText> = {
  en: {
    panelLabel: 'Lesson',
    lesson: (n, of) => `Lesson ${n} of ${of}`,
    steps: 'Steps',
    stepOf: (n, of) => `Step ${n} of ${of}`,
    met: 'done',
    current: 'now',
    notYet: 'not yet',
    partsDone: (done, total) => `${done} of ${total} parts done`,
    hint: 'Hint',
    nextHint: 'Another hint',
    hintOf: (n, of) => `Hint ${n} of ${of}`,
    showMe: 'Show me',
    showMePlaying: 'Watch: the lab is doing this step for you, and stops when it is done.',
    showMeStuck: 'The lab played this step but its goal is not met from here. Try “Start this lesson again”.',
    nothingToDo: 'Nothing to type here: press play and watch.',
    lessonDone: 'Every step is done. Now check your understanding.',
    questions: 'Check your understanding',
    questionsIntro: 'Answer in your own time. Some answers come from what happened in your run.',
    question: (n) => `Question ${n}`,
    answerLabel: 'Your answer',
    check: 'Check',
    correct: 'Right.',
    wrong: 'Not quite.',
    notYetAnswerable: 'Your run has not done this yet: finish the steps first.',
    rightAnswer: (answer) => `The answer: ${answer}`,
    showAnswer: 'Show the answer',
    hintLabel: 'A hint:',
    noHint: 'Read the question again and look back at what happened in your run.',
    fromYourRun: 'from your run',
    nextLesson: (title) => `Next lesson: ${title}`,
    allDone: 'That was the last lesson.',
    restart: 'Start this lesson again',
    index: {
      title: 'Lessons',
      open: 'Open',
      replay: 'Do again',
      continue: 'Continue',
      stepsDone: (done, total) => `${done} of ${total} steps`,
      completed: 'completed',
      current: 'open now',
      part: (n) => `Part ${n}`,
      partDone: (lessonsDone, lessons, stepsDone, steps) =>
        `${lessonsDone} of ${lessons} ${lessons === 1 ? 'lesson' : 'lessons'} completed · ${stepsDone} of ${steps} steps`,
    },
    problems: {
      corrupt: 'Your saved progress could not be read, so it was cleared. Lessons start afresh.',
      'old-version': 'Your saved progress came from another version of Mail Lab, so it was cleared.',
      unavailable:
        'This browser does not let Mail Lab save progress; it will be lost when you close the page.',
    },
    dismiss: 'Dismiss',
  },
  ko: {
    panelLabel: '레슨',
    lesson: (n, of) => `레슨 ${n} / ${of}`,
    steps: '단계',
    stepOf: (n, of) => `${of}단계 중 ${n}단계`,
    met: '완료',
    current: '진행 중',
    notYet: '아직',
    partsDone: (done, total) => `${total}개 중 ${done}개 완료`,
    hint: '힌트',
    nextHint: '힌트 더 보기',
    hintOf: (n, of) => `힌트 ${n} / ${of}`,
    showMe: '보여 주세요',
    showMePlaying: '실습이 이 단계를 대신 하고 있습니다. 단계를 마치면 멈춥니다. 지켜보세요.',
    showMeStuck:
      '실습이 이 단계를 대신 해 보았지만 여기서는 목표에 닿지 못했습니다. “이 레슨 처음부터 다시”를 눌러 보세요.',
    nothingToDo: '입력할 것은 없습니다. 재생을 누르고 지켜보세요.',
    lessonDone: '모든 단계를 마쳤습니다. 이제 얼마나 이해했는지 확인해 보세요.',
    questions: '이해도 확인',
    questionsIntro: '천천히 답해 보세요. 어떤 답은 여러분이 직접 실습한 결과에서 나옵니다.',
    question: (n) => `문제 ${n}`,
    answerLabel: '답',
    check: '확인',
    correct: '맞았습니다.',
    wrong: '다시 생각해 보세요.',
    notYetAnswerable: '아직 실습에서 이 일이 일어나지 않았습니다. 단계를 먼저 마치세요.',
    rightAnswer: (answer) => `정답: ${answer}`,
    showAnswer: '정답 보기',
    hintLabel: '힌트:',
    noHint: '문제를 다시 읽고, 실습에서 일어난 일을 되짚어 보세요.',
    fromYourRun: '내 실습 결과',
    nextLesson: (title) => `다음 레슨: ${title}`,
    allDone: '마지막 레슨이었습니다.',
    restart: '이 레슨 처음부터 다시',
    index: {
      title: '레슨 목록',
      open: '열기',
      replay: '다시 하기',
      continue: '이어 하기',
      stepsDone: (done, total) => `${total}단계 중 ${done}단계`,
      completed: '완료',
      current: '지금 보는 중',
      part: (n) => `${n}부`,
      partDone: (lessonsDone, lessons, stepsDone, steps) =>
        `레슨 ${lessons}개 중 ${lessonsDone}개 완료 · ${steps}단계 중 ${stepsDone}단계`,
    },
    problems: {
      corrupt: '저장된 진도를 읽을 수 없어 지웠습니다. 레슨을 처음부터 시작합니다.',
      'old-version': '저장된 진도가 다른 버전의 Mail Lab에서 만든 것이라 지웠습니다.',
      unavailable: '이 브라우저에서는 진도를 저장할 수 없습니다. 페이지를 닫으면 진도가 사라집니다.',
    },
    dismiss: '닫기',
  },
};
