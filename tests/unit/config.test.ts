import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { ConfigError, loadConfig } from '../../app/config.js';

describe('config', () => {
  it('applies defaults for an empty environment', () => {
    const cfg = loadConfig({});
    assert.equal(cfg.REDIS_URL, 'redis://127.0.0.1:6379');
    assert.equal(cfg.DATABASE_URL, undefined);
    assert.equal(cfg.DB_POOL_MAX, 10);
    assert.deepEqual(cfg.OFFICE_MEMBER_IDS, []);
  });

  it('parses numbers and lists', () => {
    const cfg = loadConfig({ DB_POOL_MAX: '4', OFFICE_MEMBER_IDS: '11, 22', OFFICE_CHAT_ID: '-100123' });
    assert.equal(cfg.DB_POOL_MAX, 4);
    assert.deepEqual(cfg.OFFICE_MEMBER_IDS, [11, 22]);
    assert.equal(cfg.OFFICE_CHAT_ID, -100123);
  });

  it('rejects wrong types with a message naming the variable and how to fix it', () => {
    assert.throws(
      () => loadConfig({ DB_POOL_MAX: 'many', REDIS_URL: 'localhost:6379', TELEGRAM_BOT_TOKEN: 'not a token' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.match(err.message, /DB_POOL_MAX: .*number/);
        assert.match(err.message, /REDIS_URL: .*redis:\/\//);
        assert.match(err.message, /TELEGRAM_BOT_TOKEN: .*BotFather/);
        assert.match(err.message, /README/);
        return true;
      },
    );
  });

  it('refuses a webhook without a token', () => {
    assert.throws(() => loadConfig({ WEBHOOK_URL: 'https://x.example/hook' }), /TELEGRAM_BOT_TOKEN/);
  });

  it('treats empty strings as unset', () => {
    const cfg = loadConfig({ DATABASE_URL: '', OPENAI_API_KEY: '  ' });
    assert.equal(cfg.DATABASE_URL, undefined);
    assert.equal(cfg.OPENAI_API_KEY, undefined);
  });
});
