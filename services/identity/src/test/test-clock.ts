/** A clock a test moves by hand; it starts at the real time so tokens it signs verify normally. */
export class TestClock {
  private at = new Date();

  readonly now = (): Date => new Date(this.at.getTime());

  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export const minutes = (n: number) => n * 60_000;
