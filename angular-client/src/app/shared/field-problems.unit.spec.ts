import { fieldProblems, generalError, refusedField, sentence, tooLong } from './field-problems';

describe('field problems', () => {
  const fields = ['title', 'description'] as const;

  it('says how long is too long, and nothing at the limit', () => {
    expect(tooLong('A title', 200, 200)).toBeUndefined();
    expect(tooLong('A note', 2_001, 2_000)).toBe('A note can have at most 2,000 characters: this one has 2,001. Shorten it to save.');
  });

  it('points a refusal of a field of the form at that field, and keeps any other error general', () => {
    const refusal = { code: 'BAD_USER_INPUT' as const, message: 'title must be at most 100 characters', field: 'title' };
    expect(refusedField(refusal, fields)).toEqual({ title: 'Title must be at most 100 characters.' });
    expect(generalError(refusal, fields)).toBeNull();
    const elsewhere = { code: 'BAD_USER_INPUT' as const, message: 'bad', field: 'category' };
    expect(refusedField(elsewhere, fields)).toEqual({});
    expect(generalError(elsewhere, fields)).toBe(elsewhere);
    const network = { code: 'NETWORK' as const, message: 'offline' };
    expect(generalError(network, fields)).toBe(network);
  });

  it('prefers what the check as you type says', () => {
    const refusal = { code: 'BAD_USER_INPUT' as const, message: 'title must be at most 100 characters', field: 'title' };
    expect(fieldProblems(refusal, fields, { title: 'Too long here.', description: undefined })).toEqual({ title: 'Too long here.' });
    expect(sentence('Done.')).toBe('Done.');
  });
});
