import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { routed } from '../helpers/triageProbe.js';

// Our own wording of what a blind probe of formal letters, chat lines, English and Cantonese (2026-12-07, eleventh
// session) found; the probe itself stays outside the repository.
describe('offline engine: the eleventh session blind probe', () => {
  it('money lent to a friend, and a partner who sold the firm, are civil matters for the legal channel', async () => {
    for (const text of [
      '前年借给同事八万块，打了借条，现在他把我微信拉黑了，电话也不接',
      '我和表哥合伙开了家奶茶店，我出了二十万，他把店转让了，钱一分都没分给我',
      'I lent my friend 30,000 yuan for his business last year and now he has blocked me everywhere',
    ]) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'legal_channel', why);
    }
    // Wages owed and a village's collective company stay petitions.
    for (const text of ['老板拖欠我们三个月工资，借口说资金周转不过来', '村里的股份公司几年没公布过分红账目，股东去问也没人理']) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'petition', why);
    }
  });

  it('a penalty told in the passive and contested (不服, 复议) is the legal channel', async () => {
    const { d, why } = await routed('我家小卖部门口摆了一个冰柜，被城管认定占道经营罚款三千元，我不服，想知道怎么申请复议');
    assert.equal(d.category, 'legal_channel', why);
    // The enforcers' manner stays a petition about their conduct.
    const conduct = await routed('城管来我店门口执法时骂人，还把我的货摔在地上，态度太恶劣了');
    assert.equal(conduct.d.category, 'petition', conduct.why);
  });

  it('two households asking where to have a leak mediated go to the mediation committee', async () => {
    const { d, why } = await routed('楼上邻居家的洗衣机水管漏水渗到我家天花板，找他们几次都推说不是他们的问题，物业说管不了，请问有没有地方可以帮我们调解？');
    assert.equal(d.category, 'out_of_scope', why);
    assert.equal(d.target, 'mediation', why);
  });

  it('a gym or a salon gone with members prepaid money is market regulation, not education', async () => {
    const { d, why } = await routed('小区门口的健身房办了两年的会员卡还买了私教课，上周突然关门了，老板联系不上，几百个会员的钱都没退');
    assert.equal(d.category, 'petition', why);
    assert.equal(d.target, 'market_regulation', why);
  });

  it('plain procedure questions are inquiries, in 简体 and English', async () => {
    for (const text of [
      '外地的户口想迁过来，手续去哪里办',
      '社保卡丢了怎么补办',
      '你们星期六办公吗？材料可以拿到窗口交吗',
      'Can I write my complaint in English, or must it be in Chinese?',
    ]) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'inquiry', why);
    }
    // How to apply for enforcement of a judgment is the legal channel's to explain, not a policy question.
    const enforce = await routed('法院判了对方赔钱给我，半年了一分没给，怎么申请强制执行？');
    assert.equal(enforce.d.category, 'legal_channel', enforce.why);
  });

  it('someone posing as the resident online is the police, not counterfeit goods', async () => {
    const { d, why } = await routed('Someone is impersonating me with a fake profile using my photos and asking my contacts to send money');
    assert.equal(d.target, 'public_security', why);
  });

  it('burning at an industrial park that keeps people awake is a petition, not counselling', async () => {
    const { d, why } = await routed('旁边工业园晚上经常焚烧垃圾，气味很呛，熏得我们整晚睡不着');
    assert.equal(d.category, 'petition', why);
    // Open burning is enforced by urban management (大气污染防治法), its smoke by environment: either is right.
    assert.ok(d.target === 'environment' || d.target === 'urban_management', why);
  });

  it('the directory phrase cited on the card supports the department chosen, or none is cited', async () => {
    for (const text of ['医保异地备案后看病怎么报销不了', '小区楼下的餐馆每天晚上排油烟，熏得我们家不敢开窗', 'the bus stop by my home was moved and now I walk 20 minutes']) {
      const { d, why } = await routed(text);
      const cited = d.reasons.find((r) => r.startsWith('directory_match:'));
      const routedTo = d.reasons.find((r) => r.startsWith('target:'))?.split(' ')[0]?.slice('target:'.length);
      if (cited) assert.equal(cited.split(' ')[0]!.slice('directory_match:'.length), routedTo, why);
    }
  });
});

