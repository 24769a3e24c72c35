// vader-sentiment ships no types, and its main entry exports only its analyser, not the word list. The list
// (word → mean valence −4…4, rated by ten people each) is its ES module src/vader_lexicon.js.
declare module 'vader-sentiment/src/vader_lexicon.js' {
  export const lexicon: Readonly<Record<string, number>>;
}
