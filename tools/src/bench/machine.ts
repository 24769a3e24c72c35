import { cpus, freemem, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly freeMemoryGiB: number;
  readonly node: string;
  readonly platform: string;
}

export function machineInfo(): MachineInfo {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    freeMemoryGiB: round(freemem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export interface LoadAverage {
  /** 1-minute load average when the benchmark started and ended, and its mean and peak while it ran. */
  readonly start: number;
  readonly end: number;
  readonly mean: number;
  readonly max: number;
  /** The 1, 5 and 15 minute averages at the end. */
  readonly atEnd: readonly [number, number, number];
}

/**
 * Samples the 1-minute load average every second while a benchmark runs: with 2 cores shared with other
 * people's test runs, the figures mean little without it.
 */
export class LoadSampler {
  private readonly samples: number[] = [loadavg()[0]!];
  private readonly timer = setInterval(() => this.samples.push(loadavg()[0]!), 1_000);

  stop(): LoadAverage {
    clearInterval(this.timer);
    const [one, five, fifteen] = loadavg() as [number, number, number];
    this.samples.push(one);
    return {
      start: round(this.samples[0]!, 2),
      end: round(one, 2),
      mean: round(this.samples.reduce((a, b) => a + b, 0) / this.samples.length, 2),
      max: round(Math.max(...this.samples), 2),
      atEnd: [round(one, 2), round(five, 2), round(fifteen, 2)],
    };
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
