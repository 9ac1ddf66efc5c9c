// Which panels the lab offers beside its map, in order: the tab list and presenter mode's choice read the same list.
import { PANELS as LESSON_PANELS, type PanelName } from '../../lessons/lessonFormat.ts';
import type { LabText } from '../i18n/labText.ts';

/** LabPanel is one of the panels beside the map: the lesson, or a tool. */
export type LabPanel = keyof LabText['panels'];

/** TOOL_PANELS are the panels a lesson may point at, less the two views that are always on screen. */
export const TOOL_PANELS: readonly LabPanel[] = LESSON_PANELS.filter(
  (p): p is Exclude<PanelName, 'topology' | 'timeline'> => p !== 'topology' && p !== 'timeline',
);

/** labPanels lists the panels: the lesson first when there is one, since a lesson is the lab with a guide beside it. */
export function labPanels(lesson: boolean): readonly LabPanel[] {
  return lesson ? ['lesson', ...TOOL_PANELS] : TOOL_PANELS;
}
