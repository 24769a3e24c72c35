import { boosters, negators, valenceOf } from './sentiment-lexicon.js';
import { stopWords } from './stop-words.js';
import type { Token } from './tokens.js';

/**
 * Life areas a journal entry is often about, each named only when one of its own words is in the entry
 * (a plural counts: "meetings"). The lists hold words that say the area with little doubt: "coffee" or
 * "dinner" do not make an entry about food, nor "date" one about love.
 */
const areaWords: ReadonlyArray<readonly [area: string, words: readonly string[]]> = [
  ['work', ['work', 'job', 'office', 'meeting', 'boss', 'colleague', 'coworker', 'project', 'deadline', 'career', 'manager', 'client', 'presentation', 'interview', 'promotion', 'shift', 'workplace']],
  ['family', ['family', 'mom', 'mum', 'dad', 'mother', 'father', 'sister', 'brother', 'parent', 'kid', 'son', 'daughter', 'grandma', 'grandpa', 'grandmother', 'grandfather', 'aunt', 'uncle', 'nephew', 'niece', 'baby', 'cousin', 'children', 'child']],
  ['relationships', ['partner', 'boyfriend', 'girlfriend', 'husband', 'wife', 'relationship', 'fiance', 'fiancee']],
  ['friends', ['friend', 'friendship']],
  ['health', ['health', 'doctor', 'sick', 'illness', 'pain', 'headache', 'migraine', 'medicine', 'therapy', 'therapist', 'fever', 'physio', 'hospital', 'dentist', 'surgery', 'scan', 'injury']],
  ['sleep', ['sleep', 'slept', 'insomnia', 'nap', 'sleeping', 'asleep']],
  ['exercise', ['run', 'running', 'gym', 'workout', 'yoga', 'hike', 'swim', 'swimming', 'exercise', 'bike', 'marathon', 'cycling', 'training']],
  ['study', ['study', 'studied', 'studying', 'exam', 'class', 'school', 'course', 'homework', 'university', 'thesis', 'lecture', 'student']],
  ['money', ['money', 'rent', 'bill', 'budget', 'salary', 'savings', 'debt', 'loan', 'mortgage']],
  ['creativity', ['painting', 'music', 'guitar', 'piano', 'drawing', 'poem', 'song']],
  ['nature', ['park', 'garden', 'beach', 'forest', 'mountain', 'sea', 'lake', 'river', 'woods']],
  ['food', ['cook', 'cooked', 'cooking', 'meal', 'recipe', 'baking', 'baked', 'bread']],
];

/** Words that point to their area but say little on their own as a theme ("slept" beside "sleep"). */
const cueOnly: ReadonlySet<string> = new Set(['slept', 'sleeping', 'asleep', 'studied', 'studying', 'cooked', 'baked', 'friendship']);

const areaOfWord: ReadonlyMap<string, string> = new Map(areaWords.flatMap(([area, words]) => words.map((word) => [word, area] as const)));

/** A theme that names a life area (as opposed to a keyword taken from the entry). */
export function isLifeArea(theme: string): boolean {
  return areaWords.some(([area]) => area === theme);
}

/** At most this many themes per entry. */
export const maxThemes = 5;

// Words that say when or how much rather than what about.
const notTopics: ReadonlySet<string> = new Set(
  `day days week weeks weekend hour hours minute minutes month months year years time times morning mornings afternoon
  evening evenings night nights tonight today tomorrow yesterday first second third last next new old whole half
  lot lots bit way people everyone anyone someone nobody everybody somebody thing things stuff bit little long
  ago later early soon ever always never often usually sometimes finally actually honestly literally probably
  maybe anymore instead another every each mine yours ours mostly least less enough rest same different
  said told asked came come comes went take took taken got getting made making ate felt think thought know knew
  want wanted need needed keep kept tried trying try started start starting seems seemed looked look looks
  guess says say saying let lets put called call left gave give given found find tell telling talked talk
  two three four five six seven eight nine ten twenty hundred once twice front spent short beforehand otherwise
  either full sat see saw hear leave leaving hit okay fine busy manage froze woke lay awake bought read rode rang
  spoke away behind though although however yet still place part end mixed able ready sure top rest near next
  inside outside around along heart break breaks broke since everywhere anywhere somewhere right wrong small big
  single extra proper wild finding remember remembered believe done cheap tiring breathing spare forgot admit
  shaking heavy change dry note sure true real hard easy high low deep enjoy love miss hope wish seem
  ran drove wrote sang swam began became brought caught chose fell fought flew grew hid held hung led met paid
  rose sank shook shot sold sent stood stole struck swore threw understood wore thirty forty fifty sixty
  seventy eighty ninety eleven twelve dozen`.split(/\s+/).filter(Boolean),
);

