// A small seeded generator, so the same seed always produces the same deanery, byte for byte.

/** sfc32 seeded through splitmix32: fast, 32-bit, good enough statistics for test data. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Warm up, as sfc32's authors advise.
  for (let i = 0; i < 12; i++) next();

  const random = {
    uint32: next,
    /** A float in [0, 1). */
    float: () => next() / 4294967296,
    /** An integer in [min, max], both included. */
    int: (min, max) => min + Math.floor((next() / 4294967296) * (max - min + 1)),
    chance: (probability) => next() / 4294967296 < probability,
    pick: (items) => items[Math.floor((next() / 4294967296) * items.length)],
    /** Picks by weight from [[value, weight], ...]. */
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let point = (next() / 4294967296) * total;
      for (const [value, weight] of entries) {
        point -= weight;
        if (point < 0) return value;
      }
      return entries[entries.length - 1][0];
    },
    /** `count` distinct items, in random order. */
    sample: (items, count) => {
      const copy = items.slice();
      const wanted = Math.min(count, copy.length);
      for (let i = 0; i < wanted; i++) {
        const j = i + Math.floor((next() / 4294967296) * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, wanted);
    },
    shuffle: (items) => random.sample(items, items.length),
    /** A version 4 UUID made from this generator, so ids too follow from the seed. */
    uuid: () => {
      const words = [next(), next(), next(), next()];
      words[1] = ((words[1] & 0xffff0fff) | 0x00004000) >>> 0;
      words[2] = ((words[2] & 0x3fffffff) | 0x80000000) >>> 0;
      const hex = words.map((word) => word.toString(16).padStart(8, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
  return random;
}
