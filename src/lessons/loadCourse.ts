// Builds the course from the files under `lessons/`: `<NN-part>/{en,ko}.md` and
// `<NN-part>/<NN-lesson>/{en.md,ko.md,scenario.json,steps.json}`. Numeric prefixes order parts and lessons
// and are stripped from slugs. Every problem is collected, each naming its file and field.
import {
  LESSON_LANGUAGES,
  type Course,
  type Lesson,
  type LessonIssue,
  type LessonLanguage,
  type LessonText,
  type Part,
} from './lessonFormat.ts';
import { parseLessonText, parsePartText } from './lessonMarkdown.ts';
import { resolveLessonScenario } from './lessonScenario.ts';
import { parseStepsFile } from './lessonSteps.ts';

/** CourseResult is the course, or every problem found in its files. */
export type CourseResult = { ok: true; course: Course } | { ok: false; issues: LessonIssue[] };

const FOLDER = /^(\d+)-([a-z0-9][a-z0-9-]*)$/;
const PART_FILES = LESSON_LANGUAGES.map((l) => `${l}.md`);
const LESSON_FILES = [...PART_FILES, 'scenario.json', 'steps.json'];

/**
 * loadCourse reads the course from `files`, a map from a path under the lessons folder (`01-sending/en.md`)
 * to its text. `root` is how issues name that folder (`lessons`).
 */
export function loadCourse(files: ReadonlyMap<string, string>, root = 'lessons'): CourseResult {
  const issues: LessonIssue[] = [];
  const tree = new Map<string, Map<string, Set<string>>>();
  for (const path of [...files.keys()].sort()) {
    const segments = path.split('/');
    const [partFolder, second, third] = segments;
    if (partFolder === undefined || second === undefined || segments.length > 3) {
      issues.push({ file: `${root}/${path}`, field: '(file)', message: 'is not where a lesson file goes' });
      continue;
    }
    const lessons = tree.get(partFolder) ?? new Map<string, Set<string>>();
    tree.set(partFolder, lessons);
    const [lessonFolder, name] = third === undefined ? ['', second] : [second, third];
    const names = lessons.get(lessonFolder) ?? new Set<string>();
    lessons.set(lessonFolder, names);
    names.add(name);
  }

  const parts: Part[] = [];
  const lessons: Lesson[] = [];
  const slugs = new Map<string, string>();
  for (const [partFolder, lessonFolders] of [...tree].sort(byPrefix)) {
    const partMatch = FOLDER.exec(partFolder);
    if (!partMatch) {
      issues.push(folderIssue(root, partFolder));
      continue;
    }
    const partFile = (name: string) => `${root}/${partFolder}/${name}`;
    checkFiles(lessonFolders.get('') ?? new Set(), PART_FILES, partFile, issues);
    const title = {} as Record<LessonLanguage, string>;
    for (const language of LESSON_LANGUAGES) {
      const text = files.get(`${partFolder}/${language}.md`);
      if (text === undefined) continue;
      const parsed = parsePartText(text, partFile(`${language}.md`));
      if (parsed.ok) title[language] = parsed.value.title;
      else issues.push(...parsed.issues);
    }
    const partLessons: string[] = [];
    for (const [lessonFolder, names] of [...lessonFolders].sort(byPrefix)) {
      if (lessonFolder === '') continue;
      const folder = `${partFolder}/${lessonFolder}`;
      const match = FOLDER.exec(lessonFolder);
      if (!match) {
        issues.push(folderIssue(root, folder));
        continue;
      }
      const slug = match[2] as string;
      const earlier = slugs.get(slug);
      if (earlier !== undefined)
        issues.push({
          file: `${root}/${folder}`,
          field: '(folder)',
          message: `has the same slug "${slug}" as ${root}/${earlier}`,
        });
      slugs.set(slug, folder);
      const lesson = loadLesson(files, root, folder, slug, partMatch[2] as string, names, issues);
      if (lesson) {
        lessons.push(lesson);
        partLessons.push(slug);
      }
    }
    parts.push({ slug: partMatch[2] as string, folder: partFolder, title, lessons: partLessons });
  }
  if (lessons.length === 0 && issues.length === 0)
    issues.push({ file: root, field: '(folder)', message: 'holds no lessons' });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, course: { parts, lessons } };
}

