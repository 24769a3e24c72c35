// A small hand-written valence lexicon (−3 … +3) for everyday journal language. It is deliberately short:
// the local analyzer is a deterministic fallback, not a model. Add words here, with a unit test.

const positive3 = ['amazing', 'wonderful', 'fantastic', 'excellent', 'love', 'loved', 'joy', 'joyful', 'thrilled', 'ecstatic', 'awesome', 'brilliant', 'perfect'];
const positive2 = [
  'happy', 'glad', 'great', 'grateful', 'thankful', 'excited', 'proud', 'fun', 'delighted', 'beautiful', 'calm',
  'relaxed', 'peaceful', 'hopeful', 'confident', 'inspired', 'success', 'successful', 'accomplished', 'enjoyed',
  'enjoy', 'laugh', 'laughed', 'smile', 'smiled', 'energized', 'content', 'loving', 'celebrate', 'celebrated',
];
const positive1 = [
  'good', 'nice', 'fine', 'okay', 'better', 'progress', 'productive', 'rested', 'helpful', 'kind', 'friendly',
  'interesting', 'liked', 'win', 'won', 'solved', 'finished', 'learned', 'support', 'supported', 'easy',
];
const negative1 = [
  'tired', 'bored', 'boring', 'meh', 'late', 'busy', 'difficult', 'hard', 'problem', 'problems', 'worried', 'worry',
  'confused', 'nervous', 'annoyed', 'slow', 'stuck', 'mistake', 'missed', 'lost', 'sick', 'ill', 'pain',
];
const negative2 = [
  'sad', 'bad', 'angry', 'upset', 'stressed', 'stress', 'anxious', 'anxiety', 'lonely', 'frustrated', 'frustrating',
  'exhausted', 'afraid', 'scared', 'hurt', 'disappointed', 'overwhelmed', 'failed', 'fail', 'failure', 'cried', 'cry',
  'fight', 'argued', 'argument', 'unhappy', 'regret', 'guilty', 'ashamed', 'hate', 'hated',
];
const negative3 = ['terrible', 'awful', 'horrible', 'miserable', 'depressed', 'devastated', 'hopeless', 'worst', 'panic', 'furious'];

function scored(words: readonly string[], value: number): [string, number][] {
  return words.map((word) => [word, value]);
}

/** Word → valence. */
export const sentimentLexicon: ReadonlyMap<string, number> = new Map([
  ...scored(positive3, 3),
  ...scored(positive2, 2),
  ...scored(positive1, 1),
  ...scored(negative1, -1),
  ...scored(negative2, -2),
  ...scored(negative3, -3),
]);

/** Words that turn the valence of what follows in their clause ("not happy", "never calm", "didn't enjoy"). */
export const negators: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'neither', 'nor', 'without', 'hardly', 'cannot',
  "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't", "can't", "couldn't",
  "shouldn't", "haven't", "hasn't", "hadn't", 'dont', 'didnt', 'isnt', 'wasnt', 'cant', 'wont',
]);

/** Words that scale the next sentiment word: "very happy" > "happy" > "slightly happy". */
export const intensifiers: ReadonlyMap<string, number> = new Map([
  ['very', 1.5], ['really', 1.4], ['so', 1.3], ['extremely', 1.8], ['incredibly', 1.7], ['super', 1.5],
  ['totally', 1.4], ['truly', 1.4], ['deeply', 1.5], ['absolutely', 1.6], ['quite', 1.2], ['too', 1.2],
  ['slightly', 0.6], ['somewhat', 0.7], ['kinda', 0.7], ['barely', 0.5], ['little', 0.7], ['mildly', 0.6],
]);
