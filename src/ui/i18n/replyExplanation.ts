// The shape of one reply's explanation for students, shared by every protocol's table of reply texts.

/** ReplyExplanation is the student-facing text for one reply. */
export interface ReplyExplanation {
  /** What the reply means. */
  readonly meaning: string;
  /** What the client should do next. */
  readonly next: string;
}
