import { describe, expect, it } from 'vitest';
import { parseFrontmatter, parseLessonText } from '../../../src/lessons/lessonMarkdown.ts';
import { inlineText, parseInline, parseProse } from '../../../src/lessons/markdown.ts';

describe('lesson prose', () => {
  it('splits paragraphs at blank lines and joins the lines of one paragraph', () => {
    expect(parseProse('One\ntwo.\n\nThree.')).toEqual([
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'One two.' }] },
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'Three.' }] },
    ]);
  });

  it('reads bulleted and numbered lists, an indented line continuing its item', () => {
    expect(parseProse('- a\n  b\n- c\n\n1. d')).toEqual([
      {
        kind: 'list',
        ordered: false,
        items: [[{ kind: 'text', text: 'a b' }], [{ kind: 'text', text: 'c' }]],
      },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'd' }]] },
    ]);
  });

  it('keeps a fenced code block as it is', () => {
    expect(parseProse('```\nHELO crepes.fr\n  <b>\n```')).toEqual([
      { kind: 'code', text: 'HELO crepes.fr\n  <b>' },
    ]);
  });

  it('marks code, strong and emphasis, and leaves HTML and unclosed markers as text', () => {
    expect(parseInline('Type `HELO` **now**, *please* or _soon_; <b>x</b> a*b')).toEqual([
      { kind: 'text', text: 'Type ' },
      { kind: 'code', text: 'HELO' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'now' },
      { kind: 'text', text: ', ' },
      { kind: 'em', text: 'please' },
      { kind: 'text', text: ' or ' },
      { kind: 'em', text: 'soon' },
      { kind: 'text', text: '; <b>x</b> a*b' },
    ]);
    expect(inlineText(parseInline('snake_case_name'))).toBe('snake_case_name');
  });
});

describe('a lesson text file', () => {
  it('needs frontmatter', () => {
    expect(parseFrontmatter('# no frontmatter', 'x.md')).toMatchObject({
      ok: false,
      issues: [{ field: 'frontmatter' }],
    });
  });

  it('reads title, summary, intro, steps with hints, and questions with choices', () => {
    const result = parseLessonText(
      [
        '---',
        'title: "A title: with a colon"',
        'summary: Short.',
        '---',
        'Intro.',
        '## step: one',
        'Do it.',
        '### hints',
        '- First hint',
        '- Second hint',
        '## question: q',
        'Why?',
        '### choices',
        '- [ ] No',
        '- [x] `Yes`',
        '### explanation',
        'Because.',
      ].join('\n'),
      'en.md',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.title).toBe('A title: with a colon');
    expect(result.value.steps[0]?.hints.map(inlineText)).toEqual(['First hint', 'Second hint']);
    expect(result.value.questions[0]?.choices).toEqual([
      { text: [{ kind: 'text', text: 'No' }], correct: false },
      { text: [{ kind: 'code', text: 'Yes' }], correct: true },
    ]);
  });

  it('names an unknown section heading', () => {
    const result = parseLessonText('---\ntitle: T\nsummary: S\n---\n## steps: one\nx', 'en.md');
    expect(result.ok ? [] : result.issues.map((i) => i.field)).toContain('## steps: one');
  });
});
