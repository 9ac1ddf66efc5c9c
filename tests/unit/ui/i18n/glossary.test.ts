import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../..');
const CATALOGUES = join(ROOT, 'src/ui/i18n');
const LESSONS = join(ROOT, 'lessons');

interface Term {
  readonly korean: string;
  readonly not: readonly string[];
}

/** The glossary's rows: the chosen Korean term and the spellings it replaces. */
function glossary(): Term[] {
  const text = readFileSync(join(ROOT, 'docs/glossary-ko.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('| ---') && !line.startsWith('| concept'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ korean: cells[3] ?? '', not: (cells[4] ?? '').split(',').map((s) => s.trim()) }));
}

// Spellings a row forbids may appear inside a compound the glossary allows by name.
const ALLOWED = ['이벤트 핸들러', '정전, 고장, 점검', '고장을 내'];

function offences(text: string, terms: readonly Term[]): string[] {
  let cleaned = text;
  for (const allowed of ALLOWED) cleaned = cleaned.replaceAll(allowed, '');
  return terms.flatMap((t) => t.not.filter((other) => other !== '' && cleaned.includes(other)));
}

describe('the Korean glossary', () => {
  const terms = glossary();

  it('has a row for each course term, 사건 among them', () => {
    expect(terms.map((t) => t.korean)).toEqual(
      expect.arrayContaining(['사건', '사용자 에이전트', '메일 서버', '메시지 큐', '푸시', '풀']),
    );
  });

  it('finds no other spelling of a glossary term in any catalogue', () => {
    const found = readdirSync(CATALOGUES)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => offences(readFileSync(join(CATALOGUES, f), 'utf8'), terms).map((o) => `${f}: ${o}`));
    expect(found).toEqual([]);
  });

  it('finds no other spelling of a glossary term in any Korean lesson', () => {
    const lessons = readdirSync(LESSONS, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('ko.md'),
    );
    expect(lessons.length).toBeGreaterThan(16);
    const found = lessons.flatMap((f) =>
      offences(readFileSync(join(LESSONS, f), 'utf8'), terms).map((o) => `${f}: ${o}`),
    );
    expect(found).toEqual([]);
  });

  it('would catch 트랜스크립트 in a lesson, where the panel is 대화 기록', () => {
    expect(offences('트랜스크립트에서 `LIST`를 찾아보세요', terms)).toEqual(['트랜스크립트']);
  });

  it('would catch 이벤트 written for an event, yet not an HTML event handler', () => {
    expect(offences("count: '이벤트 3개'", terms)).toEqual(['이벤트']);
    expect(offences("'스크립트, 이벤트 핸들러를 없앱니다'", terms)).toEqual([]);
  });
});
