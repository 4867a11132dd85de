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
