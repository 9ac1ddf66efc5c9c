// A machine's transitions as the chart shows them: read from the machine object, labelled as students read
// them, and sorted into arrows, self-loops and notes ("from any state inside").
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { childToward, childrenOf, commonAncestor, depthBelow, idOf, isAncestor } from './statePaths.ts';

/** MachineTransition is one transition that changes state: its source and target ids and its event label. */
export interface MachineTransition {
  readonly source: string;
  readonly target: string;
  readonly event: string;
}

/** ChartTransitions sorts a machine's transitions by how the chart draws them. */
export interface ChartTransitions {
  /** drawn become arrows between boxes. */
  readonly drawn: readonly MachineTransition[];
  /** notes are taken from any state inside their source, and become note lines under it. */
  readonly notes: readonly MachineTransition[];
  /** selfLoops are the states with a transition back to themselves, which need room for a loop. */
  readonly selfLoops: ReadonlySet<string>;
}

function guardName(guard: unknown): string | null {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard && typeof guard.type === 'string')
    return guard.type;
  return null;
}

// A timer's transition is keyed `xstate.after.<delay>.<state id>`; students read `after <delay>`.
function eventLabel(node: AnyStateNode, eventType: string, guard: unknown): string {
  const delayed = node.after.find((after) => after.eventType === eventType);
  const name =
    delayed === undefined
      ? eventType
      : `after ${typeof delayed.delay === 'number' ? `${delayed.delay} ms` : String(delayed.delay)}`;
  const guardText = guardName(guard);
  return guardText === null ? name : `${name} [${guardText}]`;
}

/** machineTransitions lists every transition of a machine that changes state, in the order the chart declares them. */
export function machineTransitions(machine: AnyStateMachine): MachineTransition[] {
  const out: MachineTransition[] = [];
  const visit = (node: AnyStateNode) => {
    for (const [eventType, definitions] of node.transitions) {
      for (const definition of definitions) {
        for (const target of definition.target ?? []) {
          out.push({
            source: idOf(node),
            target: idOf(target),
            event: eventLabel(node, eventType, definition.guard),
          });
        }
      }
    }
    childrenOf(node).forEach(visit);
  };
  visit(machine.root);
  return out;
}

/**
 * chartTransitions sorts a machine's transitions: those a state takes from any state inside it (XState's `on`
 * of a compound state, or of the machine) become notes; the rest are drawn, fans into one container merged.
 */
export function chartTransitions(machine: AnyStateMachine): ChartTransitions {
  const all = machineTransitions(machine);
  return {
    drawn: intoContainers(all.filter((t) => !isAncestor(t.source, t.target))),
    notes: all.filter((t) => isAncestor(t.source, t.target)),
    selfLoops: new Set(all.filter((t) => t.source === t.target).map((t) => t.source)),
  };
}

// Transitions from one state into several states of one container become one arrow to the container, its
// events listed: a fan of arrows into the same box says no more and crowds the labels.
function intoContainers(drawn: readonly MachineTransition[]): MachineTransition[] {
  const boxOf = (t: MachineTransition) => childToward(commonAncestor(t.source, t.target), t.target);
  return drawn.map((t) => {
    const box = boxOf(t);
    if (box === null || box === t.target) return t;
    const fan = drawn.filter((o) => o.source === t.source && boxOf(o) === box);
    return new Set(fan.map((o) => o.target)).size > 1 ? { ...t, target: box } : t;
  });
}

/** groupNotes gathers a container's notes by event (guards left out), each with every state it may lead to. */
export function groupNotes(notes: readonly MachineTransition[]): { event: string; targets: string[] }[] {
  const groups: { event: string; targets: string[] }[] = [];
  for (const n of notes) {
    const event = n.event.replace(/ \[.*\]$/, '');
    const group = groups.find((g) => g.event === event);
    if (group === undefined) groups.push({ event, targets: [n.target] });
    else if (!group.targets.includes(n.target)) group.targets.push(n.target);
  }
  return groups;
}

/**
 * isDirect says whether an arrow runs straight: only between neighbouring layers and from or to states near the
 * surface; an arrow from deep inside a box would cut through its siblings, so it takes a lane instead.
 */
export function isDirect(lca: string, e: { source: string; target: string }, layerDiff: number): boolean {
  return layerDiff === 1 && depthBelow(lca, e.source) <= 2 && depthBelow(lca, e.target) <= 2;
}
