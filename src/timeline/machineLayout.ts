// Lays out an XState machine as a state chart — boxes for states, nested inside their parents with parallel
// regions side by side, and labelled arrows for transitions — read from the machine object so the picture is the code.
import type { AnyStateMachine } from 'xstate';
import { round1 } from './arrowShapes.ts';
import { chartEdges } from './machineEdges.ts';
import {
  CHART_SIZES as S,
  NOTE_LINE,
  type MachineLayout,
  type NoteBlock,
  type StateBox,
} from './machineShapes.ts';
import { chartTransitions } from './machineTransitions.ts';
import { measureBlock, placeBlocks, type PlacedBlock } from './measureBlock.ts';
import { chartObstacles, placeEdgeLabels } from './placeEdgeLabels.ts';

export * from './machineShapes.ts';
export { machineTransitions, type MachineTransition } from './machineTransitions.ts';
export { edgeLabelBox, chartObstacles } from './placeEdgeLabels.ts';
export { activeStates, lastStep, stepPath, withAncestors, type LastStep } from './chartState.ts';

const round = round1;

/**
 * layoutMachine lays out a machine's chart. Transitions that a state takes from any state inside it (XState's
 * `on` of a compound state, or of the machine) become note lines under that state instead of arrows.
 */
export function layoutMachine(machine: AnyStateMachine): MachineLayout {
  const transitions = chartTransitions(machine);
  const root = measureBlock(machine.root, null, transitions);
  const placed = placeBlocks(root);
  const byId = new Map(placed.map((p) => [p.block.id, p]));
  const boxes = stateBoxes(placed, machine.id);
  const notes = noteBlocks(placed);
  const labelled = placeEdgeLabels(
    chartEdges(transitions.drawn, byId),
    chartObstacles(boxes, notes),
    root.width,
    root.height,
  );
  return {
    id: machine.id,
    width: round(labelled.width),
    height: round(root.height),
    boxes,
    edges: labelled.edges,
    notes,
  };
}

/** stateBoxes turns the placed blocks into boxes; the root box is named after the machine. */
function stateBoxes(placed: readonly PlacedBlock[], machineId: string): StateBox[] {
  return placed.map(({ block, x, y, depth }) => ({
    id: block.id,
    key: block.id === '' ? machineId : block.node.key,
    kind: block.kind,
    depth,
    initial: block.initial,
    tags: [...block.node.tags],
    x: round(x),
    y: round(y),
    width: round(block.width),
    height: round(block.height),
  }));
}

/** noteBlocks writes each container's notes below its children, a caption line first, one entry after another. */
function noteBlocks(placed: readonly PlacedBlock[]): NoteBlock[] {
  return placed
    .filter((p) => p.block.notes.length > 0)
    .map((p) => {
      let y = p.y + p.block.notesTop + NOTE_LINE;
      const entries = p.block.notes.map((n) => {
        const entry = { event: n.event, targets: n.targets, lines: n.lines, y: round(y + NOTE_LINE) };
        y += n.lines.length * NOTE_LINE;
        return entry;
      });
      return {
        container: p.block.id,
        x: round(p.x + S.pad),
        y: round(p.y + p.block.notesTop + NOTE_LINE),
        entries,
      };
    });
}
