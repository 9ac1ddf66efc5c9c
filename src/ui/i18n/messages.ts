// The shape of a message catalogue: every string the page shows, so a language is complete or does not compile.
import type { DropReason } from '../../net/netEvents.ts';

/** ScenarioMessages are a built-in scenario's title, description and host names in one language. */
export interface ScenarioMessages {
  readonly title: string;
  readonly description: string;
  readonly hosts: Readonly<Record<string, string>>;
}

/** Messages is one language's catalogue; functions fill in numbers and names in that language's word order. */
export interface Messages {
  readonly appName: string;
  readonly tagline: string;
  readonly languageLabel: string;
  readonly eyebrow: string;
  readonly documentTitle: (scenario: string) => string;
  readonly scenarios: Readonly<Record<string, ScenarioMessages>>;
  readonly diagramSummary: (hosts: number, segments: number) => string;
  readonly hint: string;
  readonly legend: {
    readonly title: string;
    readonly segment: string;
    readonly dropped: string;
    readonly retransmission: string;
    readonly state: string;
    readonly line: string;
  };
  readonly phases: { readonly handshake: readonly string[]; readonly close: readonly string[] };
  readonly timeAxis: string;
  readonly later: (duration: string) => string;
  readonly segment: {
    readonly title: (segment: number, from: string, to: string) => string;
    readonly flags: (flags: string) => string;
    readonly seq: (absolute: number, relative: number) => string;
    readonly ack: (absolute: number, relative: number) => string;
    readonly sizes: (window: number, bytes: number) => string;
    readonly sent: (at: string) => string;
    readonly arrived: (at: string) => string;
    readonly dropped: (at: string, reason: string) => string;
    readonly inFlight: string;
    readonly retransmission: string;
    readonly carried: string;
  };
  readonly dropReasons: Readonly<Record<DropReason, string>>;
  readonly state: {
    readonly initial: (state: string) => string;
    readonly change: (from: string, to: string, at: string) => string;
  };
  readonly footer: string;
}
