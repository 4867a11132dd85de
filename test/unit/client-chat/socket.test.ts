import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveSocket, type NetworkEvents, type SocketStatus } from '../../../client/src/lib/socket';

/** A stand-in for the browser's WebSocket: the test opens and closes it. */
class FakeSocket {
  static OPEN = 1;
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  sent: string[] = [];
  closedWith: number | null = null;
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code: number) {
    this.closedWith = code;
    this.readyState = 3;
    queueMicrotask(() => this.onclose?.({ code }));
  }
}

class FakeNetwork implements NetworkEvents {
  onLine = true;
  private listeners = { online: [] as (() => void)[], offline: [] as (() => void)[] };
  addEventListener(type: 'online' | 'offline', listener: () => void) {
    this.listeners[type].push(listener);
  }
  set(online: boolean) {
    this.onLine = online;
    for (const listener of this.listeners[online ? 'online' : 'offline']) listener();
  }
}

describe('the live socket', () => {
  let sockets: FakeSocket[];
  let network: FakeNetwork;
  let statuses: SocketStatus[];
  const make = () => {
    const live = createLiveSocket({ url: 'ws://test/api/ws', network, minDelayMs: 100, maxDelayMs: 1000, createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as WebSocket;
    } });
    live.status.subscribe((status) => statuses.push(status));
    return live;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    sockets = [];
    network = new FakeNetwork();
    statuses = [];
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reconnects with backoff after a network failure', () => {
    const live = make();
    live.acquire();
    sockets[0]!.open();
    sockets[0]!.drop(1006);
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(statuses.at(-1)).toBe('open');
    expect(live.send({ type: 'ping' })).toBe(true);
    expect(sockets[1]!.sent).toEqual(['{"type":"ping"}']);
  });

  it('stops for good after 4401 (signed out) instead of retrying', () => {
    const live = make();
    live.acquire();
    sockets[0]!.open();
    sockets[0]!.drop(4401);
    expect(statuses.at(-1)).toBe('signed-out');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(live.send({ type: 'ping' })).toBe(false);
  });

  it('closes while the browser is offline and comes back when it is online again', async () => {
    const live = make();
    live.acquire();
    sockets[0]!.open();
    network.set(false);
    expect(sockets[0]!.closedWith).toBe(1000);
    expect(statuses.at(-1)).toBe('offline');
    await Promise.resolve();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(live.send({ type: 'ping' })).toBe(false);
    network.set(true);
    expect(sockets).toHaveLength(2);
    expect(statuses.at(-1)).toBe('reconnecting');
    sockets[1]!.open();
    expect(statuses.at(-1)).toBe('open');
  });

  it('does not connect while offline, and the last release closes the socket', () => {
    network.onLine = false;
    const live = make();
    const release = live.acquire();
    expect(sockets).toHaveLength(0);
    expect(statuses.at(-1)).toBe('offline');
    network.set(true);
    sockets[0]!.open();
    release();
    expect(sockets[0]!.closedWith).toBe(1000);
    expect(statuses.at(-1)).toBe('idle');
  });
});
