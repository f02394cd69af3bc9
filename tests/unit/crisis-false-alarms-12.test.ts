/**
 * False alarms on ordinary petitions (twelfth session): a lift out of order, medicine out of stock, a car window smashed,
 * knives sold at a stall, drilling next door, an e-bike fire feared, a house to be demolished, a past push settled, a
 * gas line under repair, an old accident's lingering pain. Each is an ordinary matter for a department; each guard or
 * exclusion stands aside when someone is trapped, hurt, threatened, or a danger is happening now. Our own wording.
 */
import { describe, expect, it } from 'vitest';
import { modelAlarmGuard, modelConcernGuard } from '../../triage/crisis/guards.js';
import { normalize } from '../../triage/normalize.js';
import { crisis, expectLevel } from '../helpers/triageProbe.js';

const alarmGuard = (text: string) => modelAlarmGuard(normalize(text).normalized, false)?.cues[0] ?? null;
const concernGuard = (text: string) => modelConcernGuard(normalize(text).normalized);

describe('the model alone no longer alarms on ordinary petitions told with a now', () => {
  it('a lift out of order and an old parent who cannot get down is a complaint', () => {
    for (const text of [
      '这栋楼电梯又停了一个礼拜，我爸九十岁住二十楼，没法下楼复诊，物业一直说等配件',
      'the elevator in our block has been out of order since monday and my grandmother on the 15th floor cannot get to her check-up',
    ]) {
      expect(alarmGuard(text), text).toBe('lift_out_not_danger');
      expectLevel('none', [text]);
    }
  });

  it('medicine running out or out of stock is a supply question', () => {
    const text = '我妈的降糖药现在药房缺货，医院让等下周再来，这怎么办';
    expect(alarmGuard(text)).toBe('medicine_short_not_danger');
    expectLevel('none', [text]);
  });

  it('a car window smashed and the thief gone is a police matter, not a fire or a beating', () => {
    const text = '昨晚停在路边的车被人砸了玻璃，小偷早跑了，派出所电话一直没人接';
    expect(alarmGuard(text)).toBe('property_damaged_not_danger');
    expect(concernGuard('the parking barrier came down and dented my car, the estate refuses to pay for it')).toBe('property_damaged_not_concern');
    expectLevel('none', [text]);
  });

  it('knives sold openly and drilling next door are for market and noise control', () => {
    expect(alarmGuard('a vendor is selling machetes outside the metro exit right now, is that even legal')).toBe('knife_sold_not_danger');
    expect(alarmGuard('樓上裝修電鑽由朝早響到而家，我個頭都就快爆')).toBe('works_noise_not_danger');
    expectLevel('none', ['隔離屋裝修而家仲打緊鑽，吵到我哋冇得休息']);
  });

  it('a hazard feared one day, an unsafe house to be pulled down, a pond where someone drowned years ago', () => {
    expect(alarmGuard('后山那道挡土墙现在已经裂开了，一下雨就掉石头，怕它哪天整个塌下来')).toBe('collapse_feared_not_danger');
    expect(concernGuard('楼道里一排电瓶车在充电，我担心哪天着火，跟管理处讲了好几次')).toBe('ordinary_complaint_not_concern');
    expect(concernGuard('our village house was assessed as unsafe and will be demolished next spring, how is compensation calculated')).toBe(
      'ordinary_complaint_not_concern',
    );
    expect(concernGuard('水库边前年溺亡过人，现在还有人去游泳，也没人劝')).toBe('ordinary_complaint_not_concern');
    expect(concernGuard('殡仪馆的火化费突然涨了一倍，家属根本没得选')).toBe('ordinary_complaint_not_concern');
    expect(concernGuard('I rang the police three times about the party upstairs and nobody picked up, it ended around 2am anyway')).toBe(
      'ordinary_complaint_not_concern',
    );
  });
});

describe('rule and cue exclusions on ordinary matters', () => {
  it('a push in a quarrel long settled, a gas line under repair, an old accident that still aches', () => {
    expectLevel('none', [
      '前年和对门因为停车位吵过一次，他推过我一下，后来已经调解好了，现在只是想问车位怎么分',
      '燃氣管道漏氣搶修中，已經停氣兩天，想問幾時可以恢復供氣',
      '我上个月被车撞了以后膝盖还疼，对方保险只肯赔一千五，能不能申请调解',
    ]);
  });

  it('a teenager in long sleeves with scratches on the arm is a concern named self-harm', () => {
    const o = crisis('我儿子读初二，大夏天也穿长袖，昨天无意看到他手臂上有几道划痕，他不肯讲');
    expect(o.level).toBe('concern');
    expect(o.kinds).toContain('self_harm');
  });

  it('an abuser who moved out and waits outside work is a concern with the lines', () => {
    const o = crisis('我老公以前喝醉会动手，上个月搬出去住了，可他这几天老在我单位门口等我，我不敢下班');
    expect(o.level).toBe('concern');
    expect(o.kinds).toContain('violence');
  });
});

describe('each guard stands aside for a danger', () => {
  it('keeps the alarm', () => {
    expectLevel('immediate', [
      '电梯停了，里面还困着一个阿婆，按警铃没人理',
      'the lift is broken again and my dad collapsed on the stairs, he is not answering me',
      '我爸的药快吃完了，他说今晚要把剩下的全部吃掉',
      '卖刀那个摊主现在拿着刀在市场里追人',
      '隔壁装修的工人从脚手架上掉下来了，一动不动',
      'the drilling next door stopped and now I hear screaming and banging',
      '燃气漏气抢修中，可是楼道里煤气味越来越重，独居的阿伯叫不醒',
      '我被车撞了以后头很痛，一直在吐',
      '工地那边坍方了，有个工人被埋在沟里还没挖出来',
      '地盤頭先冧咗，有個師傅俾泥埋咗喺坑入面',
      '我老公以前會動手，現在搬出去了，可是他現在就在門口拿著刀',
      '我前男友以前會打我，現在已經分開了，但他現在就在我家門口踢門',
      'someone smashed my car window and punched my husband, he is bleeding',
    ]);
  });
});
