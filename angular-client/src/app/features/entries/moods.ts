import type { Mood } from '../../graphql/generated';

/** The moods of the API, in picker order, with how they are shown. */
export const moods: readonly { readonly value: Mood; readonly label: string; readonly emoji: string; readonly score: number }[] = [
  { value: 'GREAT', label: 'Great', emoji: '😄', score: 1 },
  { value: 'GOOD', label: 'Good', emoji: '🙂', score: 0.6 },
  { value: 'GRATEFUL', label: 'Grateful', emoji: '🙏', score: 0.7 },
  { value: 'CALM', label: 'Calm', emoji: '😌', score: 0.4 },
  { value: 'OKAY', label: 'Okay', emoji: '😐', score: 0 },
  { value: 'LOW', label: 'Low', emoji: '😔', score: -0.5 },
  { value: 'STRESSED', label: 'Stressed', emoji: '😣', score: -0.6 },
  { value: 'ANXIOUS', label: 'Anxious', emoji: '😟', score: -0.6 },
  { value: 'BAD', label: 'Bad', emoji: '😞', score: -1 },
];

export function moodLabel(mood: Mood): string {
  const found = moods.find((m) => m.value === mood);
  return found ? `${found.emoji} ${found.label}` : mood;
}

export function moodScore(mood: Mood | null): number | null {
  return mood ? (moods.find((m) => m.value === mood)?.score ?? null) : null;
}
