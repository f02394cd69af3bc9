import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { chatSandbox, runChat } from '../helpers/terminalChat.js';

describe('npm run chat (piped input)', () => {
  const main = chatSandbox('chat');
  const loops = chatSandbox('chat-loops');

  it('a resident opens a petition; office approval, handling, resolution, 不满意 and the 复查 right all work from the terminal', async () => {
    const { code, stdout, stderr } = await runChat(
      [
        '小区物业不修电梯已经三个月了，老人上下楼很困难',
        '1',
        '/status',
        '/office approve last',
        '/office accept last',
        '/office progress last 已约谈物业公司',
        '/office resolve last 电梯已整改并通过检测',
        '3', // 不满意 on the survey buttons
        '/office case last',
        '/privacy',
        '1', // 导出我的数据: the export is saved as a file the terminal names
      ],
      main,
    );
    assert.equal(code, 0, stderr);
    const ref = /您的事项已登记，编号 (YT-\d{8}-\d{4})/.exec(stdout)?.[1];
    assert.ok(ref, `the case-opened message is printed:\n${stdout}`);
    assert.match(stdout, /\[1\] .+\[2\] /, 'buttons are numbered choices');
    assert.match(stdout, new RegExp(`${ref}：信访局审核中`), '/status shows the case');
    assert.match(stdout, new RegExp(`office> approved ${ref} → referred \\(department housing\\)`));
    assert.match(stdout, new RegExp(`bot> .*${ref}`), 'the resident is told after approval');
    assert.match(stdout, /\[office\] 【待审核】/, 'the office sees the review card');
    assert.equal(stdout.split('您的事项已登记').length - 1, 1, 'the case-opened message is printed once');
    assert.match(stdout, /已约谈物业公司/, 'progress is relayed to the resident');
    assert.match(stdout, new RegExp(`您对事项 ${ref} 的办理结果满意吗`), 'the survey is asked');
    assert.ok(stdout.indexOf(`事项 ${ref} 已办结`) < stdout.indexOf(`您对事项 ${ref} 的办理结果满意吗`), 'the outcome comes before the survey question');
    assert.match(stdout, /\[3\] 不满意/, 'the survey buttons are numbered');
    assert.match(stdout, new RegExp(`事项 ${ref} 已重新打开.*请求复查.*（《信访工作条例》第三十五条）`), '不满意 reopens and explains 复查');
    assert.match(stdout, /\[\d\] 请求复查/, 'with a numbered button to ask for it');
    assert.match(stdout, new RegExp(`office> ${ref} reopened`), 'the case is reopened');
    const saved = /\[file\] (\S+\.json)/.exec(stdout)?.[1];
    assert.ok(saved, `the /privacy export names the file it wrote:\n${stdout}`);
    assert.equal(path.dirname(saved), path.join(main.DATA_DIR, 'exports'));
    assert.equal(fs.statSync(saved).mode & 0o777, 0o600, 'only this user may read the export');
    assert.match(fs.readFileSync(saved, 'utf8'), new RegExp(ref), 'the export holds the resident’s case');
  });

  it('the office finishes the loops it starts: 不予受理 with a reason, the answer to a 复查, and a hint when approval is missing', async () => {
    const { code, stdout, stderr } = await runChat(
      [
        '/office approve last', // no case yet: said as such, not as a malformed reference
        '福田区华强北某工地每天晚上十一点以后还在打桩施工，噪音太大，孩子没法睡觉。',
        '1',
        '/office accept last', // before approval: refused, with the missing step named
        '/office notaccept last nonsense',
        '/office notaccept last other_jurisdiction 事发地在福田区，已转福田区信访局',
        '小区物业不修电梯已经三个月了，老人上下楼很困难',
        '1',
        '/office approve last',
        '/office accept last',
        '/office resolve last 电梯已整改',
        '3', // 不满意
        '我要申请复查',
        '电梯修好两天又坏了，物业根本没有整改',
        '/office review last 经复查，责令物业十日内彻底修复并报告',
      ],
      // A resident of their own: the first test's resident has a case open.
      loops,
    );
    assert.equal(code, 0, stderr);
    assert.match(stdout, /office> no case yet: the resident has registered none/);
    assert.doesNotMatch(stdout, /case reference must look like/);
    assert.match(stdout, /office> refused: .*the office approves it first: \/office approve last/);
    assert.match(stdout, /office> reasons: legal_channel \| not_government_duty \| other_jurisdiction/);
    assert.match(stdout, /office> not accepted YT-\d{8}-\d{4} \(other_jurisdiction\)/);
    assert.match(stdout, /office> review answered YT-\d{8}-\d{4}/);
  });

  it('says clearly when Redis is unreachable', async () => {
    const { code, stdout, stderr } = await runChat(['你好'], { ...main, REDIS_URL: 'redis://127.0.0.1:1' });
    assert.equal(code, 1);
    assert.match(stderr, /Redis/i);
    assert.doesNotMatch(stdout, /bot>/);
  });
});
