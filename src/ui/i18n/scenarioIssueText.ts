// What is wrong with a scenario, a shared link or its recorded actions, in the page's language: built from each
// issue's facts (path and kind of problem), never from the validator's text.
import type { IssueProblem, Limited, Named, ScenarioIssue } from '../../sim/scenario.ts';
import type { Language } from './language.ts';
import type { Localized } from './languageContext.ts';

/** LinkProblem is why a link could not be opened; the lab then starts afresh and says this. */
export type LinkProblem =
  | { kind: 'world-damaged' }
  | { kind: 'world-invalid'; issues: readonly ScenarioIssue[] }
  | { kind: 'no-scenario'; name: string }
  | { kind: 'inputs-damaged' }
  | { kind: 'inputs-invalid'; issues: readonly ScenarioIssue[] }
  | { kind: 'world-format'; marker: string }
  | { kind: 'inputs-format'; marker: string }
  | { kind: 'bad-time'; text: string }
  | { kind: 'bad-event'; text: string }
  | { kind: 'no-lesson'; name: string }
  | { kind: 'no-step'; lesson: string; name: string };

// Fields whose values are durations: a Korean message says what a duration looks like there.
const DURATION_FIELDS = new Set([
  'latency',
  'jitter',
  'until',
  'interval',
  'warnAfter',
  'giveUpAfter',
  'min',
  'max',
  'at',
  'queueRunDelay',
  'idleTime',
  'reuseTimeLimit',
]);

const KO_NAMED: Readonly<Record<Named, string>> = {
  host: '호스트 이름',
  link: '링크 이름',
  'mail-server': '메일 서버 이름',
  address: '주소',
  scenario: '시나리오 이름',
};
const KO_LIMITED: Readonly<Record<Limited, string>> = {
  bytes: '바이트',
  hosts: '호스트',
  links: '링크',
  faults: '장애',
  inputs: '입력',
};
const KO_EXPECTED = {
  number: '숫자로 써야 합니다.',
  text: '문자열로 써야 합니다.',
  list: '목록([…])으로 써야 합니다.',
  object: '객체({…})로 써야 합니다.',
  boolean: 'true나 false로 써야 합니다.',
  value: '여기에 올 수 없는 값입니다.',
} as const;

function lastKey(path: string): string {
  return /([A-Za-z]+)(\[\d+\])*$/.exec(path)?.[1] ?? '';
}

function korean(problem: IssueProblem, path: string): string {
  const n = (x: number) => x.toLocaleString('ko');
  switch (problem.kind) {
    case 'json':
      return 'JSON으로 읽을 수 없습니다. 쉼표와 따옴표, 괄호를 확인하세요.';
    case 'too-large':
      return problem.what === 'bytes'
        ? `너무 큽니다: ${n(problem.actual)}바이트. 실습실은 최대 ${n(problem.limit)}바이트까지 받습니다.`
        : `너무 큽니다: ${KO_LIMITED[problem.what]} ${n(problem.actual)}개. 실습실은 최대 ${n(problem.limit)}개까지 받습니다.`;
    case 'unknown-field':
      return '이 자리에 올 수 없는 항목입니다. 철자를 확인하세요.';
    case 'missing':
      return '꼭 있어야 하는 항목이 빠졌습니다.';
    case 'type':
      return KO_EXPECTED[problem.expected];
    case 'choice':
      return `${problem.options.join(', ')} 중 하나여야 합니다.`;
    case 'min':
      return `${problem.limit} 이상이어야 합니다.`;
    case 'max':
      return `${problem.limit} 이하여야 합니다.`;
    case 'integer':
      return '정수여야 합니다.';
    case 'format':
      if (lastKey(path) === 'connectionCache')
        return 'true나 false, 또는 { "idleTime": "2s", "reuseTimeLimit": "300s" } 같은 객체여야 합니다.';
      return DURATION_FIELDS.has(lastKey(path))
        ? '밀리초 수나 500ms, 30s, 30m, 2h, 5d 같은 시간 길이여야 합니다.'
        : '형식이 올바르지 않습니다.';
    case 'names-none':
      return `없는 ${KO_NAMED[problem.what]}입니다: "${problem.name}"`;
    case 'repeats':
      return `이미 쓴 ${KO_NAMED[problem.what]}입니다: "${problem.name}"`;
    case 'same-ends':
      return '서로 다른 두 호스트를 이어야 합니다.';
    case 'no-user-agent':
      return `사용자 에이전트가 없는 호스트입니다: "${problem.name}"`;
  }
}

