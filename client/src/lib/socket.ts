// The one WebSocket connection to /api/ws, for live chat and notifications. Nothing connects at
// start: a page that needs live updates calls `acquire()` and the returned release function when it
// leaves; the socket closes when nobody uses it. Lost connections come back with exponential
// backoff (with jitter, capped), so a missing or restarting server is retried quietly.
// While the browser says it is offline the socket stays closed (browsers and test drivers may keep
// a dead socket "open"), and a close with 4401/4403 (signed out, foreign origin) stops retrying:
// trying again cannot help until the user signs in again.
import { writable, type Readable } from 'svelte/store';

export type SocketStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline' | 'signed-out';

/** Close codes after which reconnecting cannot help (see the chat protocol). */
export const FINAL_CLOSE_CODES = new Set([4401, 4403]);

export interface SocketOptions {
  url?: string;
  /** First retry delay; doubles on every failure up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  createSocket?: (url: string) => WebSocket;
  /** Where online/offline events come from; defaults to `window` in a browser. */
  network?: NetworkEvents | null;
}

export interface NetworkEvents {
  readonly onLine: boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
}

type Listener = (message: unknown) => void;

export interface LiveSocket {
  status: Readable<SocketStatus>;
  /** Starts (or keeps) the connection; call the returned function when the page no longer needs it. */
  acquire(): () => void;
  /** Receives every JSON message; returns an unsubscribe function. */
  onMessage(listener: Listener): () => void;
  /** Sends a JSON message; returns false while not connected (the caller decides whether to retry). */
  send(message: unknown): boolean;
}

export function createLiveSocket(options: SocketOptions = {}): LiveSocket {
  const minDelay = options.minDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const open = options.createSocket ?? ((url: string) => new WebSocket(url));
  const listeners = new Set<Listener>();
  const status = writable<SocketStatus>('idle');
  let current: SocketStatus = 'idle';
  let users = 0;
  let socket: WebSocket | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const network = options.network === undefined ? browserNetwork() : options.network;
  let offline = network ? !network.onLine : false;

  const report = (next: SocketStatus) => {
    current = next;
    status.set(next);
  };

  function connect(): void {
    timer = null;
    if (offline) return report('offline');
    report(failures === 0 ? 'connecting' : 'reconnecting');
    const ws = open(options.url ?? defaultUrl());
    socket = ws;
    ws.onopen = () => {
      failures = 0;
      report('open');
    };
    ws.onmessage = (event) => {
      let message: unknown;
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return; // not ours to interpret
      }
      for (const listener of listeners) listener(message);
    };
    // onerror is always followed by onclose; retrying happens there, without logging anything.
    ws.onerror = () => undefined;
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      if (users === 0) return report('idle');
      if (FINAL_CLOSE_CODES.has(event.code)) return report('signed-out');
      if (offline) return report('offline');
      failures += 1;
      report('reconnecting');
      const delay = Math.min(maxDelay, minDelay * 2 ** (failures - 1));
      timer = setTimeout(connect, delay / 2 + Math.random() * (delay / 2));
    };
  }

  network?.addEventListener('offline', () => {
    offline = true;
    if (timer) clearTimeout(timer);
    timer = null;
    const ws = socket;
    socket = null;
    ws?.close(1000, 'browser offline');
    if (users > 0) report('offline');
  });
  network?.addEventListener('online', () => {
    offline = false;
    if (users > 0 && !socket && current !== 'signed-out') {
      if (timer) clearTimeout(timer);
      failures = 1; // shows "reconnecting", not a first connection
      connect();
    }
  });

  function stop(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const ws = socket;
    socket = null;
    failures = 0;
    ws?.close(1000, 'no longer needed');
    report('idle');
  }

  return {
    status: { subscribe: status.subscribe },
    acquire() {
      users += 1;
      if (users === 1 && (current === 'idle' || current === 'signed-out')) connect();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        users -= 1;
        if (users === 0) stop();
      };
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(message) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
  };
}

function browserNetwork(): NetworkEvents | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null;
  return {
    get onLine() {
      return navigator.onLine;
    },
    addEventListener: (type, listener) => window.addEventListener(type, listener),
  };
}

function defaultUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/ws`;
}

/** The app's shared connection. */
export const liveSocket = createLiveSocket();
