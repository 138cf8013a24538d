/**
 * A content feature, refined-github style: when it runs is data (`include`/`exclude` predicates on
 * the page URL); `init(signal)` sets it up and hands `signal` to everything it adds, so YouTube's
 * in-page navigation, which aborts the signal, tears it all down.
 */

export type PagePredicate = (url: URL) => boolean;

export interface Feature {
  /** The feature's id: its file name. */
  id: string;
  /** Runs where any of these holds (everywhere if empty). */
  include: readonly PagePredicate[];
  /** Never runs where any of these holds. */
  exclude?: readonly PagePredicate[];
  init: (signal: AbortSignal) => void | Promise<void>;
}

export function shouldRun(feature: Feature, url: URL): boolean {
  const isIncluded = feature.include.length === 0 || feature.include.some((test) => test(url));
  return isIncluded && !(feature.exclude ?? []).some((test) => test(url));
}
