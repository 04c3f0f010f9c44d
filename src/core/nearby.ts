/**
 * Points of the plane, each found again from any point within `distance` on
 * both axes in constant time: a hash of square cells `distance` wide, so a
 * look-up reads only the 3 × 3 cells around it.
 */
export class NearbyPoints {
  private readonly cells = new Map<string, number[]>();
  /** Points compared by `has` so far: the work done, which stays linear in the look-ups. */
  comparisons = 0;
  size = 0;

  constructor(private readonly distance: number) {}

  /** Whether a point within `distance` of (x, y) on both axes was added. */
  has(x: number, y: number): boolean {
    const [cx, cy] = [this.cell(x), this.cell(y)];
    for (let i = cx - 1; i <= cx + 1; i++) {
      for (let j = cy - 1; j <= cy + 1; j++) {
        const near = this.cells.get(`${i},${j}`);
        if (!near) continue;
        for (let k = 0; k < near.length; k += 2) {
          this.comparisons++;
          if (Math.abs(near[k] - x) <= this.distance && Math.abs(near[k + 1] - y) <= this.distance) return true;
        }
      }
    }
    return false;
  }

  add(x: number, y: number): void {
    const key = `${this.cell(x)},${this.cell(y)}`;
    const cell = this.cells.get(key);
    if (cell) cell.push(x, y);
    else this.cells.set(key, [x, y]);
    this.size++;
  }

  private cell(v: number): number {
    return Math.floor(v / this.distance);
  }
}
