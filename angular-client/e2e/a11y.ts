// axe-core in the browser tests (issue 17): every screen a walk-through visits is checked, and a serious or
// critical violation fails the test with what axe says of it (rule, impact, element, help). axe's source is
// evaluated in the page (not a <script> tag, which the app's Content-Security-Policy would refuse).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

interface AxeNode { target: unknown[]; html: string; failureSummary?: string }
interface AxeViolation { id: string; impact?: string | null; help: string; helpUrl: string; nodes: AxeNode[] }

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/** Every violation axe finds on the page as it is now (all of axe's default rules: WCAG 2.x A/AA and best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(axeSource());
  return page.evaluate<AxeViolation[]>(`window.axe.run(document, { resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary })) })))`);
}

/** What every screen was found with, for the test's summary: screen -> { '<impact> <rule>': elements }. */
export const axeTally = new Map<string, Record<string, number>>();

const serious = new Set(['serious', 'critical']);

/** Each serious or critical violation axe finds on the page, described (moderate and minor ones are only tallied). */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const violations = await axeViolations(page);
  const tally: Record<string, number> = {};
  for (const v of violations) tally[`${v.impact ?? 'none'} ${v.id}`] = v.nodes.length;
  axeTally.set(screen, tally);
  return violations.filter((v) => serious.has(v.impact ?? '')).map((v) => [
    `${screen}: ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`),
  ].join('\n'));
}

/** Fails listing each serious or critical violation axe finds on the page. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const found = await seriousViolations(page, screen);
  if (found.length > 0) throw new Error(`axe: ${found.length} serious or critical violation(s) on "${screen}":\n${found.join('\n')}`);
}