function byPrefix<T>(a: [string, T], b: [string, T]): number {
  const n = (s: string) => Number(/^(\d+)-/.exec(s)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return n(a[0]) - n(b[0]) || a[0].localeCompare(b[0]);
}

function folderIssue(root: string, folder: string): LessonIssue {
  return {
    file: `${root}/${folder}`,
    field: '(folder)',
    message: 'must be named <number>-<slug> in lower case, such as 03-smtp-by-hand',
  };
}

function checkFiles(
  present: ReadonlySet<string>,
  required: readonly string[],
  file: (name: string) => string,
  issues: LessonIssue[],
): void {
  for (const name of required)
    if (!present.has(name)) issues.push({ file: file(name), field: '(file)', message: 'is missing' });
  for (const name of present)
    if (!required.includes(name))
      issues.push({
        file: file(name),
        field: '(file)',
        message: `is not a lesson file (${required.join(', ')})`,
      });
}

function readJson(text: string, file: string, issues: LessonIssue[]): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    issues.push({ file, field: '(file)', message: `is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

function loadLesson(
  files: ReadonlyMap<string, string>,
  root: string,
  folder: string,
  slug: string,
  part: string,
  names: ReadonlySet<string>,
  issues: LessonIssue[],
): Lesson | undefined {
  const file = (name: string) => `${root}/${folder}/${name}`;
  const before = issues.length;
  checkFiles(names, LESSON_FILES, file, issues);
  if (issues.length > before) return undefined;

  const scenarioValue = readJson(files.get(`${folder}/scenario.json`) ?? '', file('scenario.json'), issues);
  const stepsValue = readJson(files.get(`${folder}/steps.json`) ?? '', file('steps.json'), issues);
  if (issues.length > before) return undefined;
  const scenario = resolveLessonScenario(scenarioValue);
  if (!scenario.ok) {
    for (const issue of scenario.issues)
      issues.push({ file: file('scenario.json'), field: issue.path, message: issue.message });
    return undefined;
  }
  const steps = parseStepsFile(stepsValue, scenario.scenario);
  if (!steps.ok) {
    for (const issue of steps.issues)
      issues.push({ file: file('steps.json'), field: issue.path, message: issue.message });
    return undefined;
  }

  const text = {} as Record<LessonLanguage, LessonText>;
  for (const language of LESSON_LANGUAGES) {
    const name = `${language}.md`;
    const parsed = parseLessonText(files.get(`${folder}/${name}`) ?? '', file(name));
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    text[language] = parsed.value;
    matchTexts(parsed.value, steps.value, file(name), issues);
  }
  const [first, ...others] = LESSON_LANGUAGES;
  for (const other of others) sameChoices(text[first], text[other], file(`${other}.md`), issues);
  if (issues.length > before) return undefined;
  return {
    slug,
    folder,
    part,
    scenario: scenario.scenario,
    steps: steps.value.steps,
    questions: steps.value.questions,
    text,
  };
}

// A text file must have exactly the steps and questions of steps.json, in the same order.
function matchTexts(
  text: LessonText,
  steps: { steps: readonly { id: string }[]; questions: readonly { id: string; type: string }[] },
  file: string,
  issues: LessonIssue[],
): void {
  const ids = (list: readonly { id: string }[]) => list.map((x) => x.id).join(', ');
  if (ids(text.steps) !== ids(steps.steps))
    issues.push({
      file,
      field: 'steps',
      message: `must be the steps of steps.json in order (${ids(steps.steps)}), not (${ids(text.steps)})`,
    });
  if (ids(text.questions) !== ids(steps.questions))
    issues.push({
      file,
      field: 'questions',
      message: `must be the questions of steps.json in order (${ids(steps.questions)}), not (${ids(text.questions)})`,
    });
  for (const spec of steps.questions) {
    const q = text.questions.find((x) => x.id === spec.id);
    if (q === undefined) continue;
    const field = `question ${q.id}`;
    if (spec.type === 'choice') {
      if (q.choices.length < 2)
        issues.push({ file, field: `${field}: choices`, message: 'needs at least two "- [ ] …" items' });
      if (q.choices.filter((c) => c.correct).length !== 1)
        issues.push({ file, field: `${field}: choices`, message: 'must mark exactly one choice "[x]"' });
    } else if (!('answerFrom' in spec && spec.answerFrom) && q.accept.length === 0) {
      issues.push({
        file,
        field: `${field}: accept`,
        message: 'is missing: a short answer needs "### accept" (or "answerFrom" in steps.json)',
      });
    }
  }
}

function sameChoices(
  first: LessonText | undefined,
  other: LessonText | undefined,
  file: string,
  issues: LessonIssue[],
): void {
  if (first === undefined || other === undefined) return;
  for (const q of other.questions) {
    const twin = first.questions.find((x) => x.id === q.id);
    if (twin === undefined || twin.choices.length === 0) continue;
    const right = (list: typeof q.choices) => list.findIndex((c) => c.correct);
    if (twin.choices.length !== q.choices.length || right(twin.choices) !== right(q.choices))
      issues.push({
        file,
        field: `question ${q.id}: choices`,
        message: `must have as many choices as ${LESSON_LANGUAGES[0]}.md, with the same one marked [x]`,
      });
  }
}
