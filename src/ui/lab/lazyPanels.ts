// The side panels are fetched when their tab first opens, the transcript's lines when there is a connection to
// show and the sequence diagram when the timeline zooms into one connection, so the first page carries the map,
// the timeline and the transcript's frame only (issue 12's first-load budget). Each is fetched once.

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
  transcriptLines: once(() => import('./TranscriptLines.svelte')),
  sequenceDiagram: once(() => import('../SequenceDiagram.svelte')),
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

/** controls loads the words of the lab's controls (Compose, the faults), which only fetched panels show. */
export const controls = once(() => import('../i18n/controlsText.ts'));

/** overlays loads what the lab opens over itself on request: the share dialog and presenter mode's fault palette. */
export const overlays = {
  share: once(() => import('./share/ShareDialog.svelte')),
  palette: once(() => import('./presenter/FaultPalette.svelte')),
};
