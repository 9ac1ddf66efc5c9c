// Outlines of the timeline's glyphs, centred on (0, 0) and about 14 px across. Every kind has its own shape, so
// a reader who cannot tell the colours apart still can tell a deferral (hourglass) from a delivery (tick).
import type { GlyphKind } from './timelineShapes.ts';

/**
 * GlyphShape is a glyph's outline (`body`, filled when `filled`, else stroked on the page colour) and an
 * optional `detail` stroked over it in the contrasting colour. `tone` names the colour family it takes.
 */
export interface GlyphShape {
  readonly body: string;
  readonly filled: boolean;
  readonly detail: string | null;
  readonly tone: 'flow' | 'wait' | 'fail' | 'dns';
}

const circle = (radius: number) =>
  `M${radius},0A${radius},${radius} 0 1 1 ${-radius},0A${radius},${radius} 0 1 1 ${radius},0Z`;

/** GLYPHS maps each glyph kind to its shape. */
export const GLYPHS: Readonly<Record<GlyphKind, GlyphShape>> = {
  // A dart: the user agent sends.
  submitted: { body: 'M-6,-6L7,0L-6,6L-3,0Z', filled: true, detail: null, tone: 'flow' },
  // An in-tray: the message enters the queue.
  enqueued: {
    body: 'M-7,-6H7V6H-7Z',
    filled: false,
    detail: 'M-7,0H-3L-1.5,2.5H1.5L3,0H7',
    tone: 'flow',
  },
  // A ring: one try at delivery.
  attempt: { body: circle(6), filled: false, detail: 'M0,-2.5V2.5M-2.5,0H2.5', tone: 'flow' },
  // An hourglass: waiting for the next try.
  deferred: { body: 'M-6,-7H6L-6,7H6Z', filled: true, detail: null, tone: 'wait' },
  // A warning sign: the sender is told the message is late.
  warned: { body: 'M0,-7L7.5,6.5H-7.5Z', filled: true, detail: 'M0,-2.5V2M0,4V4.6', tone: 'wait' },
  // A tick in a disc: delivered.
  delivered: { body: circle(7), filled: true, detail: 'M-3.5,0L-1,2.8L3.8,-2.8', tone: 'flow' },
  // A stop sign: given up and bounced.
  bounced: {
    body: 'M-3,-7H3L7,-3V3L3,7H-3L-7,3V-3Z',
    filled: true,
    detail: 'M-3.5,0H3.5',
    tone: 'fail',
  },
  // An envelope: stored in a mailbox.
  stored: { body: 'M-7,-5H7V5H-7Z', filled: false, detail: 'M-7,-5L0,1L7,-5', tone: 'flow' },
  // A diamond: a DNS question; filled red when it failed.
  dns: { body: 'M0,-7L7,0L0,7L-7,0Z', filled: false, detail: null, tone: 'dns' },
  'dns-failed': {
    body: 'M0,-7L7,0L0,7L-7,0Z',
    filled: true,
    detail: 'M-2.5,-2.5L2.5,2.5M2.5,-2.5L-2.5,2.5',
    tone: 'fail',
  },
  // A cross: a segment lost on the way.
  dropped: { body: 'M-5,-5L5,5M5,-5L-5,5', filled: false, detail: null, tone: 'fail' },
};
