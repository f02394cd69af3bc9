import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { ValidationError } from '../../kernel/errors.js';
import { MAX_TRIAGE_CHARS, normalize } from '../../triage/normalize.js';

describe('normalize', () => {
  it('folds full-width characters and collapses whitespace', () => {
    const n = normalize('  我家　电话是１３８，\n\n\t楼号Ａ３栋  ');
    assert.equal(n.original, '我家 电话是138, 楼号A3栋');
    assert.equal(n.normalized, '我家 电话是138, 楼号a3栋');
    assert.equal(n.language, 'zh-Hans');
  });

  it('converts 繁體 (Hong Kong and Taiwan variants) to 简体 for matching and keeps the original', () => {
    const hk = normalize('衞生局門口有人拿著刀');
    assert.equal(hk.normalized, '卫生局门口有人拿着刀');
    assert.equal(hk.original, '衞生局門口有人拿著刀');
    assert.equal(hk.language, 'zh-Hant');
    assert.equal(normalize('臺灣的軟體').normalized, '台湾的软体');
  });

  it('detects English and lower-cases it, but not a Chinese sentence with one English word', () => {
    const en = normalize('My NEIGHBOUR plays LOUD music');
    assert.equal(en.language, 'en');
    assert.equal(en.normalized, 'my neighbour plays loud music');
    assert.equal(normalize('我的iPhone被偷了').language, 'zh-Hans');
  });

  it('strips control and zero-width characters that could hide a word from the rules', () => {
    const n = normalize('自\u200b杀\u0000\u0007\u202e\ufeff想法');
    assert.equal(n.normalized, '自杀想法');
  });

  it('keeps emoji and survives lone surrogates and binary junk', () => {
    const n = normalize('救命😭\uD800\uFFFD\u0001');
    assert.equal(n.original, '救命😭');
  });

  it('handles empty and whitespace-only input', () => {
    assert.deepEqual(normalize(''), { original: '', normalized: '', language: 'zh-Hans', truncated: false, cantonese: false });
    assert.equal(normalize(' \n\u200b ').normalized, '');
  });

  it('caps huge input at MAX_TRIAGE_CHARS code points and says so', () => {
    const n = normalize('噪音'.repeat(100_000));
    assert.equal(Array.from(n.original).length, MAX_TRIAGE_CHARS);
    assert.equal(n.truncated, true);
    const emoji = normalize('😀'.repeat(MAX_TRIAGE_CHARS + 10));
    assert.equal(Array.from(emoji.original).length, MAX_TRIAGE_CHARS);
    assert.ok(!/[\uD800-\uDBFF]$/.test(emoji.original), 'no half surrogate pair at the cut');
  });

  it('rejects a non-string with a clear error', () => {
    assert.throws(() => normalize(42 as unknown as string), ValidationError);
    assert.throws(() => normalize(null as unknown as string), /expects a string/);
  });
});

