// Reads a lesson's text file (`en.md`, `ko.md`): frontmatter (`title`, `summary`), an optional introduction,
// then `## step: <id>` sections (prose, `### hints` as a list) and `## question: <id>` sections (prompt,
// `### choices` with `[x]` on the right one, `### accept`, `### hint`, `### explanation`). Problems name the section.
import type { Choice, Inline, LessonIssue, LessonText, QuestionText, StepText } from './lessonFormat.ts';
import { inlineText, parseProse } from './markdown.ts';

/** TextResult is a parsed text file, or what is wrong with it. */
export type TextResult<T> = { ok: true; value: T } | { ok: false; issues: LessonIssue[] };

/** Frontmatter is the `key: value` lines between the opening `---` lines, and the text after them. */
export interface Frontmatter {
  readonly fields: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * parseFrontmatter splits `---`-fenced `key: value` lines (values may be quoted) from the body. It returns
 * an issue for a file without frontmatter or a line that is not `key: value`.
 */
export function parseFrontmatter(text: string, file: string): TextResult<Frontmatter> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---')
    return fail(file, 'frontmatter', 'must open the file: a line "---", then "title: …", then "---"');
  const end = lines.indexOf('---', 1);
  if (end < 0) return fail(file, 'frontmatter', 'has no closing "---" line');
  const fields: Record<string, string> = {};
  for (const [n, line] of lines.slice(1, end).entries()) {
    if (line.trim() === '') continue;
    const match = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (!match) return fail(file, `frontmatter line ${n + 2}`, 'must be "key: value"');
    fields[match[1] as string] = unquote((match[2] as string).trim());
  }
  return { ok: true, value: { fields, body: lines.slice(end + 1).join('\n') } };
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

function fail<T>(file: string, field: string, message: string): TextResult<T> {
  return { ok: false, issues: [{ file, field, message }] };
}

interface Section {
  readonly heading: string;
  readonly body: string;
  readonly line: number;
}

// Splits text at headings of one level (`## ` or `### `); text before the first heading has heading ''.
function sections(text: string, level: 2 | 3): Section[] {
  const marker = `${'#'.repeat(level)} `;
  const out: { heading: string; lines: string[]; line: number }[] = [{ heading: '', lines: [], line: 0 }];
  let fenced = false;
  for (const [n, line] of text.split('\n').entries()) {
    if (line.trim().startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith(marker))
      out.push({ heading: line.slice(marker.length).trim(), lines: [], line: n });
    else (out[out.length - 1] as { lines: string[] }).lines.push(line);
  }
  return out.map((s) => ({ heading: s.heading, body: s.lines.join('\n').trim(), line: s.line }));
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** parsePartText reads a part's `en.md` or `ko.md`: frontmatter with a `title`, nothing else required. */
export function parsePartText(text: string, file: string): TextResult<{ title: string }> {
  const front = parseFrontmatter(text, file);
  if (!front.ok) return front;
  const title = front.value.fields.title;
  if (!title) return fail(file, 'title', 'is missing: add "title: …" to the frontmatter');
  return { ok: true, value: { title } };
}

/** parseLessonText reads a lesson's `en.md` or `ko.md` into its title, summary, steps and questions. */
export function parseLessonText(text: string, file: string): TextResult<LessonText> {
  const front = parseFrontmatter(text, file);
  if (!front.ok) return front;
  const issues: LessonIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ file, field, message });
  const { fields, body } = front.value;
  for (const key of ['title', 'summary'])
    if (!fields[key]) issue(key, `is missing: add "${key}: …" to the frontmatter`);
  for (const key of Object.keys(fields))
    if (key !== 'title' && key !== 'summary') issue(key, 'is not a frontmatter field (title, summary)');

  const [intro, ...rest] = sections(body, 2);
  const steps: StepText[] = [];
  const questions: QuestionText[] = [];
  for (const section of rest) {
    const heading = /^(step|question):\s*(.*)$/.exec(section.heading);
    const id = heading?.[2]?.trim() ?? '';
    if (!heading) {
      issue(`## ${section.heading}`, 'must be "## step: <id>" or "## question: <id>"');
    } else if (!ID.test(id)) {
      issue(`## ${section.heading}`, 'needs an id in lower case, such as "## step: helo"');
    } else if (heading[1] === 'step') {
      steps.push(stepText(id, section.body, (f, m) => issue(`step ${id}: ${f}`, m)));
    } else {
      questions.push(questionText(id, section.body, (f, m) => issue(`question ${id}: ${f}`, m)));
    }
  }
  if (steps.length === 0) issue('steps', 'there are none: add a "## step: <id>" section');
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      title: fields.title as string,
      summary: fields.summary as string,
      intro: parseProse(intro?.body ?? ''),
      steps,
      questions,
    },
  };
}

type Report = (field: string, message: string) => void;

function subsections(body: string, known: readonly string[], report: Report): Map<string, string> {
  const [lead, ...subs] = sections(body, 3);
  const out = new Map<string, string>([['', lead?.body ?? '']]);
  for (const sub of subs) {
    const name = sub.heading.toLowerCase();
    if (!known.includes(name)) report(`### ${sub.heading}`, `is not a known section (${known.join(', ')})`);
    else if (out.has(name)) report(`### ${sub.heading}`, 'appears twice');
    else out.set(name, sub.body);
  }
  return out;
}

function listItems(text: string): string[] {
  return parseProse(text).flatMap((block) =>
    block.kind === 'list' ? block.items.map((item) => inlineText(item)) : [],
  );
}

function listInlines(text: string): (readonly Inline[])[] {
  return parseProse(text).flatMap((block) => (block.kind === 'list' ? [...block.items] : []));
}

function stepText(id: string, body: string, report: Report): StepText {
  const parts = subsections(body, ['hints'], report);
  const prose = parts.get('') ?? '';
  if (prose === '') report('text', 'is empty: say what to do or watch');
  const hints = listInlines(parts.get('hints') ?? '');
  if (hints.length === 0) report('hints', 'are missing: add "### hints" with at least one "- hint"');
  return { id, prose: parseProse(prose), hints };
}

function questionText(id: string, body: string, report: Report): QuestionText {
  const parts = subsections(body, ['choices', 'accept', 'hint', 'explanation'], report);
  const prompt = parts.get('') ?? '';
  if (prompt === '') report('prompt', 'is empty: ask the question');
  const explanation = parts.get('explanation') ?? '';
  if (explanation === '') report('explanation', 'is missing: add "### explanation"');
  const choices: Choice[] = [];
  for (const item of listInlines(parts.get('choices') ?? '')) {
    const [first, ...rest] = item;
    const mark = first?.kind === 'text' ? /^\[( |x|X)\]\s*/.exec(first.text) : null;
    if (!first || !mark) report('choices', `"${inlineText(item)}" must start with "[ ]" or "[x]"`);
    else {
      const lead = first.text.slice(mark[0].length);
      const text = lead ? [{ kind: 'text' as const, text: lead }, ...rest] : rest;
      choices.push({ text, correct: mark[1] !== ' ' });
    }
  }
  return {
    id,
    prompt: parseProse(prompt),
    choices,
    accept: listItems(parts.get('accept') ?? ''),
    hint: parseProse(parts.get('hint') ?? ''),
    explanation: parseProse(explanation),
  };
}
