/** A small seeded generator (mulberry32), so that every run sends the same hostile input. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  integer(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.integer(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A string of code points from awkward ranges: controls, combining marks, surrogates, RTL, emoji. */
  awkwardString(length: number): string {
    const ranges: [number, number][] = [
      [0x00, 0x1f],
      [0x20, 0x7e],
      [0x300, 0x36f],
      [0x590, 0x5ff],
      [0x200b, 0x200f],
      [0x202a, 0x202e],
      [0xd800, 0xdfff],
      [0xfff0, 0xffff],
      [0x1f600, 0x1f64f],
    ];
    let text = '';
    for (let index = 0; index < length; index += 1) {
      const [low, high] = this.pick(ranges);
      text += String.fromCodePoint(low + this.integer(high - low + 1));
    }
    return text;
  }
}
