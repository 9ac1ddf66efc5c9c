// Tunable numbers of the TCP model, with the RFC values they come from.

/** TcpTuning holds the numbers a scenario may change; defaults follow the RFCs where they speak. */
export interface TcpTuning {
  /** mss is the largest payload we accept in one segment; 536 is the default of RFC 879 / RFC 1122 §4.2.2.6. */
  readonly mss: number;
  /** window is the receive window we advertise, in octets. */
  readonly window: number;
  /** initialRtoMs is the retransmission timeout before any round trip has been measured (RFC 6298 §2.1). */
  readonly initialRtoMs: number;
  /** minRtoMs is the floor of the computed timeout (RFC 6298 §2.4: one second). */
  readonly minRtoMs: number;
  /** maxRtoMs caps the doubling of the timeout on repeated losses (RFC 6298 §2.5 allows a cap of 60 s or more). */
  readonly maxRtoMs: number;
  /** synRetries is how many times a SYN is sent again before connect fails with a timeout. */
  readonly synRetries: number;
  /** dataRetries is how many times a segment is sent again before the connection is given up. */
  readonly dataRetries: number;
  /**
   * delayedAckMs is how long an acknowledgement may wait for data of ours to ride on (RFC 1122 §4.2.3.2: under
   * 0.5 s; 200 ms as in common stacks); 0 acknowledges every segment at once.
   */
  readonly delayedAckMs: number;
  /** timeWaitMs is twice the maximum segment lifetime (RFC 793 §3.5 suggests MSL = 2 min; we use 30 s). */
  readonly timeWaitMs: number;
}

/** defaultTcpTuning is the tuning every host gets unless its scenario says otherwise. */
export const defaultTcpTuning: TcpTuning = {
  mss: 536,
  window: 65535,
  initialRtoMs: 1000,
  minRtoMs: 1000,
  maxRtoMs: 60_000,
  synRetries: 4,
  dataRetries: 6,
  timeWaitMs: 60_000,
  delayedAckMs: 200,
};
