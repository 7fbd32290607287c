/** A repeatable stream of numbers in [0, 1) for tests that compare a kernel with its plain definition on random
 *  images (a linear congruential generator: the same seed, the same images, on every run). */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
