import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';

describe('loadConfig', () => {
  it('gives working local defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.MONGODB_URI).toBe('mongodb://127.0.0.1:27017/matchbridge');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('converts numbers and keeps valid values', () => {
    const config = loadConfig({ PORT: '8080', LOG_LEVEL: 'debug', REDIS_URL: 'redis://cache:6380' });
    expect(config).toMatchObject({ PORT: 8080, LOG_LEVEL: 'debug', REDIS_URL: 'redis://cache:6380' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('lists every bad variable in one error, each with what is expected', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'http://db', LOG_LEVEL: 'loud', SESSION_SECRET: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const { problems, message } = caught as ConfigError;
    expect(problems).toHaveLength(4);
    expect(message).toContain('PORT="eighty": expected integer');
    expect(message).toContain('MONGODB_URI="http://db": must match');
    expect(message).toContain('LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent');
    expect(message).toContain('SESSION_SECRET="short"');
  });

  it('rejects out-of-range ports', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000"/);
  });

  it('refuses the development session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });
});

describe('one set of settings', () => {
  it('points the database URLs at MB_MONGO_PORT and MB_REDIS_PORT unless the URLs are set', () => {
    const moved = loadConfig({ MB_MONGO_PORT: '27100', MB_REDIS_PORT: '6400' });
    expect(moved.MONGODB_URI).toBe('mongodb://127.0.0.1:27100/matchbridge');
    expect(moved.REDIS_URL).toBe('redis://127.0.0.1:6400');
    const explicit = loadConfig({ MB_MONGO_PORT: '27100', MONGODB_URI: 'mongodb://db:27017/x', REDIS_URL: 'redis://cache:6379' });
    expect(explicit.MONGODB_URI).toBe('mongodb://db:27017/x');
    expect(explicit.REDIS_URL).toBe('redis://cache:6379');
  });

  it('lets PUBLIC_URL follow HOST and PORT unless it is set', () => {
    expect(loadConfig({ PORT: '3100' }).PUBLIC_URL).toBe('http://127.0.0.1:3100');
    expect(loadConfig({ HOST: '::1', PORT: '3100' }).PUBLIC_URL).toBe('http://[::1]:3100');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '3100', SESSION_SECRET: 'x'.repeat(40) }).PUBLIC_URL).toBe('http://127.0.0.1:3100');
    expect(loadConfig({ PORT: '3100', PUBLIC_URL: 'https://mb.example' }).PUBLIC_URL).toBe('https://mb.example');
  });
});

describe('the development session secret', () => {
  it('is refused when the API listens beyond loopback', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/SESSION_SECRET: the default secret is only allowed while the API listens on loopback/);
    expect(() => loadConfig({ HOST: '192.168.1.20' })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ HOST: '0.0.0.0', SESSION_SECRET: 'y'.repeat(40) }).HOST).toBe('0.0.0.0');
  });

  it('is allowed on loopback only', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(loadConfig({ HOST: host }).HOST).toBe(host);
  });
});
