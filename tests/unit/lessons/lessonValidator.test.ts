import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLessonIssues } from '../../../src/lessons/lessonFormat.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';
import { lessonsPlugin } from '../../../src/lessons/viteLessonsPlugin.ts';

const LESSON = '01-sending-mail/03-smtp-by-hand';
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mail-lab-lessons-'));
  cpSync('lessons/01-sending-mail/en.md', join(dir, '01-sending-mail/en.md'));
  cpSync('lessons/01-sending-mail/ko.md', join(dir, '01-sending-mail/ko.md'));
  cpSync(join('lessons', LESSON), join(dir, LESSON), { recursive: true });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function edit(name: string, change: (text: string) => string): void {
  const path = join(dir, LESSON, name);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

function problems(): string {
  const result = readCourse(dir);
  return result.ok ? '' : formatLessonIssues(result.issues);
}

describe('the lesson validator', () => {
  it('accepts a copy of a good lesson', () => {
    expect(problems()).toBe('');
  });

  it('names the file and the field when a goal has an unknown event kind', () => {
    edit('steps.json', (t) => t.replace('"kind": "app.line"', '"kind": "app.lines"'));
    expect(problems()).toContain(
      `lessons/${LESSON}/steps.json: steps[0].goal.sequence[1].kind: must be a trace event kind`,
    );
  });

  it('names the field a goal matches that the event does not have', () => {
    edit('steps.json', (t) => t.replace('"code": 220', '"cod": 220'));
    expect(problems()).toContain(
      `lessons/${LESSON}/steps.json: steps[0].goal.sequence[1].cod: is not a field of app.line`,
    );
  });

  it('names a goal field under its old, re-derived name, which the trace does not have', () => {
    edit('steps.json', (t) => t.replace('"answers": "MAIL"', '"replyTo": "MAIL"'));
    expect(problems()).toContain(
      `lessons/${LESSON}/steps.json: steps[2].goal.sequence[1].replyTo: is not a field of app.line`,
    );
  });

  it('names a goal reply that is not in the SMTP catalogue', () => {
    edit('steps.json', (t) => t.replace('"code": 220', '"code": 220, "reply": "smtp.greeting.ok"'));
    expect(problems()).toContain(
      `lessons/${LESSON}/steps.json: steps[0].goal.sequence[1].reply: is not a reply in the SMTP catalogue`,
    );
  });

  it('names a question that computes its answer from the old replyTo', () => {
    edit('steps.json', (t) =>
      t.replace('"answerFrom": {\n        "answers"', '"answerFrom": {\n        "replyTo"'),
    );
    expect(problems()).toContain(
      `lessons/${LESSON}/steps.json: questions[0].answerFrom: must be { "answers"`,
    );
  });

  it('names the field a question takes from an event that does not have it', () => {
    edit('steps.json', (t) =>
      t.replace(
        '"answerFrom": {\n        "answers": "DATA"',
        '"answerFrom": {\n        "field": "port", "of": { "kind": "app.line", "answers": "DATA" }',
      ),
    );
    expect(problems()).toContain(
      `lessons/${LESSON}/steps.json: questions[0].answerFrom.field: is not a field of app.line`,
    );
  });

  it('names a scripted input with a field inputs do not have', () => {
    edit('steps.json', (t) =>
      t.replace('"target": "hamburger.edu"', '"target": "hamburger.edu", "port2": 1'),
    );
    expect(problems()).toMatch(/steps\.json: steps\[0\]\.solution\[0\]\.input/);
  });

  it('names the missing title of a language file', () => {
    edit('ko.md', (t) => t.replace(/^title: .*$/m, ''));
    expect(problems()).toContain(`lessons/${LESSON}/ko.md: title: is missing`);
  });

  it('names a step whose hints are missing', () => {
    edit('en.md', (t) => t.replace(/### hints\n\n- Type `HELO crepes\.fr` exactly\.\n- .*\n/, ''));
    expect(problems()).toContain(`lessons/${LESSON}/en.md: step helo: hints: are missing`);
  });

  it('names a language file whose steps differ from steps.json', () => {
    edit('ko.md', (t) => t.replace('## step: quit', '## step: bye'));
    expect(problems()).toContain(`lessons/${LESSON}/ko.md: steps: must be the steps of steps.json in order`);
  });

  it('names a Korean question that marks another choice right than the English one', () => {
    edit('ko.md', (t) => t.replace('- [ ] `HELO`', '- [x] `HELO`').replace('- [x] `QUIT`', '- [ ] `QUIT`'));
    expect(problems()).toContain(
      `lessons/${LESSON}/ko.md: question closure: choices: must have as many choices`,
    );
  });

  it('names a missing file', () => {
    rmSync(join(dir, LESSON, 'scenario.json'));
    expect(problems()).toContain(`lessons/${LESSON}/scenario.json: (file): is missing`);
  });

  it('names the scenario field that is wrong, through its extends', () => {
    edit('scenario.json', (t) => t.replace('"extends": "textbook"', '"extends": "texbook"'));
    expect(problems()).toContain(`lessons/${LESSON}/scenario.json: extends: must name a built-in scenario`);
  });

  it('fails the build from the Vite plugin with the same message', () => {
    edit('steps.json', (t) => t.replace('"kind": "app.line"', '"kind": "app.lines"'));
    const plugin = lessonsPlugin({ dir });
    const configResolved = plugin.configResolved as (config: { root: string; command: string }) => void;
    const buildStart = plugin.buildStart as () => void;
    configResolved({ root: '/', command: 'build' });
    expect(() => buildStart()).toThrow(`lessons/${LESSON}/steps.json: steps[0].goal.sequence[1].kind`);
  });
});