/** Words that end in "s" in the singular, or are only used in the plural. */
const pluralLooking: ReadonlySet<string> = new Set(
  `news series species lens means thanks politics physics maths mathematics economics gymnastics athletics clothes
  diabetes pants jeans trousers shorts scissors glasses stairs chaos bus gas plus yes this his its was has does
  always perhaps across afterwards towards canvas atlas`.split(/\s+/).filter(Boolean),
);

/**
 * The singular of an English noun, by its ending (no dictionary, so no irregular plurals): "presentations" →
 * "presentation", "stories" → "story", "dishes" → "dish", "parents'" → "parent"; other words stay as they are.
 */
export function singular(word: string): string {
  const bare = word.replace(/'s?$/, '');
  if (pluralLooking.has(bare) || bare.length <= 3) return bare;
  if (bare.endsWith('ies') && bare.length > 4) return `${bare.slice(0, -3)}y`;
  if (/(ss|ch|sh|x|z)es$/.test(bare) || (bare.endsWith('oes') && bare.length > 5)) return bare.slice(0, -2);
  if (bare.endsWith('s') && !/(ss|us|is)$/.test(bare)) return bare.slice(0, -1);
  return bare;
}

/** Whether a word can be a keyword theme: a content word, not a feeling, a booster, a number or an adverb. */
function isTopicWord(word: string): boolean {
  if (word.length < 3 || /[\d']/.test(word)) return false;
  if (stopWords.has(word) || notTopics.has(word) || negators.has(word) || boosters.has(word)) return false;
  if (Math.abs(valenceOf(word) ?? 0) >= 1) return false;
  // past tenses and adverbs say what happened or how, rarely what about ("talked", "really")
  return !(word.length > 4 && (word.endsWith('ed') || word.endsWith('ly')));
}

/**
 * Themes of an entry's body: the life areas its words name (most mentioned first), then its most frequent
 * content words, plurals folded into the singular ("presentations" is "presentation"), ties broken by first
 * use. No stop words, no feeling words, nothing from the title.
 */
export function themesOf(tokens: readonly Token[]): string[] {
  const areas = new Counter();
  const keywords = new Counter();
  for (const { word } of tokens) {
    const area = areaOfWord.get(singular(word));
    if (area) areas.add(area);
    const keyword = keywordOf(word);
    if (keyword) keywords.add(keyword);
  }
  const themes = areas.ranked();
  for (const keyword of keywords.ranked()) {
    if (themes.length >= maxThemes) break;
    if (!themes.includes(keyword)) themes.push(keyword);
  }
  return themes.slice(0, maxThemes);
}

/** The keyword a word makes, if any: its singular when it is a topic or a telling word of a life area. */
export function keywordOf(word: string): string | undefined {
  const lemma = singular(word);
  const area = areaOfWord.get(lemma);
  if (area) return lemma === singular(area) || cueOnly.has(lemma) ? undefined : lemma;
  return isTopicWord(word) && isTopicWord(lemma) ? lemma : undefined;
}

/** Counts in first-seen order, ranked by count then first appearance. */
class Counter {
  private readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  ranked(): string[] {
    // Array sort is stable, and a Map iterates in insertion order: equal counts keep their first-seen order.
    return [...this.counts.keys()].sort((a, b) => this.counts.get(b)! - this.counts.get(a)!);
  }
}
