/** The discrete Fourier transform of a power-of-two frame, for the spectrum stage. Pure. */

/** In-place iterative radix-2 FFT; `twiddles` (from `twiddlesFor(n)`) saves the trigonometry. */
export function fft(re: Float64Array, im: Float64Array, twiddles = twiddlesFor(re.length)): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const step = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = twiddles.cos[k * step]!;
        const wi = twiddles.sin[k * step]!;
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
    }
  }
}

/** cos and sin of -2πk/n for k < n/2. */
export function twiddlesFor(n: number): { cos: Float64Array; sin: Float64Array } {
  return {
    cos: Float64Array.from({ length: n / 2 }, (_, k) => Math.cos((-2 * Math.PI * k) / n)),
    sin: Float64Array.from({ length: n / 2 }, (_, k) => Math.sin((-2 * Math.PI * k) / n)),
  };
}
