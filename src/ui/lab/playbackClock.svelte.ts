// Playback's tie to the wall clock: the lab's virtual time advances only while it plays, frame by frame.
import type { LabState } from './labState.svelte.ts';

/**
 * followWallClock ticks the lab `getLab` returns by the real time between animation frames while it plays,
 * and requests no frames at all while paused. Call it while a component initialises; the effect ends with it.
 */
export function followWallClock(getLab: () => LabState): void {
  $effect(() => {
    const lab = getLab();
    if (!lab.playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      lab.tick(now - last);
      last = now;
      if (lab.playing) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  });
}
