/**
 * A number for people, the one format of every message and label: 6
 * significant digits at most, no trailing zeros, exponent form below 1e-4 and
 * from 1e6 (`-4.76837e-7`, not `-0.000000476837`). Data exports keep round-trip
 * precision instead.
 */
export function formatNumber(v: number, digits = 6): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const rounded = Number(v.toPrecision(digits));
  const size = Math.abs(rounded);
  if (size >= 1e-4 && size < 1e6) return String(rounded);
  return rounded.toExponential().replace(/\.?0+e/, 'e').replace('e+', 'e');
}

/**
 * An integer with commas between groups of three digits (`1,002,001`), as
 * `toLocaleString('en-US')` writes it, without Intl: its first use loads
 * ICU's data, which takes longer than computing a default chart.
 */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
