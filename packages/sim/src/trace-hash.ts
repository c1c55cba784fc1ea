/**
 * A fingerprint of a run: FNV-1a (32-bit) over the numbers and strings it produced. Two runs with the same seed and
 * inputs must give the same hash in Node and in the browser; the tests compare them.
 */
export class TraceHash {
  private hash = 0x811c9dc5;
  private readonly view = new DataView(new ArrayBuffer(8));

  number(value: number): this {
    this.view.setFloat64(0, value);
    for (let i = 0; i < 8; i++) this.byte(this.view.getUint8(i));
    return this;
  }

  string(value: string): this {
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      this.byte(code & 0xff);
      this.byte(code >>> 8);
    }
    return this;
  }

  private byte(b: number): void {
    this.hash = Math.imul(this.hash ^ b, 0x01000193) >>> 0;
  }

  get value(): string {
    return this.hash.toString(16).padStart(8, '0');
  }
}
