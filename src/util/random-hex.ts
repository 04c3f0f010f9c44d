/**
 * `n` random 32-bit words in hex: names and tags that must not meet by
 * chance, not secrets (Math.random, as node:crypto would cost its loading).
 */
export function randomHex(words: number): string {
  return Array.from({ length: words }, () => Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0')).join('');
}