// Our own wording of what a second blind probe of hard boundaries (four varieties, eleventh session) found.
describe('offline engine: hard boundaries probe', () => {
  it('a friend who borrowed and vanished, a partner who took the money, and a suit over an estate are the legal channel', async () => {
    for (const text of [
      '同学借了我三万块说下个月还，现在电话换了号码，人也找不到了',
      '佢借咗我兩萬蚊之後就搵唔到人',
      '合夥做生意的朋友把公司賬上的錢都轉走了，人也聯絡不到',
      'my business partner owes me 80k and has stopped replying to my messages',
      '奶奶去世后大伯霸占了老屋不肯分，我们准备起诉他',
    ]) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'legal_channel', why);
    }
  });

  it('a fine the writer calls unfair, in the passive or as what the officer said, is the legal channel', async () => {
    for (const text of ['交警话我违停罚了三百，但我明明停在划线车位里面', '俾城管罰咗一千蚊，話我阻街，我覺得好冤枉', '城管罚了我五百块，说我占道，我觉得这个处罚不合理']) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'legal_channel', why);
    }
  });

  it('questions about an allowance amount, going in person, a discount card, are inquiries', async () => {
    for (const text of ['残疾人补贴每个月多少钱？要本人去街道办吗？', '長者坐地鐵有冇優惠？點樣辦張卡？']) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'inquiry', why);
    }
  });

  it('venting with no matter, and asking for help with no matter, are unclear', async () => {
    for (const text of ['this is ridiculous', '又係咁', '请问可以帮忙吗']) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'unclear', why);
    }
  });

  it('a metro station lift is transport even for a wheelchair user; an estate lift stays housing', async () => {
    for (const text of ['The escalator at exit B of the metro station has been broken for a month and my dad in a wheelchair cannot use the station', '地铁站出口的电梯坏了三个星期，推婴儿车只能抬上抬下']) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'petition', why);
      assert.equal(d.target, 'transport', why);
    }
    const estate = await routed('我们小区的电梯又坏了，物业一直不修');
    assert.equal(estate.d.target, 'housing', estate.why);
  });

  it('an unlicensed clinic reported by a neighbour, wages owed with stress, a rider whose pay was kept are petitions', async () => {
    for (const [text, targets] of [
      ['楼下那间无证诊所给我邻居打针打出问题了，我想举报', ['health', 'market_regulation']],
      ['the language school owes me two months salary and closed down, I am so stressed I cannot sleep', ['human_resources', 'education']],
      ['I am a delivery rider, the platform froze my account and kept my last two weeks pay', ['human_resources', 'market_regulation', 'transport']],
    ] as const) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'petition', why);
      assert.ok((targets as readonly string[]).includes(d.target as string), why);
    }
  });

  it('a work-injury claim after a road accident is no emergency', async () => {
    const { d, why } = await routed('我老公送外卖路上被车撞伤了，公司说他不是员工，不给算工伤');
    assert.notEqual(d.category, 'emergency', why);
  });
});

// Our own wording of what a third blind routing probe (200 lines, eleventh session) found.
describe('offline engine: third routing probe', () => {
  it('a phone scam is the police whatever body the scammer named; vendors by a school are urban management', async () => {
    const scam = await routed('有人冒充医保局客服打电话，说我医保卡被冻结，让我转账到安全账户，骗了我八千');
    assert.equal(scam.d.target, 'public_security', scam.why);
    const vendors = await routed('hawkers outside the primary school gate every afternoon selling fried food, the pavement is greasy');
    // Unlicensed street food is market regulation's too; never the school's.
    assert.ok(vendors.d.target === 'urban_management' || vendors.d.target === 'market_regulation', vendors.why);
  });

  it('a buyer who does not pay for goods, and custody of a child, are for the courts', async () => {
    for (const text of ['对方公司收了货三个月了一直拖欠货款，合同写明三十天内付清', 'My ex took our son back to his hometown and I want to apply for custody']) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'legal_channel', why);
    }
  });

  it('how long one has to apply, and whether a booking is needed, are questions', async () => {
    for (const text of ['失业金要在离职后多久之内申请？', '去社康打流感疫苗使唔使预约㗎？']) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'inquiry', why);
    }
  });

  it('an unlicensed tutoring centre in Cantonese is education; a deaf resident and a family burnt out of home are helped', async () => {
    const tutoring = await routed('楼下开咗间补习社，冇牌照，一间房逼住二三十个学生');
    assert.equal(tutoring.d.target, 'education', tutoring.why);
    const deaf = await routed('I am deaf and want to find sign language classes and a social group nearby');
    assert.equal(deaf.d.category, 'out_of_scope', deaf.why);
    assert.equal(deaf.d.target, 'disability', deaf.why);
    const fire = await routed('our flat burned down last week and we lost everything, we are sleeping at a friend\'s place with two kids');
    assert.notEqual(fire.d.category, 'emergency', fire.why);
    assert.ok(fire.d.target === 'assistance' || fire.d.target === 'civil_affairs', fire.why);
  });
});


// Our own wording of what a fourth blind routing probe (eleventh session) found.
describe('offline engine: fourth routing probe', () => {
  it('food poisoning told after, with the restaurant refusing to pay, is a petition and no emergency', async () => {
    const { d, why } = await routed('上周在一家餐馆吃完饭，一家人都上吐下泻，医院说是食物中毒，餐馆不承认也不肯赔');
    assert.equal(d.category, 'petition', why);
  });

  it("a husband's gambling debts and the wife's anxiety are a helper's case, not a gambling den for the police", async () => {
    const { d, why } = await routed('我老公好赌，欠了很多钱，我每天都很焦虑，睡不着');
    assert.equal(d.category, 'out_of_scope', why);
  });

  it('a landlord owed rent by a tenant is a civil matter for the courts, not hardship', async () => {
    const { d, why } = await routed('我是房东，租客三个月没交房租了，人也联系不上，我该怎么办');
    assert.equal(d.category, 'legal_channel', why);
  });

  it('how points are counted, what a procedure is like and what is required are questions', async () => {
    for (const text of ['居住证积分是怎么计算的？', '申请公租房的流程是怎样的？需要满足什么条件？']) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'inquiry', why);
    }
  });

  it('a site running machines at midnight, and a tin shed built on the roof next door, are petitions, not quarrels to mediate', async () => {
    const site = await routed('隔籬地盤半夜兩點仲開緊機，震得成間屋都響');
    assert.equal(site.d.category, 'petition', site.why);
    const shed = await routed('隔壁那户在楼顶加建了一间铁皮房出租，我担心不安全');
    assert.equal(shed.d.category, 'petition', shed.why);
    assert.equal(shed.d.target, 'planning_land', shed.why);
  });
});
