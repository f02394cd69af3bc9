import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { CATEGORIES, targetsFor, type Category } from '../../kernel/taxonomy.js';
import { startFakeOpenAI } from '../helpers/fakeOpenAI.js';

// Async, so a fake server in this process can answer while the child runs.
function runAsync(args: string[], extraEnv: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['triage/cli/triage.ts', ...args], { cwd: PROJECT_ROOT, env: { ...env, ...extraEnv } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const env = { ...process.env, OPENAI_API_KEY: '', LOG_LEVEL: 'silent' };

function run(args: string[], input?: string) {
  return spawnSync(TSX, ['triage/cli/triage.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', input, env });
}

describe('npm run triage (CLI)', () => {
  it('--jsonl: one output line per input line, in order; a malformed line gives an error line and processing continues', () => {
    const input = [
      JSON.stringify({ id: 'a', text: '工业区的工厂半夜排放废水,河里的鱼都死了' }),
      'this is not json',
      JSON.stringify({ id: 'b' }),
      '',
      JSON.stringify({ id: 7, text: '你好' }),
      JSON.stringify({ id: 'c', text: '我不想活了,今晚就从楼上跳下去,电话13812345678' }),
    ].join('\n');
    const r = run(['--jsonl', '--offline'], input);
    assert.equal(r.status, 3, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 5);
    const [a, bad, noText, greeting, emergency] = lines as [Record<string, unknown>, ...Record<string, unknown>[]];
    assert.equal(a.id, 'a');
    assert.equal(a.category, 'petition');
    assert.equal(a.target, 'environment');
    assert.equal(typeof a.confidence, 'number');
    assert.equal(typeof a.needsReview, 'boolean');
    assert.deepEqual(bad, { line: 2, id: null, error: bad!.error });
    assert.match(String(bad!.error), /not valid JSON/);
    assert.equal(noText!.line, 3);
    assert.equal(noText!.id, 'b');
    assert.match(String(noText!.error), /text/);
    assert.equal(greeting!.id, '7');
    assert.equal(greeting!.category, 'unclear');
    assert.equal(greeting!.target, null);
    assert.equal(emergency!.id, 'c');
    assert.equal(emergency!.category, 'emergency');
    for (const l of [a, greeting!, emergency!]) {
      assert.ok(CATEGORIES.includes(l.category as Category));
      assert.ok(l.target === null || targetsFor(l.category as Category).includes(l.target as never));
      // personal data never leaves in the output
      assert.doesNotMatch(JSON.stringify(l), /13812345678/);
    }
    assert.match(r.stderr, /line 2: not valid JSON/);
  });

  it('prints one Decision for a message and nothing else on stdout', () => {
    const r = run(['--offline', '申请低保被拒绝了,工作人员说我儿子有工作,可他早就失业了']);
    assert.equal(r.status, 0, r.stderr);
    const d = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.equal(d.category, 'petition');
    assert.equal(d.target, 'civil_affairs');
    assert.equal(d.engine, 'offline');
    assert.equal(d.language, 'zh-Hans');
    assert.ok(Array.isArray(d.reasons));
  });

  it('exits 2 with usage on no text', () => {
    const r = run(['--offline']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /usage/);
    assert.equal(r.stdout, '');
  });

  it('with OPENAI_API_KEY uses the LLM engine (never sending the phone number) and falls back to offline when it fails', async () => {
    const fake = await startFakeOpenAI();
    try {
      fake.script(() => ({ toolCall: { category: 'petition', target: 'water', confidence: 0.9, reasons: ['llm:water'] } }));
      const llmEnv = { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'fake', LLM_TIMEOUT_MS: '5000' };
      const ok = await runAsync(['自来水发黄有怪味,请尽快处理,电话13812345678'], llmEnv);
      assert.equal(ok.status, 0, ok.stderr);
      const d = JSON.parse(ok.stdout) as Record<string, unknown>;
      assert.equal(d.engine, 'llm');
      assert.equal(d.target, 'water');
      assert.ok(fake.requests.length >= 1);
      assert.doesNotMatch(JSON.stringify(fake.requests), /13812345678/);

      fake.script(() => ({ status: 500, message: 'boom' }));
      const fb = await runAsync(['公司拖欠我们三个月工资,老板不见了'], llmEnv);
      assert.equal(fb.status, 0, fb.stderr);
      const f = JSON.parse(fb.stdout) as { engine: string; category: string; target: string; reasons: string[] };
      assert.equal(f.engine, 'offline');
      assert.equal(f.category, 'petition');
      assert.equal(f.target, 'human_resources');
      assert.ok(f.reasons.some((r) => r.startsWith('llm_fallback:')), f.reasons.join(' | '));
    } finally {
      await fake.close();
    }
  });
});
