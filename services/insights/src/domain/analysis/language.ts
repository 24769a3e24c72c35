import { stopWords } from './stop-words.js';

/**
 * Whether the local analyzer can read a text: its word lists are English. A text is read when most of its
 * letters are Latin and it does not look like another Latin-script language (more of that language's common
 * words than of English ones). Texts with no letters are read (there is nothing to misread).
 */
export function isReadable(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return true;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin / letters < 0.6) return false;
  let english = 0;
  let foreign = 0;
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+(?:['’]\p{L}+)?/gu)) {
    if (stopWords.has(word)) english += 1;
    else if (otherLanguagesCommonWords.has(word)) foreign += 1;
  }
  return !(foreign >= 2 && foreign > english);
}

// Frequent function words of other Latin-script languages that are not English words (so "a", "in", "die",
// "no", "me", "son" are left out): German, Spanish, French, Italian, Portuguese, Dutch, Polish, Turkish, Swedish.
const otherLanguagesCommonWords: ReadonlySet<string> = new Set(
  `der das und ich ist nicht mit sich auch auf für ein eine einen dem des wir ihr sie es sind haben
  heute sehr aber wie noch nach bei aus zum zur
  el la los las que y en con por para una uno del muy pero estoy estaba fue hoy nada nadie mi mis su sus es
  le les et je de un une avec nous vous est pas mais très du au aux sur dans était aujourd qui
  il che di non sono della con una gli molto oggi
  não uma com muito hoje eu ele ela mas foi estou
  het een ik niet en zijn maar vandaag
  nie się na że jak był była bardzo dzisiaj byłem byłam
  bir ve çok ama bugün için
  och att jag inte det som är för med en ett`.split(/\s+/).filter(Boolean),
);
