/** Gaussian elimination with partial pivoting on an n x n system (row-major); `m` and `v` are
 * used up. */
export function solveLinear(m: number[], v: number[], n: number): number[] {
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[n * r + c]) > Math.abs(m[n * p + c])) p = r;
    if (p !== c) {
      for (let k = 0; k < n; k++) [m[n * c + k], m[n * p + k]] = [m[n * p + k], m[n * c + k]];
      [v[c], v[p]] = [v[p], v[c]];
    }
    const d = m[n * c + c] || 1e-300;
    for (let r = c + 1; r < n; r++) {
      const f = m[n * r + c] / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) m[n * r + k] -= f * m[n * c + k];
      v[r] -= f * v[c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = v[r];
    for (let k = r + 1; k < n; k++) s -= m[n * r + k] * x[k];
    x[r] = s / (m[n * r + r] || 1e-300);
  }
  return x;
}
