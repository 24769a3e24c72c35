import { TestBed } from '@angular/core/testing';
import { MoodChart, plotTrend } from './mood-chart';

describe('mood chart', () => {
  const points = [
    { date: '2026-11-01', mood: 'GREAT' as const, averageSentiment: null, entryCount: 1 },
    { date: '2026-11-02', mood: null, averageSentiment: null, entryCount: 0 },
    { date: '2026-11-03', mood: 'BAD' as const, averageSentiment: -0.5, entryCount: 2 },
  ];

  it('plots days with entries: sentiment first, else the mood score; -1 at the bottom', () => {
    expect(plotTrend(points, 100, 50)).toEqual([
      { x: 0, y: 0, date: '2026-11-01', value: 1 },
      { x: 100, y: 37.5, date: '2026-11-03', value: -0.5 },
    ]);
  });

  it('renders a line with an accessible summary, or a hint when there is nothing to plot', async () => {
    const fixture = TestBed.createComponent(MoodChart);
    fixture.componentRef.setInput('points', points);
    await fixture.whenStable();
    const svg = fixture.nativeElement.querySelector('svg') as SVGElement;
    expect(svg.getAttribute('aria-label')).toBe('Mood trend over 3 days: 2 days with entries, average 0.25 on a scale from -1 to 1.');
    expect(fixture.nativeElement.querySelectorAll('circle').length).toBe(2);

    fixture.componentRef.setInput('points', [points[1]]);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Write entries with a mood');
  });
});
