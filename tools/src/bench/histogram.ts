/**
 * A latency histogram in the manner of HdrHistogram: values (microseconds) fall in buckets that double in
 * width every power of two, each split into 1024 sub-buckets, so any recorded value is known to within
 * 1/1024 (about 0.1 %) from 1 µs to hours, in constant memory and O(1) per record. Percentiles are read
 * as the highest value equivalent to the bucket holding the wanted rank (never optimistic).
 */
const subBucketHalfCountMagnitude = 10;
const subBucketHalfCount = 1 << subBucketHalfCountMagnitude; // 1024
const subBucketCount = subBucketHalfCount * 2; // 2048: values 0..2047 µs are exact
const maxBuckets = 34; // 2^(34+10) µs ≈ 200 days: more than any benchmark

export interface LatencySummary {
  readonly count: number;
  readonly minMs: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export class Histogram {
  private readonly counts = new Float64Array((maxBuckets + 1) * subBucketHalfCount);
  private total = 0;
  private sum = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = 0;

  /** Records one latency in milliseconds (fractions kept to the microsecond). */
  recordMs(ms: number): void {
    this.recordMicros(Math.max(0, Math.round(ms * 1000)));
  }

  recordMicros(value: number): void {
    if (!Number.isFinite(value) || value < 0) throw new Error(`cannot record ${value} µs`);
    const v = Math.floor(value);
    this.counts[indexOf(v)]! += 1;
    this.total += 1;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  get count(): number {
    return this.total;
  }

  /** The value (ms) at or below which `q` (0..1) of the recordings fall. */
  quantileMs(q: number): number {
    if (this.total === 0) return Number.NaN;
    if (q >= 1) return this.max / 1000;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(highestEquivalent(i), this.max) / 1000;
    }
    return this.max / 1000;
  }

  /** Adds another histogram's recordings to this one. */
  add(other: Histogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  summary(): LatencySummary {
    const round = (ms: number) => Math.round(ms * 1000) / 1000;
    return {
      count: this.total,
      minMs: this.total ? round(this.min / 1000) : Number.NaN,
      meanMs: this.total ? round(this.sum / this.total / 1000) : Number.NaN,
      p50Ms: round(this.quantileMs(0.5)),
      p95Ms: round(this.quantileMs(0.95)),
      p99Ms: round(this.quantileMs(0.99)),
      maxMs: this.total ? round(this.max / 1000) : Number.NaN,
    };
  }
}

/** Bucket b ≥ 1 holds [2^(b+10), 2^(b+11)) in steps of 2^b; bucket 0 holds 0..2047 exactly. */
function indexOf(value: number): number {
  const bucket = Math.max(0, Math.floor(Math.log2(value | 1)) - subBucketHalfCountMagnitude);
  if (bucket > maxBuckets - 1) throw new Error(`${value} µs is beyond the histogram's range`);
  if (bucket === 0) return value; // value < 2048 (the log2 of 2047 is 10.99)
  const subBucket = Math.floor(value / 2 ** bucket); // in [1024, 2048)
  return (bucket + 1) * subBucketHalfCount + (subBucket - subBucketHalfCount);
}

function highestEquivalent(index: number): number {
  if (index < subBucketCount) return index;
  const bucket = Math.floor(index / subBucketHalfCount) - 1;
  const subBucket = (index % subBucketHalfCount) + subBucketHalfCount;
  return (subBucket + 1) * 2 ** bucket - 1;
}
