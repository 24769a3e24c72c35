// Prints the local analyzer's figures on the labelled set (services/insights/README.md quotes them):
//   cd services/insights && npx tsx src/domain/analysis/eval/run-eval.ts [--misses]
import { analyzeLocally } from '../local-analyzer.js';
import set from './eval-set.json' with { type: 'json' };
import { evaluate, feelingOf, type LabelledText } from './evaluate.js';

const texts = set as LabelledText[];
console.log(JSON.stringify(evaluate(texts, analyzeLocally), null, 2));
if (process.argv.includes('--misses')) {
  for (const item of texts) {
    const analysis = analyzeLocally({ title: item.title ?? null, content: item.text });
    const read = feelingOf(analysis);
    console.log(`${read === item.sentiment ? '  ' : '✗ '}#${item.id} ${item.sentiment} → ${read} ${analysis.sentiment} [${analysis.themes.join(', ')}] ${analysis.summary}`);
  }
}
