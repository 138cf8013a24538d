/** Clustering and verification metrics used by the evaluation. Pure. */

/** BCubed precision, recall and F over items with a true label and a predicted cluster. */
export function bcubed(truth: readonly string[], predicted: readonly (number | string)[]): { precision: number; recall: number; f: number } {
  const n = truth.length;
  if (n === 0) return { precision: 0, recall: 0, f: 0 };
  const pairCount = new Map<string, number>();
  const clusterSize = new Map<string, number>();
  const labelSize = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = String(predicted[i]);
    const l = truth[i]!;
    pairCount.set(`${c}\u0000${l}`, (pairCount.get(`${c}\u0000${l}`) ?? 0) + 1);
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    labelSize.set(l, (labelSize.get(l) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const c = String(predicted[i]);
    const l = truth[i]!;
    const both = pairCount.get(`${c}\u0000${l}`)!;
    precision += both / clusterSize.get(c)!;
    recall += both / labelSize.get(l)!;
  }
  precision /= n;
  recall /= n;
  return { precision, recall, f: (2 * precision * recall) / (precision + recall) };
}

/** Pairwise precision, recall and F: over all pairs of items, "same cluster" against "same person". */
export function pairwise(truth: readonly string[], predicted: readonly (number | string)[]): { precision: number; recall: number; f: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < truth.length; i++) {
    for (let j = i + 1; j < truth.length; j++) {
      const same = truth[i] === truth[j];
      const together = predicted[i] === predicted[j];
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 1;
  return { precision, recall, f: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Average number of clusters that hold a person's items (each cluster counted for its majority person). */
export function clustersPerPerson(truth: readonly string[], predicted: readonly (number | string)[]): number {
  const byCluster = countLabelsPerCluster(truth, predicted);
  const clustersOf = new Map<string, number>();
  for (const counts of byCluster.values()) {
    const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    clustersOf.set(majority, (clustersOf.get(majority) ?? 0) + 1);
  }
  const people = new Set(truth).size;
  return people > 0 ? [...clustersOf.values()].reduce((a, b) => a + b, 0) / people : 0;
}

/** Clusters whose items belong to more than one person, where the minority is at least `minShare`. */
export function mixedClusters(truth: readonly string[], predicted: readonly (number | string)[], minShare = 0.1): number {
  const byCluster = countLabelsPerCluster(truth, predicted);
  let mixed = 0;
  for (const counts of byCluster.values()) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    if (sorted.length > 1 && sorted[1]! / total >= minShare) mixed++;
  }
  return mixed;
}

/** True-accept rate at the similarity threshold that gives the false-accept rate `far` on impostor pairs. */
export function tarAtFar(genuine: readonly number[], impostor: readonly number[], far: number): { tar: number; threshold: number } {
  const sorted = [...impostor].sort((a, b) => b - a);
  const index = Math.floor(far * sorted.length);
  const threshold = sorted[Math.min(index, sorted.length - 1)] ?? 1;
  const tar = genuine.filter((s) => s > threshold).length / Math.max(1, genuine.length);
  return { tar, threshold };
}

/** Area under the ROC curve: the chance a random genuine pair scores above a random impostor pair. */
export function rocAuc(genuine: readonly number[], impostor: readonly number[]): number {
  const all = [...genuine.map((s) => ({ s, g: 1 })), ...impostor.map((s) => ({ s, g: 0 }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  all.forEach((item, rank) => {
    if (item.g) rankSum += rank + 1;
  });
  const g = genuine.length;
  const i = impostor.length;
  return g > 0 && i > 0 ? (rankSum - (g * (g + 1)) / 2) / (g * i) : 0;
}

/** For each predicted cluster, how many items of each true label it holds. */
function countLabelsPerCluster(truth: readonly string[], predicted: readonly (number | string)[]): Map<string, Map<string, number>> {
  const byCluster = new Map<string, Map<string, number>>();
  truth.forEach((label, i) => {
    const c = String(predicted[i]);
    const counts = byCluster.get(c) ?? new Map<string, number>();
    counts.set(label, (counts.get(label) ?? 0) + 1);
    byCluster.set(c, counts);
  });
  return byCluster;
}
