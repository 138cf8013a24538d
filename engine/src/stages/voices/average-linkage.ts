/**
 * Average-linkage agglomeration with a stopping distance and a cannot-link rule, in about n²
 * steps rather than n³: each group remembers its nearest allowed neighbour, and only the rows a
 * merge touched look again. Group-to-group distances are updated by Lance–Williams (the average of
 * the pieces' distances, weighted by size). Pure.
 */

export interface LinkageInput {
  /** Distances between the initial groups (a square, symmetric table; the diagonal is ignored). */
  distance: Float64Array[];
  /** Pieces in each initial group (the weights of the average). */
  sizes: number[];
  /** The person seen speaking in each initial group, or null: groups of two different people never join. */
  persons: (number | null)[];
  /** Groups this far apart or more stay apart. */
  threshold: number;
}

/** The final groups, each the list of initial groups it holds, in order of their first member. */
export function averageLinkage(input: LinkageInput): number[][] {
  const { distance: d, threshold } = input;
  const n = input.sizes.length;
  const sizes = [...input.sizes];
  const persons = [...input.persons];
  const members = Array.from({ length: n }, (_, i) => [i]);
  const alive = new Array<boolean>(n).fill(true);
  const isAllowed = (a: number, b: number) => a !== b && alive[b]! && (persons[a] === null || persons[b] === null || persons[a] === persons[b]);
  const nearestOf = (a: number) => {
    let best = -1;
    for (let b = 0; b < n; b++) if (isAllowed(a, b) && (best < 0 || d[a]![b]! < d[a]![best]!)) best = b;
    return best;
  };
  const nearest = Array.from({ length: n }, (_, a) => nearestOf(a));
  for (;;) {
    let a = -1;
    for (let c = 0; c < n; c++) if (alive[c] && nearest[c]! >= 0 && (a < 0 || d[c]![nearest[c]!]! < d[a]![nearest[a]!]!)) a = c;
    if (a < 0 || !(d[a]![nearest[a]!]! < threshold)) break;
    const b = nearest[a]!;
    for (let c = 0; c < n; c++) {
      const merged = (sizes[a]! * d[a]![c]! + sizes[b]! * d[b]![c]!) / (sizes[a]! + sizes[b]!);
      d[a]![c] = merged;
      d[c]![a] = merged;
    }
    sizes[a] = sizes[a]! + sizes[b]!;
    persons[a] = persons[a] ?? persons[b]!;
    members[a]!.push(...members[b]!);
    alive[b] = false;
    nearest[a] = nearestOf(a);
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === a) continue;
      if (nearest[c] === a || nearest[c] === b) nearest[c] = nearestOf(c);
      else if (isAllowed(c, a) && (nearest[c]! < 0 || d[c]![a]! < d[c]![nearest[c]!]!)) nearest[c] = a;
    }
  }
  return members.filter((_, k) => alive[k]).map((m) => m.sort((x, y) => x - y));
}
