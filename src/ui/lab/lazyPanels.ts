// The side panels other than the transcript are fetched when their tab first opens, so the first page carries the
// map, the timeline and the transcript only (issue 12's first-load budget). Each is fetched once.

// A fetch that failed (offline, a deploy replaced the chunk) is forgotten, so trying again fetches again.
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
}

/** panels loads each panel's component on first use; later calls get the same promise, unless it failed. */
export const panels = {
  machines: once(() => import('./StateCharts.svelte')),
  inspector: once(() => import('./Inspector.svelte')),
  machineStates: once(() => import('./MachineStates.svelte')),
  queues: once(() => import('./QueuePanel.svelte')),
  mailboxes: once(() => import('./MailboxPanel.svelte')),
  console: once(() => import('./Console.svelte')),
  compose: once(() => import('./Compose.svelte')),
  read: once(() => import('./ReadMail.svelte')),
  faults: once(() => import('./FaultPanel.svelte')),
  events: once(() => import('./EventList.svelte')),
};
