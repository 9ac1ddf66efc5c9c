// The shapes a state chart is made of, as layoutMachine returns them: plain data in the chart's own pixels, and
// the sizes the layout measured text with, which the component must draw with too.

/** StateKind says how a box is drawn: a leaf, a box of boxes, a parallel state, one of its regions, final, the chart. */
export type StateKind = 'atomic' | 'compound' | 'parallel' | 'region' | 'final' | 'root';

/** StateBox is one state's rectangle; `id` is its dotted path from the root ('session.protocol.ready'), '' for the root. */
export interface StateBox {
  readonly id: string;
  readonly key: string;
  readonly kind: StateKind;
  readonly depth: number;
  /** initial is true for the state its parent enters first (drawn with the initial dot). */
  readonly initial: boolean;
  readonly tags: readonly string[];
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * EdgeRoute says how an arrow runs: `direct` between neighbouring layers, `down` along a lane on the left for a
 * longer way forward, `up` along a lane on the right for a way back, `self` as a loop beside its box.
 */
export type EdgeRoute = 'direct' | 'down' | 'up' | 'self';

/** TransitionEdge is every transition from one box to another, merged into one arrow with its events listed. */
export interface TransitionEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** events label each transition: the event type, `after <delay>` for a timer, and `[guard]` when guarded. */
  readonly events: readonly string[];
  readonly route: EdgeRoute;
  /** path is SVG path data ending on the target's border, where an arrowhead goes. */
  readonly path: string;
  readonly labelX: number;
  readonly labelY: number;
  readonly labelAnchor: 'start' | 'middle' | 'end';
}

/** NoteEntry is one transition a state takes from any state inside it, written as text rather than an arrow. */
export interface NoteEntry {
  readonly event: string;
  readonly targets: readonly string[];
  readonly lines: readonly string[];
  /** y is the baseline of the entry's first line. */
  readonly y: number;
}

/** NoteBlock holds a container's "from any state inside" transitions, below its children. */
export interface NoteBlock {
  readonly container: string;
  readonly x: number;
  /** y is the baseline of the caption line the component writes above the entries. */
  readonly y: number;
  readonly entries: readonly NoteEntry[];
}

/** MachineLayout is a whole chart in its own coordinates, from (0, 0) to (width, height). */
export interface MachineLayout {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly StateBox[];
  readonly edges: readonly TransitionEdge[];
  readonly notes: readonly NoteBlock[];
}

/** CHART_FONT holds the font sizes the layout measured with; the component must draw with the same. */
export const CHART_FONT = { state: 12, container: 11, label: 10, note: 10 } as const;

/** NOTE_LINE is the distance between the lines of a note block, in px. */
export const NOTE_LINE = 13;

/** LABEL_LINE is the distance between the lines of an arrow's label (one event a line), in px. */
export const LABEL_LINE = 11;

/** CHART_SIZES are the layout's own distances, in px; nothing outside the layout needs them. */
export const CHART_SIZES = {
  boxHeight: 28,
  boxPadX: 16,
  minBoxWidth: 70,
  /** pad is a container's inner margin; `header` the room for its name above its children. */
  pad: 14,
  header: 34,
  layerGap: 40,
  columnGap: 22,
  /** laneGap is the distance between side lanes, `laneMargin` the room between the lanes and the states. */
  laneGap: 9,
  laneMargin: 14,
  selfLoop: 24,
  /** arrowTail is how far a lane arrow leaves a box sideways; `corridor` how far it steps into a row gap. */
  arrowTail: 9,
  corridor: 13,
  /** noteWrap is the width of a note line, in characters. */
  noteWrap: 44,
} as const;
