// The lab's first run, off the page's thread: the same engine the lab uses afterwards runs the scenario and its
// inputs as far as the lab looks, and posts back the trace (deterministic, so the page's own run will agree).
import { Session } from '../../sim/session.ts';
import type { FirstRunAnswer, FirstRunAsk } from './engineLoader.ts';

self.onmessage = (event: MessageEvent<FirstRunAsk>) => {
  const { scenario, inputs, until } = event.data;
  let answer: FirstRunAnswer;
  try {
    const session = new Session(scenario, inputs);
    session.runUntilQuiet(until);
    answer = { ok: true, trace: [...session.events] };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
