import { TestBed } from '@angular/core/testing';
import { ConnectionStatus } from './connection-status';

describe('ConnectionStatus', () => {
  const status = () => TestBed.inject(ConnectionStatus);

  afterEach(() => {
    window.dispatchEvent(new Event('online'));
    vi.useRealTimers();
  });

  it('says online again when the network comes back even if the live connection never dropped', () => {
    const s = status();
    s.connected();
    expect(s.state()).toBe('online');
    window.dispatchEvent(new Event('offline'));
    expect(s.state()).toBe('offline');
    expect(s.online()).toBe(false);
    window.dispatchEvent(new Event('online'));
    expect(s.state()).toBe('online');
    expect(s.online()).toBe(true);
  });

  it('is reconnecting after the socket closed, online once it is back', () => {
    const s = status();
    expect(s.state()).toBe('connecting');
    s.lost();
    expect(s.state()).toBe('connecting');
    s.connected();
    s.lost();
    window.dispatchEvent(new Event('offline'));
    expect(s.state()).toBe('offline');
    window.dispatchEvent(new Event('online'));
    expect(s.state()).toBe('reconnecting');
    s.connected();
    expect(s.state()).toBe('online');
  });

  it('waits at most 15 s between reconnection attempts, however long the drop', async () => {
    vi.useFakeTimers();
    const s = status();
    let done = false;
    void s.waitToRetry(30, () => 0).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('stops waiting the moment the browser is back online', async () => {
    vi.useFakeTimers();
    const s = status();
    let done = false;
    void s.waitToRetry(3, () => 0).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toBe(false);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });
});
