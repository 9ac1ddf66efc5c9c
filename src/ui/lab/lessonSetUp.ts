// What a lesson step does to the lab as it begins: load a scenario, feed an input, open the console, pick a
// connection, or point at a panel. The lab's own views (console host, outline) are the caller's to change.
import type { Lesson, SetUpAction } from '../../lessons/lessonFormat.ts';
import { scenarioToLoad } from '../../lessons/lessonRunner.ts';
import type { LabState } from './labState.svelte.ts';

/** LabViews are the parts of the lab screen a step may change: the console's host and the outlined panel. */
export interface LabViews {
  openConsole(host: string): void;
  highlight(panel: string): void;
}

/** applySetUp performs one of a step's set-up actions on `lab`, at the cursor, for the lesson it belongs to. */
export function applySetUp(action: SetUpAction, lab: LabState, lesson: Lesson | null, views: LabViews): void {
  switch (action.action) {
    case 'load':
      if (lesson) lab.load(scenarioToLoad(lesson, action), [], false);
      return;
    case 'input':
      lab.inputs([{ at: lab.now + action.at, input: action.input }]);
      return;
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
