// The package ships no types: every project that compiles this file (insights, tools, deploy) needs the declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./vader-lexicon.d.ts" />
// The word list is VADER's (Hutto & Gilbert 2014; MIT licence, C.J. Hutto), as carried by the npm package
// vader-sentiment (Apache-2.0): about 7,500 words, emoticons and slang, each rated −4…4 by ten people. The rules
// that use it (sentiment.ts) follow VADER's. It was rated on social-media text; the few changes below make it
// read journals: words that name a topic rather than a feeling are neutral there ("a coffee with a friend" is
// not a happy entry), and a few feelings journals are full of are missing or rated mildly.
import { lexicon } from 'vader-sentiment/src/vader_lexicon.js';

const journalValence: Readonly<Record<string, number>> = {
  // topics, not feelings
  friend: 0, friends: 0, party: 0, parties: 0, holiday: 0, holidays: 0, novel: 0, grant: 0, like: 0, likes: 0,
  pretty: 0, definitely: 0, sure: 0, yes: 0, please: 0, no: 0, huge: 0, true: 0, hand: 0, hands: 0, honestly: 0,
  // feelings journals name often, rated too mildly for them or not at all
  anxious: -2, anxiety: -2, anxieties: -2, nervous: -1.6, homesick: -1.6, empty: -1.5, drained: -2, dreading: -2.4,
  nightmare: -2.5, fever: -1, migraine: -1.5, wrecked: -2, frail: -1, burgled: -2.5, meltdown: -2, flaky: -1,
  irritable: -2, useless: -2.2, humiliating: -2.5, crush: -1.5, lighter: 1.2, rested: 1.5, smooth: 1,
  magical: 2.5, incredible: 2.5, buzzing: 1.5, nailed: 1.5, overwhelmed: -2, low: -1.5, seen: 0,
};

/** Word → valence (−4 … 4). */
export function valenceOf(word: string): number | undefined {
  return journalValence[word] ?? lexicon[word] ?? undefined;
}

/**
 * Expressions whose words mean something else together (VADER keeps a similar list of idioms): the valence
 * goes to the first word, the others count for nothing.
 */
export const phrases: ReadonlyMap<string, number> = new Map([
  ['passed away', -2.5], ['broke down', -2], ['broke up', -2], ['breaks my heart', -3], ['broke my heart', -3],
  ['made my day', 2.5], ['made my week', 2.5], ['turned it around', 1.5], ['fell apart', -2.2],
  ['let down', -2], ['worn out', -1.8], ['burnt out', -2.2], ['burned out', -2.2], ['stressed out', -2.2],
  ['freaked out', -2], ['no complaints', 1.5], ['not sure', -0.5], ['kind of', 0], ['sort of', 0],
  ['going nowhere', -1.5], ['got nowhere', -1.5], ['best friend', 0], ['best friends', 0],
  ["can't stop", 0], ["couldn't stop", 0], ['cant stop', 0], ['never been happier', 3], ['never been better', 2.5],
  ['never felt better', 2.5], ["couldn't be happier", 3], ['could not be happier', 3], ["couldn't be better", 2.5],
]);
/** The longest phrase, in words. */
export const longestPhrase = Math.max(...[...phrases.keys()].map((phrase) => phrase.split(' ').length));

/** Words that turn the valence of what follows in their clause, up to three words on ("not happy", "never calm"). */
export const negators: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'without', 'hardly', 'cannot',
  'rarely', 'seldom', "ain't", "aren't", "can't", "couldn't", "didn't", "doesn't", "don't", "hadn't", "hasn't",
  "haven't", "isn't", "mightn't", "mustn't", "needn't", "shan't", "shouldn't", "wasn't", "weren't", "won't",
  "wouldn't", 'aint', 'arent', 'cant', 'couldnt', 'didnt', 'doesnt', 'dont', 'hadnt', 'hasnt', 'havent', 'isnt',
  'shouldnt', 'wasnt', 'werent', 'wont', 'wouldnt',
]);
/** VADER's factor for a negated word: "not great" is mildly negative, not terrible. */
export const negationFactor = -0.74;

const boost = 0.293;
const damp = -0.293;
/** Words that scale the next feeling word by VADER's step: "very happy" > "happy" > "slightly happy". */
export const boosters: ReadonlyMap<string, number> = new Map([
  ...['absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'deeply', 'enormously', 'entirely',
    'especially', 'exceptionally', 'extremely', 'fully', 'greatly', 'highly', 'hugely', 'incredibly', 'intensely',
    'particularly', 'purely', 'quite', 'really', 'remarkably', 'so', 'substantially', 'thoroughly', 'totally',
    'tremendously', 'unbelievably', 'unusually', 'utterly', 'very', 'super', 'truly', 'such', 'too', 'pretty',
    'definitely'].map((word) => [word, boost] as const),
  ...['almost', 'barely', 'hardly', 'kinda', 'less', 'little', 'marginally', 'partly', 'scarcely', 'slightly',
    'somewhat', 'sorta', 'mildly', 'bit', 'fairly'].map((word) => [word, damp] as const),
]);
/** VADER's extra weight of a feeling word in capitals among words that are not ("I am SO tired"). */
export const capitalsBoost = 0.733;
/** VADER's extra weight of each exclamation mark (at most four count). */
export const exclamationBoost = 0.292;

/**
 * Words that turn a sentence: what comes after them weighs more than what came before ("tired, but happy").
 * VADER weighs the words before "but" ×0.5 and those after ×1.5; the same holds for these.
 */
export const contrastWords: ReadonlySet<string> = new Set(['but', 'however', 'though', 'although', 'yet', 'nevertheless', 'nonetheless']);
/**
 * Words that, opening a sentence, turn the entry: the sentences from there on weigh more. Some tell that the
 * day moved on ("Later, it got better."): what came before is over, so the entry is not mixed; the others
 * set two things side by side ("But my dog is sick."), which may be mixed feelings.
 */
export const movingOnWords: ReadonlySet<string> = new Set([
  'later', 'eventually', 'actually', 'anyway', 'now', 'finally', 'afterwards', 'luckily', 'thankfully', 'fortunately',
  'unfortunately',
]);
export const turningWords: ReadonlySet<string> = new Set([...movingOnWords, 'but', 'however', 'though', 'yet', 'still', 'nevertheless']);
