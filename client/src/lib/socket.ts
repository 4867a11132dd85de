// The one WebSocket connection to /api/ws, for live chat and notifications. Nothing connects at
// start: a page that needs live updates calls `acquire()` and the returned release function when it
// leaves; the socket closes when nobody uses it. Lost connections come back with exponential
// backoff (with jitter, capped), so a missing or restarting server is retried quietly.
import { writable, type Readable } from 'svelte/store';

export type SocketStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';

export interface SocketOptions {
  url?: string;
  /** First retry delay; doubles on every failure up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  createSocket?: (url: string) => WebSocket;
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

  const report = (next: SocketStatus) => {
    current = next;
    status.set(next);
  };

  function connect(): void {
    timer = null;
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
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (users === 0) return report('idle');
      failures += 1;
      report('reconnecting');
      const delay = Math.min(maxDelay, minDelay * 2 ** (failures - 1));
      timer = setTimeout(connect, delay / 2 + Math.random() * (delay / 2));
    };
  }

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
      if (users === 1 && current === 'idle') connect();
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

function defaultUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/ws`;
}

/** The app's shared connection. */
export const liveSocket = createLiveSocket();
