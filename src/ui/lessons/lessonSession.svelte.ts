// A lesson driver bound to runes: the browser's side of the one lesson driver. It holds the driver's state as
// `$state.raw`, so the panel re-renders on each change, and tells the caller when steps are newly done.
import { LessonDriver, type DriverState } from '../../lessons/lessonDriver.ts';
import type { Lesson } from '../../lessons/lessonFormat.ts';
import type { LabState } from '../lab/labState.svelte.ts';
import { lessonLab, type LabViews } from '../lab/lessonSetUp.ts';

/** LessonSession drives `lesson` on `lab`; `onDone` hears the ids of steps as they are met. */
export class LessonSession {
  readonly driver: LessonDriver;
  state = $state.raw<DriverState>() as DriverState;
  /** driving is false until the driver has started on the lab's world (it waits for the engine: LabState). */
  driving = $state(false);

  constructor(lesson: Lesson, lab: LabState, views: LabViews, onDone: (stepIds: string[]) => void) {
    this.driver = new LessonDriver(lesson, lessonLab(lab, views));
    this.state = this.driver.state;
    this.driver.subscribe((next) => {
      const newly = next.done.slice(this.state.done.length).map((d) => d.id);
      const restarted = next.done.length < this.state.done.length;
      this.state = next;
      if (newly.length > 0 && !restarted) onDone(newly);
    });
  }

  get lesson(): Lesson {
    return this.driver.lesson;
  }
}