describe('normalize: written Cantonese', () => {
  it('is zh-Hant even when no character changes under 繁→简', () => {
    assert.equal(normalize('我哋屋企冇人').language, 'zh-Hant');
  });

  it('is zh-Hans when written in 简体 characters, as Shenzhen residents who speak Cantonese often write it', () => {
    for (const text of ['我哋幢楼部电梯坏咗两个礼拜', '楼下间餐厅啲油烟好大，点算', '佢哋话冇钱发工资']) {
      const n = normalize(text);
      assert.equal(n.language, 'zh-Hans', text);
      // Still read as Cantonese: the rules and models see the Mandarin.
      assert.ok(n.cantonese, text);
    }
    assert.equal(normalize('我们家没有人').language, 'zh-Hans');
  });

  it('reads Cantonese sentences as the Mandarin a classifier trained on 简体 knows, and keeps the original', () => {
    const cases: Array<[string, string]> = [
      ['佢哋喺度嘈咗成晚，我而家瞓唔著，點算好？', '他们在吵了整晚,我现在睡不着,怎么办好?'],
      ['業主唔肯退按金，仲話要扣人工', '房东不肯退押金,还说要扣工资'],
      ['個補習社收咗我哋兩萬蚊，開咗四個月就執笠', '那个补习社收了我们两万元,开了四个月就倒闭'],
      ['大堂冷氣壞咗都冇人整，佢話我喺屋企整親', '大堂空调坏了都没人修,他说我在家弄伤'],
      ['我哋公司老細拖糧三個月', '我们公司老板拖欠工资三个月'],
      ['呢個月嘅人工都未出', '这个月的工资都没发'],
      ['佢係我鄰居，成日喺走廊放嘢', '他是我邻居,经常在走廊放东西'],
      ['隔籬地盤成日半夜打樁，嘈喧巴閉', '隔壁工地经常半夜打桩,吵闹'],
      ['樓上鄰舍喺天台僭建，漏水落我屋企', '楼上邻居在天台违章搭建,漏水到我家'],
      ['我哋想睇醫生但係冇人理', '我们想看医生但是没人管'],
      ['邊度可以投訴？係咪打12345？', '哪里可以投诉?是不是打12345?'],
      ['點解冇人嚟修水喉？', '为什么没人来修水管?'],
      ['嗰度有個老人家跌低咗', '那里有个老人家摔倒了'],
      ['佢俾人呃咗錢', '他被人骗了钱'],
      ['返工冇糧出，攞唔返按金', '上班不发工资,拿不回押金'],
      ['依家呢個社區乜嘢都冇', '现在这个社区什么都没有'],
      ['咪再嘈啦', '别再吵啦'],
      ['佢用刀劈開道門', '他用刀砍开道门'],
    ];
    for (const [yue, zh] of cases) {
      const n = normalize(yue);
      assert.equal(n.normalized, zh, yue);
      assert.equal(n.cantonese, true, yue);
      assert.equal(n.original, yue.replace(/，/g, ',').replace(/？/g, '?'), 'the original keeps the Cantonese');
    }
  });

  it('唔該 asks inside a sentence and thanks at the end', () => {
    assert.equal(normalize('唔該幫我問下點樣申請低保').normalized, '请帮我问下怎样申请低保');
    assert.equal(normalize('屋企冇水三日，快啲處理，唔該！').normalized, '家没有水三天,快些处理,谢谢!');
    assert.equal(normalize('唔該晒').normalized, '谢谢');
  });

  it('keeps Mandarin words that contain a Cantonese key (關係, 仲裁, 人工智能, 貓咪, 快點解決)', () => {
    assert.equal(normalize('我同佢嘅關係好差').normalized, '我跟他的关系好差');
    assert.equal(normalize('佢話要去仲裁，打電話冇人聽').normalized, '他说要去仲裁,打电话没人听');
    assert.equal(normalize('佢真係好差').normalized, '他真是好差');
    assert.equal(normalize('人工智能係未來').normalized, '人工智能是未来');
    assert.equal(normalize('貓咪唔見咗').normalized, '猫咪不见了');
    assert.equal(normalize('佢哋話快點解決').normalized, '他们说快点解决');
    assert.equal(normalize('我哋業主大會投票，佢租咗車位').normalized, '我们业主大会投票,他租了车位', '業主 of an owners\' meeting stays');
    assert.equal(normalize('屋企好多蚊，三百蚊都唔夠買蚊香').normalized, '家好多蚊,三百元都不够买蚊香', 'a mosquito is not a dollar');
  });

  it('leaves ordinary 简体 and 繁體 untouched and does not flag them as Cantonese', () => {
    const mandarin: Array<[string, string]> = [
      ['我们之间的关系很好,系统出了问题', '我们之间的关系很好,系统出了问题'],
      ['我們之間的關係很好,請聯繫我', '我们之间的关系很好,请联系我'],
      ['公司拖欠工资,我申请了劳动仲裁', '公司拖欠工资,我申请了劳动仲裁'],
      ['希望快点解决,依家庭收入申请低保', '希望快点解决,依家庭收入申请低保'],
      ['人工智能公司按金额收费,造成晚间停车难', '人工智能公司按金额收费,造成晚间停车难'],
      ['请修缮步行街市中心的老旧房屋', '请修缮步行街市中心的老旧房屋'],
      ['我们的士兵系好安全带,猫咪很可爱', '我们的士兵系好安全带,猫咪很可爱'],
      ['唔，我想问一下', '唔,我想问一下'],
      ['装修质量太差,要求返工', '装修质量太差,要求返工'],
    ];
    for (const [text, expected] of mandarin) {
      const n = normalize(text);
      assert.equal(n.normalized, expected, text);
      assert.equal(n.cantonese, false, text);
    }
  });

  it('converts Hong Kong words with no Mandarin reading in any text (按金, 劏房, 老細)', () => {
    const n = normalize('房東不退按金,劏房老細又加租');
    assert.equal(n.normalized, '房东不退押金,隔断房老板又加租');
    assert.equal(n.language, 'zh-Hant');
  });

  it('recognises a message whose only Cantonese mark is 啲, and reads everyday Hong Kong words', () => {
    const n = normalize('夜晚啲巴士一個鐘先有一班');
    assert.equal(n.cantonese, true);
    assert.equal(n.normalized, '夜晚些公交车一个小时才有一班');
    const cases: Array<[string, string]> = [
      ['部𨋢壞咗成個禮拜', '那部电梯坏了整个礼拜'],
      ['公司炒咗我，糧單都冇畀我', '公司辞退了我,工资单都没有给我'],
      ['啲電單車喺行人路飆車', '摩托车在人行道飙车'],
      ['判頭走佬，啲工程爛晒尾', '包工头跑路,工程烂尾'],
      ['一落大雨就水浸，啲渠塞晒', '一下大雨就积水,下水道堵塞'],
      ['阿爸有腦退化，個仔成晚喺度打機', '爸爸有老年痴呆,儿子整晚在打游戏'],
    ];
    for (const [yue, zh] of cases) assert.equal(normalize(yue).normalized, zh, yue);
  });

  it('keeps the Mandarin words that share a new Hong Kong key (行人路过, 晒太阳, 窟窿)', () => {
    assert.equal(normalize('有行人路过工地').normalized, '有行人路过工地');
    assert.equal(normalize('佢哋喺天台晒太陽').normalized, '他们在天台晒太阳');
    assert.equal(normalize('佢話路面有個窟窿').normalized, '他说路面有个窟窿');
  });

  it('reads more Hong Kong and Cantonese words of residents as Mandarin (管理處, 公屋, 幼稚園, 人工, 仲, 跳錶 …)', () => {
    const cases: Array<[string, string]> = [
      ['管理處成個月冇清理垃圾房，交咁多管理費', '物业管理处整个月没有清理垃圾房,交这么多物业费'],
      ['收樓發現啲牆裂晒，發展商唔認', '交房发现些墙裂,开发商不认'],
      ['申請咗公屋等咗三年，排位仲倒退咗', '申请了公租房等了三年,轮候还倒退了'],
      ['私立幼稚園加學費，老人院又加價', '私立幼儿园加学费,养老院又加价'],
      ['老細拖咗我哋三個月人工', '老板拖了我们三个月工资'],
      ['我大咗肚之後公司仲減咗我人工', '我怀孕了之后公司还减了我工资'],
      ['隔籬地盤啲棚架成日跌嘢落行人路', '隔壁工地些脚手架经常掉东西落人行道'],
      ['的士司機唔肯跳錶，仲要兜路', '出租车司机不肯打表,还要绕路'],
      ['條路掘咗八個月都未整好', '那条路挖了八个月都还没修好'],
      ['成家人食完肚屙，間餐廳冇牌照', '全家人吃完拉肚子,那间餐厅无证'],
      ['啲細路瞓唔到，臭到頂唔順', '小孩睡不着,臭到受不了'],
      ['間舖頭搭咗個鐵棚霸住條路', '那间店铺搭了个铁棚占着条路'],
      ['想問下點樣報讀公立小學？', '请问怎样报名公立小学?'],
      ['點樣查公司有冇幫我供社保？', '怎样查公司有没有帮我交社保?'],
      ['老公同家婆為湊仔嘅事嗌交', '老公和婆婆为带孩子的事吵架'],
      ['做咗三年無啦啦俾公司炒咗，想追返賠償', '做了三年无缘无故被公司辞退了,想追回赔偿'],
      ['啲人將垃圾亂咁掟喺垃圾桶隔籬', '人将垃圾乱扔在垃圾桶隔壁'],
      ['隔籬成日將架電單車泊喺我門口', '隔壁经常将架摩托车停在我门口'],
      ['外牆啲紙皮石甩咗落嚟', '外墙些瓷砖脱落了下来'],
      ['公司冇簽合約，仲扣起我本回鄉證', '公司没有签合同,还扣押我本回乡证'],
    ];
    for (const [yue, zh] of cases) assert.equal(normalize(yue).normalized, zh, yue);
  });

  it('recognises Cantonese by 咁 and by 點 asking how, but not Mandarin 一点 / 快点 / 重点', () => {
    const n = normalize('房東收電費一蚊五一度，咁都得？');
    assert.equal(n.cantonese, true);
    assert.equal(n.normalized, '房东收电费一元五一度,这样也行?');
    assert.equal(normalize('我阿媽八十幾歲，點申請高齡津貼？').normalized, '我妈妈八十几岁,怎么申请高龄津贴?');
    for (const zh of ['请快点申请低保', '这是重点投诉的问题', '有点样子了', '提交一点样本', '晚点申请也可以']) {
      assert.equal(normalize(zh).cantonese, false, zh);
      assert.equal(normalize(zh).normalized, zh, zh);
    }
  });

  it('keeps the Mandarin words that share a newer Cantonese key (人工智能, 人工呼吸, 仲裁, 湊錢, 停泊, 天花板, 沒人執法)', () => {
    const cases: Array<[string, string]> = [
      ['佢哋學人工呼吸，唔係講人工', '他们学人工呼吸,不是讲工资'],
      ['佢話要去仲裁，仲話冇錢', '他说要去仲裁,还说没钱'],
      ['大家湊錢湊合下，佢哋湊巧喺度', '大家凑钱凑合下,他们凑巧在'],
      ['啲船停泊喺度，冇泊位', '船停泊在,没有泊位'],
      ['天花板漏水冇人理', '天花板漏水没人管'],
      ['啲電單車冲紅燈，冇人執法', '摩托车冲红灯,没人执法'],
    ];
    for (const [yue, zh] of cases) assert.equal(normalize(yue).normalized, zh, yue);
    // Hong Kong words that apply in any text leave Mandarin letters with the same characters alone.
    for (const zh of ['护士多多关爱病患', '按月领取伤残津贴', '大量店铺无人租约']) assert.equal(normalize(zh).normalized, zh, zh);
  });

  it('reads Cantonese movement, aspect, repair, family and legal words as Mandarin (返, 落嚟, 緊, 先, 整, 入稟, 供)', () => {
    const cases: Array<[string, string]> = [
      ['業主話要收返層樓，佢下個月要返香港', '业主说要收回层楼,他下个月要回香港'],
      ['返夜班做到三點，樹枝跌落嚟差啲砸親人', '上夜班做到三点,树枝掉下来差点砸到人'],
      ['阿爸坐輪椅，成年都落唔到街', '爸爸坐轮椅,成年都下不了楼'],
      ['浴室一沖涼就滲水落樓下，管理處唔理', '浴室一洗澡就渗水到楼下,物业管理处不理'],
      ['對面起緊商場，我哋等緊佢哋回覆', '对面在建商场,我们在等他们回复'],
      ['要幾耐先攞到？做咗三年先發現冇供', '要多久才拿到?做了三年才发现没有交'],
      ['冷氣機壞咗業主唔整，仲要我哋冇錢整', '空调坏了业主不修,还要我们没钱修'],
      ['佢喺天台起咗間鐵皮屋', '他在天台建了间铁皮屋'],
      ['我想同老公離婚，要點樣入稟法院？', '我想和老公离婚,要怎样起诉法院?'],
      ['城管話我阻街，我唔服，想申請行政覆議', '城管说我占道,我不服,想申请行政复议'],
      ['阿爺過咗身，留低一層樓', '爷爷去世了,留下一层楼'],
      ['個女喺學校俾人蝦，返到嚟成日喊', '女儿在学校被人欺负,回来经常哭'],
      ['老公飲醉酒就鬧我，佢哋日日黑口黑面', '老公喝醉酒就骂我,他们每天摆脸色'],
      ['個仔有過度活躍症，佢打機打到天光', '儿子有多动症,他打游戏打到天亮'],
      ['公司淨係幫我供咗醫保，我以前有供強積金', '公司只是帮我交了医保,我以前有交养老保险'],
      ['有人入屋爆格，管理處話維修公司未嚟', '有人入户盗窃,物业管理处说维修公司还没来'],
      ['師傅收咗訂金，電話又唔聽，成屋都係膠味', '师傅收了订金,电话又不接,整屋都是塑料味'],
      ['佢日日返十二個鐘，仲裁委話要等三個月先開庭', '他每天上班十二个小时,仲裁委说要等三个月才开庭'],
      ['佢今日先話，要供夠幾耐先得？佢喺度嗌救命', '他今天先说,要交够多久才行?他在喊救命'],
      ['啲細路瞓唔到，我哋啲窗都郁，次次要啲唔同文件', '小孩睡不着,我们的窗都动,次次要些不同文件'],
    ];
    for (const [yue, zh] of cases) assert.equal(normalize(yue).normalized, zh, yue);
  });

  it('keeps the Mandarin words around the new keys (旁邊個, 執行唔到, 返回, 提供, 大喊, 襯衫) and never touches 繁體 Mandarin', () => {
    const cases: Array<[string, string]> = [
      ['地鐵站旁邊個工地仲喺度開工', '地铁站旁边个工地还在开工'],
      ['法院話執行唔到，佢哋返回公司', '法院说执行不到,他们返回公司'],
      ['佢哋冇提供證明，冇供電三日', '他们没有提供证明,没有供电三天'],
      ['佢喺度大喊救命，件襯衫爛咗', '他在大喊救命,件衬衫烂了'],
      ['佢喺銀行行出嚟', '他在银行走出来'],
      ['佢哋一同去，同事同我講，同意簽合同', '他们一同去,同事和我讲,同意签合同'],
      ['佢有抑鬱，半邊身郁唔到', '他有抑郁,半边身动不了'],
      ['啲工廠十點之後先排嘢落河', '工厂十点之后才排东西到河里'],
    ];
    for (const [yue, zh] of cases) assert.equal(normalize(yue).normalized, zh, yue);
    // The same characters in 繁體 Mandarin: not Cantonese, so no key applies (返 stays 返, 落去 stays, 先 stays).
    const mandarin: Array<[string, string]> = [
      ['他返回深圳後先發現公司沒有提供社保,還說要落去現場看', '他返回深圳后先发现公司没有提供社保,还说要落去现场看'],
      ['工人整理現場時大喊,襯衫都濕了,請儘快執行判決', '工人整理现场时大喊,衬衫都湿了,请尽快执行判决'],
      ['我們起訴到法院,申請行政覆議,他出世在香港', '我们起诉到法院,申请行政覆议,他出世在香港'],
      ['請問要多久才有回覆?這個產品幾耐用', '请问要多久才有回复?这个产品几耐用'],
      ['我同意同事的看法,心情鬱悶,之後先去河邊走路', '我同意同事的看法,心情郁闷,之后先去河边走路'],
    ];
    for (const [text, expected] of mandarin) {
      const n = normalize(text);
      assert.equal(n.normalized, expected, text);
      assert.equal(n.cantonese, false, text);
    }
  });

  it('recognises 幾耐 and Cantonese-only characters (嗌, 掟, 喎) as Cantonese', () => {
    assert.equal(normalize('請問寫信去信訪辦，要幾耐先有回覆？').normalized, '请问写信去信访办,要多久才有回复?');
    for (const t of ['樓上成日掟嘢落嚟', '隔籬又嗌交', '管理處話唔關佢事喎']) assert.equal(normalize(t).cantonese, true, t);
  });

  it('reads Hong Kong phone spellings (D, 左, 既) and mixed-in English words, only in Cantonese text', () => {
    const cases: Array<[string, string]> = [
      ['公司炒左我都唔俾補償，HR仲話係我自己辭職', '公司辞退了我都不给补偿,人事还说是我自己辞职'],
      ['我既人工兩個月冇出，管理處D保安成日瞓覺', '我的工资两个月没有出,物业管理处些保安经常睡觉'],
      ['喺網上book咗間酒店，一個月OT八十個鐘', '在网上预订了间酒店,一个月加班八十个小时'],
      ['佢哋住喺A座D棟，維生素D唔夠，向左轉', '他们住在a座d栋,维生素d不够,向左转'],
      ['我既唔想搬，又唔想俾錢；facebook嘅朋友', '我既不想搬,又不想给钱;facebook的朋友'],
    ];
    for (const [yue, zh] of cases) assert.equal(normalize(yue).normalized, zh, yue);
    // Mandarin keeps its 左, 既 and English words.
    for (const zh of ['我既不想去也不想留,向左转就是HR办公室', '左边的房子D座,请check一下']) {
      assert.equal(normalize(zh).normalized, zh.toLowerCase(), zh);
    }
  });

  it('reads everyday Cantonese words the way a Mandarin writer would put them (cantonese-probe-2 dev)', () => {
    const cases: Array<[string, string]> = [
      ['隔離地盤成晚打樁，居家隔離嗰陣都冇咁嘈', '隔壁工地整晚打桩,居家隔离那时都没有这么吵'],
      ['渠塞咗好耐，呢個煲好耐用', '下水道堵塞了很久,这个煲很耐用'],
      ['咁樣得唔得㗎？補習社執咗笠', '这样行不行的?补习社倒闭了'],
      ['低保嘅申請條件係點？', '低保的申请条件是怎样?'],
      ['屋企d水黃色，唔敢煲嚟飲，飲料又貴', '家里的水黄色,不敢烧开来喝,饮料又贵'],
      ['由朝到晚都嘈，大聲講粗口，個護士好惡', '从早到晚都吵,大声讲脏话,那个护士很凶'],
      ['業主唔俾人入去睇', '业主不让人进去看'],
      // cooking, not burning things: 燒嘢 alone (someone burning stuff) stays 烧东西
      ['佢哋日日喺樓下燒嘢食，有人喺後巷燒嘢', '他们每天在楼下烧烤,有人在后巷烧东西'],
    ];
    for (const [yue, zh] of cases) assert.equal(normalize(yue).normalized, zh, yue);
    // Words with no Mandarin reading are read in any text, as 按金 and 水喉 are.
    assert.equal(normalize('食完飯成家人肚痾，廚房有曱甴，門口有走鬼檔').normalized, '食完饭成家人拉肚子,厨房有蟑螂,门口有流动摊贩');
  });

  it('reads Cantonese grammar: 好似X咁, X極都X唔, 喺X度, clause-opening 咁 and 啲, counted 鐘 and 日, 下個月先', () => {
    const cases: Array<[string, string]> = [
      ['好似燒膠咁嘅味', '好像烧塑料一样的味'],
      ['約極都約唔到，積極都冇用', '怎么约都约不到,积极都没有用'],
      ['有人喺農地度起咗間屋，喺溫度高嘅地方，喺呢度', '有人在农地建了间屋,在温度高的地方,在这里'],
      ['咁我點返工呀', '那我怎么上班呀'],
      ['佢呃遊客，呃，我唔知', '他骗游客,呃,我不知道'],
      ['附近啲工廠，我哋要買啲嘢', '附近的工厂,我们要买些东西'],
      ['一日做12個鐘，等咗兩個鐘頭', '一天做12个小时,等了两个钟头'],
      ['佢話五月三日嚟，星期六日都等咗十幾日', '他说五月三日来,星期六日都等了十几天'],
      ['佢話下個月先出糧', '他说下个月才发工资'],
      ['架架車亂咁衝，個人覺得佢冇講錯，部門唔理', '架架车乱冲,个人觉得他没有讲错,部门不理'],
    ];
    for (const [yue, zh] of cases) assert.equal(normalize(yue).normalized, zh, yue);
    // Mandarin keeps 隔離, 飲料, 積極, 好似 and 鐘頭.
    const zh = '隔離病房的飲料很好，我們要積極配合，好似一個鐘頭';
    assert.equal(normalize(zh).normalized, '隔离病房的饮料很好,我们要积极配合,好似一个钟头');
  });

  it('still lets the emergency wording through in its Mandarin form', () => {
    assert.equal(normalize('我真係唔想活落去').normalized, '我真是不想活下去');
    assert.equal(normalize('我唔想再活落去').normalized, '我不想再活下去');
    assert.equal(normalize('佢喺度打我').normalized, '他在打我');
    assert.equal(normalize('樓下火燭呀，我哋落唔到去').normalized, '楼下着火呀,我们下不了去');
    assert.equal(normalize('阿媽喺廚房暈咗').normalized, '妈妈在厨房晕倒了');
  });
});
