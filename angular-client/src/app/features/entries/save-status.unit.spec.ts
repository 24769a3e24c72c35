import { saveStatus, type SaveSituation } from './save-status';

const base: SaveSituation = {
  state: 'saved', loading: false, existing: true, dirty: false, heldBack: null, refusedField: false, offline: false,
};

describe('save status', () => {
  it('says "All changes saved" only when the draft is what the server acknowledged', () => {
    expect(saveStatus(base).text).toBe('All changes saved');
    expect(saveStatus({ ...base, dirty: true }).text).toBe('Unsaved changes');
    expect(saveStatus({ ...base, dirty: true, heldBack: 'no-content' }).text).toBe('Not saved — an entry needs some text');
    expect(saveStatus({ ...base, dirty: true, heldBack: 'invalid' }).text).toBe('Not saved — fix the highlighted field');
  });

  it('after a discarded draft says "Up to date", not saved', () => {
    expect(saveStatus({ ...base, state: 'idle' }).text).toBe('Up to date');
    expect(saveStatus({ ...base, state: 'idle', existing: false }).text).toBe('New entry');
  });

  it('tells a refusal from a save waiting for the network', () => {
    expect(saveStatus({ ...base, state: 'rejected', dirty: true, refusedField: true }).text).toBe('Not saved — fix the highlighted field');
    expect(saveStatus({ ...base, state: 'rejected', dirty: true }).text).toBe('Not saved — see the message below');
    expect(saveStatus({ ...base, state: 'retrying', dirty: true, offline: true }).text).toBe('Offline — kept on this device, saves when you are back');
    expect(saveStatus({ ...base, state: 'retrying', dirty: true }).text).toBe('Not saved yet — trying again…');
  });

  it('is loading until the entry is there', () => {
    expect(saveStatus({ ...base, state: 'idle', loading: true })).toEqual({ kind: 'loading', text: 'Loading…' });
  });
});
