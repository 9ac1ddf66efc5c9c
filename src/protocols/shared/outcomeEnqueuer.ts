// What a server machine's applyOutcome is handed: the part of XState's enqueueActions that an Outcome needs.

/**
 * OutcomeEnqueuer is the three things an Outcome asks for, as enqueueActions offers them: record changes to the
 * context, emit lines to the connection, and raise the event that moves the machine on. Each server machine
 * narrows it to its own context, emitted events and events.
 */
export interface OutcomeEnqueuer<TContext, TEmitted, TEvent> {
  assign(update: Partial<TContext>): void;
  emit(event: TEmitted): void;
  raise(event: TEvent): void;
}
