import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { ConfigError, loadConfig } from '../../app/config.js';

/** Start-up configuration errors name the variable and the rule; the value (maybe a secret) never appears. */
describe('configuration errors and security rules', () => {
  const problems = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      return err.message;
    }
    assert.fail('the configuration was accepted');
  };

  it('a malformed bot token is named with its rule, and the token is not echoed', () => {
    const token = '98765:secret token with spaces';
    const message = problems({ TELEGRAM_BOT_TOKEN: token, CONSOLE_SESSION_SECRET: 'short-secret-value' });
    assert.match(message, /TELEGRAM_BOT_TOKEN: .*BotFather/);
    assert.match(message, /CONSOLE_SESSION_SECRET: .*at least 32/);
    assert.ok(!message.includes('secret token with spaces'), message);
    assert.ok(!message.includes('98765'), message);
    assert.ok(!message.includes('short-secret-value'), message);
  });

  it('a value the rule message would quote is masked too', () => {
    const message = problems({ LOG_LEVEL: 'verbose-and-secret' });
    assert.match(message, /LOG_LEVEL: /);
    assert.ok(!message.includes('verbose-and-secret'), message);
  });

  it('a webhook needs a secret, and the secret must follow Telegram’s rule', () => {
    const token = { TELEGRAM_BOT_TOKEN: '123:abc', WEBHOOK_URL: 'https://bot.example.org/hook' };
    assert.match(problems(token), /WEBHOOK_SECRET is not/);
    const weak = problems({ ...token, WEBHOOK_SECRET: 'has spaces in it!' });
    assert.match(weak, /WEBHOOK_SECRET: 16–256 characters/);
    assert.ok(!weak.includes('has spaces in it!'));
    const cfg = loadConfig({ ...token, WEBHOOK_SECRET: 'a'.repeat(32) });
    assert.equal(cfg.WEBHOOK_HOST, '127.0.0.1');
  });

  it('the embedded database listens nowhere by default; PGLITE_PORT=0 asks for any free port', () => {
    assert.equal(loadConfig({}).PGLITE_PORT, undefined);
    assert.equal(loadConfig({ PGLITE_PORT: '0' }).PGLITE_PORT, 0);
    assert.equal(loadConfig({ PGLITE_PORT: '5433' }).PGLITE_PORT, 5433);
  });

  it('console idle timeout defaults to 30 minutes', () => {
    assert.equal(loadConfig({}).CONSOLE_IDLE_MINUTES, 30);
    assert.equal(loadConfig({ CONSOLE_IDLE_MINUTES: '5' }).CONSOLE_IDLE_MINUTES, 5);
  });
});
