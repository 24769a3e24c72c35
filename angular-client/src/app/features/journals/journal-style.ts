/** The colours and icons a journal can wear (all pass AA as text on white). */
export const journalColors = ['#3b3f8f', '#176b3a', '#a3122a', '#8a4b00', '#5b2a86', '#0f5e73'] as const;
export const journalIcons = ['📓', '🌱', '💭', '🏃', '💼', '✈️', '🎨', '❤️'] as const;
