// State ids as dotted paths from the root ('session.protocol.ready', '' for the root), and how two of them relate.
import type { AnyStateNode } from 'xstate';

/** idOf is a state node's dotted path from the root. */
export function idOf(node: AnyStateNode): string {
  return node.path.join('.');
}

/** childrenOf lists a state node's child states in the order the chart declares them. */
export function childrenOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states) as AnyStateNode[];
}

/** isAncestor says whether `id` lies strictly inside `ancestor`. */
export function isAncestor(ancestor: string, id: string): boolean {
  return ancestor === '' ? id !== '' : id.startsWith(ancestor + '.');
}

/** childToward is the child of `container` on the way down to `id` (itself included), or null when `id` is not inside it. */
export function childToward(container: string, id: string): string | null {
  if (!isAncestor(container, id)) return null;
  const rest = container === '' ? id : id.slice(container.length + 1);
  const head = rest.split('.')[0] ?? rest;
  return container === '' ? head : `${container}.${head}`;
}

/** commonAncestor is the deepest state that contains both ids (or is one of them). */
export function commonAncestor(a: string, b: string): string {
  const pa = a === '' ? [] : a.split('.');
  const pb = b === '' ? [] : b.split('.');
  const common: string[] = [];
  for (let i = 0; i < Math.min(pa.length, pb.length) && pa[i] === pb[i]; i++) common.push(pa[i] as string);
  return common.join('.');
}

/** depthBelow is how deep a state sits below its container: 1 for a child, 2 for a grandchild. */
export function depthBelow(container: string, id: string): number {
  return id.split('.').length - (container === '' ? 0 : container.split('.').length);
}

/** lastKey is a state's own key, the last part of its id. */
export function lastKey(id: string): string {
  return id.split('.').at(-1) ?? id;
}