/** problemText says what is wrong with an issue's field, without the field's path, in `language`. */
export function problemText(issue: ScenarioIssue, language: Language): string {
  return language === 'ko' ? korean(issue.problem, issue.path) : issue.message;
}

/** issueText is one issue as a line: `hosts[1].address: …` in `language`. */
export function issueText(issue: ScenarioIssue, language: Language): string {
  return `${issue.path}: ${problemText(issue, language)}`;
}

/** issuesText is every issue, one a line. */
export function issuesText(issues: readonly ScenarioIssue[], language: Language): string {
  return issues.map((i) => issueText(i, language)).join('\n');
}

const linkWords: Localized<(problem: LinkProblem, language: Language) => string> = {
  en: (p, language) => {
    switch (p.kind) {
      case 'world-damaged':
        return 'The shared scenario in this link is damaged (it is not readable JSON).';
      case 'world-invalid':
        return `The shared scenario is not valid:\n${issuesText(p.issues, language)}`;
      case 'no-scenario':
        return `This link names a scenario that does not exist: "${p.name}".`;
      case 'inputs-damaged':
        return 'The actions recorded in this link are damaged (they are not readable JSON).';
      case 'inputs-invalid':
        return `The actions recorded in this link are not valid:\n${issuesText(p.issues, language)}`;
      case 'world-format':
        return `The shared scenario in this link is in a format (“${p.marker}”) this version of Mail Lab cannot read.`;
      case 'inputs-format':
        return `The actions recorded in this link are in a format (“${p.marker}”) this version of Mail Lab cannot read.`;
      case 'bad-time':
        return `The time in this link is not a time: "${p.text}".`;
      case 'bad-event':
        return `The event in this link is not a count of events: "${p.text}".`;
      case 'no-lesson':
        return `There is no lesson "${p.name}".`;
      case 'no-step':
        return `The lesson "${p.lesson}" has no step "${p.name}".`;
    }
  },
  ko: (p, language) => {
    switch (p.kind) {
      case 'world-damaged':
        return '링크에 담긴 시나리오가 손상되었습니다(JSON으로 읽을 수 없습니다).';
      case 'world-invalid':
        return `링크에 담긴 시나리오가 올바르지 않습니다:\n${issuesText(p.issues, language)}`;
      case 'no-scenario':
        return `링크가 가리키는 시나리오가 없습니다: "${p.name}".`;
      case 'inputs-damaged':
        return '링크에 기록된 동작이 손상되었습니다(JSON으로 읽을 수 없습니다).';
      case 'inputs-invalid':
        return `링크에 기록된 동작이 올바르지 않습니다:\n${issuesText(p.issues, language)}`;
      case 'world-format':
        return `링크에 담긴 시나리오는 이 버전의 Mail Lab이 읽을 수 없는 형식(“${p.marker}”)입니다.`;
      case 'inputs-format':
        return `링크에 기록된 동작은 이 버전의 Mail Lab이 읽을 수 없는 형식(“${p.marker}”)입니다.`;
      case 'bad-time':
        return `링크의 시각을 시간으로 읽을 수 없습니다: "${p.text}".`;
      case 'bad-event':
        return `링크의 사건 번호를 읽을 수 없습니다: "${p.text}".`;
      case 'no-lesson':
        return `"${p.name}"라는 레슨은 없습니다.`;
      case 'no-step':
        return `"${p.lesson}" 레슨에는 "${p.name}"라는 단계가 없습니다.`;
    }
  },
};

/** linkProblemText says why a link could not be opened, in `language`. */
export function linkProblemText(problem: LinkProblem, language: Language): string {
  return linkWords[language](problem, language);
}
