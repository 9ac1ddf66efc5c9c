import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  lessonProgress,
  loadProgress,
  markStepDone,
  partProgress,
  PROGRESS_KEY,
  recordAnswer,
  recordRun,
  saveProgress,
  stepsDone,
  type ProgressStorage,
} from '../../../src/lessons/progress.ts';

function memoryStorage(
  initial: Record<string, string> = {},
): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('progress', () => {
  it('is kept under a versioned key and read back as it was saved', () => {
    const storage = memoryStorage();
    let progress = markStepDone(emptyProgress(), 'smtp-by-hand', 'connect', ['connect', 'helo']);
    progress = recordAnswer(progress, 'smtp-by-hand', 'after-data', '354', true);
    expect(saveProgress(storage, progress)).toBeUndefined();
    expect(PROGRESS_KEY).toBe('mail-lab.progress.v1');
    expect([...storage.data.keys()]).toEqual([PROGRESS_KEY]);
    expect(loadProgress(storage)).toEqual({ progress });
  });

  it('starts empty, with no problem, when nothing was stored', () => {
    expect(loadProgress(memoryStorage())).toEqual({ progress: emptyProgress() });
  });

  it('reports corrupt data, clears it and starts afresh', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: '{not json' });
    expect(loadProgress(storage)).toEqual({ progress: emptyProgress(), problem: 'corrupt' });
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
  });

  it('reports data of the right version but the wrong shape as corrupt', () => {
    const storage = memoryStorage({
      [PROGRESS_KEY]: JSON.stringify({ version: 1, lessons: { x: { steps: 3 } } }),
    });
    expect(loadProgress(storage).problem).toBe('corrupt');
  });

  it('reports progress written by another version, and resets it', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify({ version: 2, done: ['x'] }) });
    expect(loadProgress(storage)).toEqual({ progress: emptyProgress(), problem: 'old-version' });
    expect(storage.data.size).toBe(0);
  });

  it('reports and removes progress left under an old key', () => {
    const storage = memoryStorage({ 'mail-lab.progress': '["smtp-by-hand"]' });
    expect(loadProgress(storage)).toEqual({ progress: emptyProgress(), problem: 'old-version' });
    expect(storage.data.size).toBe(0);
  });

  it('never throws when the browser refuses storage', () => {
    const refusing: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(loadProgress(refusing)).toEqual({ progress: emptyProgress(), problem: 'unavailable' });
    expect(loadProgress(undefined).problem).toBe('unavailable');
    expect(saveProgress(refusing, emptyProgress())).toBe('unavailable');
  });

  it('marks a lesson completed when its last step is done, and counts each step once', () => {
    let progress = markStepDone(emptyProgress(), 'three-parts', 'compose', ['compose', 'relay']);
    progress = markStepDone(progress, 'three-parts', 'compose', ['compose', 'relay']);
    expect(lessonProgress(progress, 'three-parts')).toEqual({
      steps: ['compose'],
      answers: {},
      completed: false,
    });
    progress = markStepDone(progress, 'three-parts', 'relay', ['compose', 'relay']);
    expect(lessonProgress(progress, 'three-parts').completed).toBe(true);
  });
});

describe('a lesson’s saved run', () => {
  it('keeps the exact event the cursor was at, and reads a run saved before events were counted', () => {
    const storage = memoryStorage();
    const run = { inputs: [{ at: 500, input: { type: 'terminal.open' } }], at: 1020.5, nth: 3 };
    saveProgress(storage, recordRun(emptyProgress(), 'smtp-by-hand', run));
    expect(lessonProgress(loadProgress(storage).progress, 'smtp-by-hand').run).toEqual(run);
    const older = {
      version: 1,
      lessons: { 'smtp-by-hand': { steps: [], answers: {}, completed: false, run: { inputs: [], at: 7 } } },
    };
    const read = loadProgress(memoryStorage({ [PROGRESS_KEY]: JSON.stringify(older) }));
    expect(read.problem).toBeUndefined();
    expect(lessonProgress(read.progress, 'smtp-by-hand').run).toEqual({ inputs: [], at: 7 });
  });

  it('is corrupt with a place that is not an event’s count', () => {
    const bad = {
      version: 1,
      lessons: { x: { steps: [], answers: {}, completed: false, run: { inputs: [], at: 7, nth: 1.5 } } },
    };
    expect(loadProgress(memoryStorage({ [PROGRESS_KEY]: JSON.stringify(bad) })).problem).toBe('corrupt');
  });
});

describe('progress through a part', () => {
  const lesson = (slug: string, ...ids: string[]) => ({ slug, steps: ids.map((id) => ({ id })) });
  const part = [lesson('pop3-by-hand', 'connect', 'login'), lesson('delete-or-keep', 'pc', 'phone', 'again')];

  it('counts completed lessons and done steps of all the part’s lessons', () => {
    let progress = markStepDone(emptyProgress(), 'pop3-by-hand', 'connect', ['connect', 'login']);
    progress = markStepDone(progress, 'pop3-by-hand', 'login', ['connect', 'login']);
    progress = markStepDone(progress, 'delete-or-keep', 'phone', ['pc', 'phone', 'again']);
    expect(partProgress(progress, part)).toEqual({ lessonsCompleted: 1, lessons: 2, stepsDone: 3, steps: 5 });
    expect(partProgress(emptyProgress(), part)).toEqual({
      lessonsCompleted: 0,
      lessons: 2,
      stepsDone: 0,
      steps: 5,
    });
  });

  it('does not count a step saved under an id the lesson no longer has', () => {
    const progress = markStepDone(emptyProgress(), 'pop3-by-hand', 'renamed', ['renamed']);
    expect(stepsDone(progress, part[0]!)).toBe(0);
    expect(partProgress(progress, part).stepsDone).toBe(0);
  });
});
