// The lab as the lesson driver sees it: LabState's world and cursor behind the LessonLab interface, and what a
// step asks the screen to show (a console, a connection, a panel) handed to the lab's own views.
import type { LessonLab, ViewAction } from '../../lessons/lessonDriver.ts';
import type { LabState } from './labState.svelte.ts';

/** LabViews are the parts of the lab screen a step may change: the console's host and the outlined panel. */
export interface LabViews {
  openConsole(host: string): void;
  highlight(panel: string): void;
}

/** lessonLab lets a lesson driver work on `lab`; its views go to `views`. */
export function lessonLab(lab: LabState, views: LabViews): LessonLab {
  return {
    get trace() {
      return lab.trace;
    },
    get cursor() {
      return lab.cursor;
    },
    get inputs() {
      return lab.extraInputs;
    },
    load: (scenario, inputs) => lab.load(scenario, inputs, false),
    addInputs: (inputs) => lab.inputs(inputs),
    setInputs: (inputs, cursor) => lab.replaceInputs(inputs, cursor),
    playTo: (seq) => lab.playTo(seq),
    playUntilQuiet: (after) => lab.playUntilIdle(after),
    view: (action) => show(action, lab, views),
  };
}

function show(action: ViewAction, lab: LabState, views: LabViews): void {
  switch (action.action) {
    case 'openConsole':
      views.openConsole(action.host);
      views.highlight('console');
      return;
    case 'selectConnection': {
      const found = lab.world.connections.find(
        (c) =>
          (action.client === undefined || c.client.host === action.client) &&
          (action.server === undefined || c.server.host === action.server) &&
          (action.port === undefined || c.server.port === action.port),
      );
      if (found) lab.selectedConn = found.conn;
      return;
    }
    case 'highlight':
      views.highlight(action.panel);
      return;
  }
}
