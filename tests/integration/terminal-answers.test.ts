import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { chatSandbox, runChat } from '../helpers/terminalChat.js';

describe('npm run chat: the resident answers the office’s question', () => {
  const sandbox = chatSandbox('chat-answers');

  it('/office ask, then the reply: recorded on the case as the answer, no "Is this about case …?"', async () => {
    const { code, stdout, stderr } = await runChat(
      [
        '我家楼下的路灯坏了两个星期了，晚上很黑',
        '1',
        '/office ask last 请问具体是哪个路段？',
        '在后海大道和创业路之间，海岸城附近',
        '/office case last',
      ],
      sandbox,
    );
    assert.equal(code, 0, stderr);
    const ref = /您的事项已登记，编号 (YT-\d{8}-\d{4})/.exec(stdout)?.[1];
    assert.ok(ref, stdout);
    assert.match(stdout, /工作人员想向您了解：请问具体是哪个路段？/);
    assert.match(stdout, new RegExp(`bot> 已把您的回复作为对事项 ${ref} 询问的答复转给工作人员`));
    assert.doesNotMatch(stdout, /这条消息是关于案件/);
    assert.match(stdout, /\[office\] 💬 案件 YT-\d{8}-\d{4} 来信人回复询问「请问具体是哪个路段？」：在后海大道和创业路之间/);
    assert.match(stdout, /resident_answer/, 'the case timeline shows the answer');
  });
});
