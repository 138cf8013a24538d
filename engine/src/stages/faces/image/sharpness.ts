/**
 * Variance of the 4-neighbour Laplacian over the interior of a `width x height` grey plane
 * (values in the plane's own unit). Blurry pictures have little high-frequency energy, hence a low value.
 */
export function laplacianVariance(grey: ArrayLike<number>, width: number, height: number, offset = 0): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  for (let y = 1; y < height - 1; y++) {
    let p = offset + y * width + 1;
    for (let x = 1; x < width - 1; x++, p++) {
      const lap = grey[p - 1]! + grey[p + 1]! + grey[p - width]! + grey[p + width]! - 4 * grey[p]!;
      sum += lap;
      sumSq += lap * lap;
    }
  }
  const count = (width - 2) * (height - 2);
  const mean = sum / count;
  return sumSq / count - mean * mean;
}
