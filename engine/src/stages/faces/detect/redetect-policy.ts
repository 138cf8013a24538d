/**
 * When the detector may rest. Detection is most of the faces stage's cost, and within a shot whose
 * picture barely moves (talking heads, a still photo) the faces stay where they were. So such a
 * sample carries the previous sample's boxes forward (the landmarks, quality and not-face checks
 * still run on them), and the detector runs again on every `every`-th sample, and at once when the
 * picture has changed since the last detection (a cut, a camera move, someone walking in). Pure.
 */
export interface RedetectOptions {
  /** Detect on every n-th sample at least (1 = detect on every sample). */
  every: number;
  /** Mean absolute difference of grey thumbnails (0..255) since the last detection from which the picture counts as moved. */
  stillChange: number;
}

/**
 * Off by default (every 1). `{ every: 2, stillChange: 16 }` (every other sample unless the picture
 * changed like a cut, each carried face checked and followed by its landmarks, carry-check.ts) keeps
 * every face and people figure on bench, bench2 and Hamilton and cuts bench/dev's detector views by
 * 23%; but the boxes it carries move the mouths measured in heard/dev's two-shots, and there a silent
 * listener was named for 2.8 s of another's speech (two-shot listener 0% -> 16.5%, women's share of
 * speech -3.8 pts). The attribution is what is fragile there (docs/evaluation.md); until it is not,
 * a missing name is better than a wrong one. Without the check, carrying on every other sample
 * changing by less than 2 split one person in two and flagged another on bench2/dev (issue 12).
 */
export const DEFAULT_REDETECT_POLICY: RedetectOptions = { every: 1, stillChange: 16 };

/**
 * @param changeSinceDetection picture change between this sample and the last one the detector ran on (null: none yet)
 */
export function shouldRedetect(sample: number, changeSinceDetection: number | null, options: RedetectOptions): boolean {
  if (options.every <= 1 || sample % options.every === 0) return true;
  return changeSinceDetection === null || changeSinceDetection >= options.stillChange;
}
