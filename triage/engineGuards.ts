/**
 * The offline engine's guards: where the words of the resident's own text overrule what the category or target model
 * read. Each was a wrong decision seen on real or probe messages (docs/routing.md, docs/offline-engine.md), mended in
 * general form; the word lists are in engineWords.ts, the legal matters in legalMatters.ts, plain questions in
 * infoQuestion.ts.
 */
import type { Category, TargetCode } from '../kernel/taxonomy.js';
import {
  APPLICATION_STALLED, BROKEN, BUSINESS, CARE_PERSON, GAMBLING, HAWKERS, HOUSEHOLDS, ILLEGAL_BUILD, MANAGEMENT, MEDIATION_ASKED, METRO, NEARBY, NOISE, NOISE_SOURCE,
  NUISANCE, PREPAID_LOST, PREPAID_SHOP, PUBLIC_FACILITY, REPAIR_ASK, SCHOOLING, SCHOOL_CONDUCT, SCHOOL_STAFF, SLEEP_LOSS, TRAFFIC_MATTER, WAGES_OWED,
  ALLOWANCE_STOPPED, BOUGHT, BUILDING_SITE, CONSUMER_WRONG, EATERY, FOOD_ILLNESS, PUBLIC_TOILET, OUT_OF_SERVICE, PERMIT_AS_CONDITION, PERMIT_OBSTRUCTED, RESIDENCE_PERMIT, RESIDENT_BUILDER, ROOF, SITE_SAFETY,
  TEACHER_CONDUCT, TRAFFIC_POLICE_ENFORCE, WORK_INJURY_CLAIM,
} from './engineWords.js';
import { isInfoQuestion, tellsRefusal } from './infoQuestion.js';
import { arbitrationAsked, civilDebtOf, legalMatterOf } from './legalMatters.js';

/**
 * A message this long or shorter is about one matter, so a word like 赌博 or 小贩 names it; in a long letter it may be
 * one incidental detail (two Teddy 495 letters, public housing sublet "for gambling" and a city's idlers who "打牌赌博",
 * went to the police when the override read whole letters).
 */
const SHORT_MATTER_CHARS = 150;

/**
 * The readings gambling overrides: its noise, its shop or its street. A housing reading stays (public housing sublet
 * "for gambling" is a Teddy 495 letter filed under 城乡建设).
 */
const NUISANCE_READINGS: ReadonlySet<string> = new Set(['environment', 'market_regulation', 'urban_management', 'street_office']);

const SCAM = /冒充[^。!?]{0,12}(打电话|打電話|来电|來電|客服|公检法|警察|局)|安全账户|安全賬戶|电信诈骗|電信詐騙|(被骗|被騙)[^。!?]{0,12}(转账|轉賬|汇款|匯款|万|萬|元|块)|(转账|轉賬)[^。!?]{0,12}(被骗|被騙)|\b(scammed|scammers?|phone scam|fraudsters?|pretended to be (the )?(police|bank|bureau|officials?))\b/i;
// The school only as where the vendors stand; a school place, a teacher or fees named is a matter of its own.
const SCHOOL_AS_PLACE = /(学校|學校|校)(门口|門口|附近|旁边|旁邊|周边|周邊)|校门|校門|\b(outside|near|by|around) (the |my \w+'s |our |my )?(primary |secondary |high |middle )?school\b|\bschool gates?\b/i;
const SCHOOL_MATTER = /学位|學位|入学|入學|转学|轉學|老师|老師|学费|學費|\b(school place|enrol\w*|teachers?|tuition)\b/i;
const FAMILY_GAMBLER = /(老公|丈夫|先生|老婆|太太|爸爸|父亲|儿子|女儿|哥哥|弟弟|他|她|佢)[^。!?]{0,6}(赌博|賭博|赌钱|賭錢|好赌|好賭|烂赌|爛賭|沉迷赌|沉迷賭)|\b(husband|wife|son|father|dad|brother)('s)? (gambl\w*)\b/i;
const LIFT = /电梯|電梯|升降机|升降機|扶梯|𨋢|\b(lifts?|elevators?|escalators?)\b/i;

/** A message that asks rather than tells. */
const ASKS = /[?？]|吗|嗎|咨询|諮詢|请问|請問|想问|想問|\b(what|how|does|is|can)\b/i;

/** Below this, an "unclear" reading gives way to a matter the guards' words name. */
const UNSURE_UNCLEAR = 0.5;

/** The category after the guards on the category model's reading (`conf` its probability); each change adds a reason. */
export function categoryGuards(category: Category, conf: number, fullText: string, reasons: string[]): Category {
  if ((category === 'petition' || category === 'legal_channel' || category === 'unclear' || category === 'out_of_scope') && isInfoQuestion(fullText)) {
    reasons.push(`info_question_not_${category}`);
    category = 'inquiry';
  }
  if (category === 'inquiry' && tellsRefusal(fullText)) {
    reasons.push('refusal_told_not_inquiry');
    category = 'petition';
  }
  // Wages owed are a petition (labour inspection) unless the writer names arbitration: "公司三个月没发工资 房东要赶我走…"
  // had been an unsure legal channel (0.47) for the eviction beside it.
  if (category === 'legal_channel' && conf < UNSURE_UNCLEAR && WAGES_OWED.test(fullText) && !arbitrationAsked(fullText)) {
    reasons.push(`wage_arrears_not_legal:${conf.toFixed(2)}`);
    category = 'petition';
  }
  // A debt between relatives or friends read as a family matter ("我和表哥合伙开店…钱一分都没分给我") is still a civil one.
  // The category model knows 联系不上 from missing-person lines: "借给朋友五万块，现在人联系不上了" read as an emergency (and, with
  // no danger the crisis layer found, became "unclear"). A loan told with a debtor gone is a civil debt; the crisis layer has
  // already read the words, so no danger waits on this.
  const legal = category === 'petition' ? legalMatterOf(fullText) : category === 'out_of_scope' ? (arbitrationAsked(fullText) ?? civilDebtOf(fullText)) : category === 'emergency' ? civilDebtOf(fullText) : null;
  if (legal) {
    reasons.push(`${legal}_legal_channel`);
    category = 'legal_channel';
  }
  // Two households asking where to have their quarrel mediated: the committee's, unless a business is the other side
  // (a nuisance, for a department).
  if (category === 'petition' && fullText.length <= SHORT_MATTER_CHARS * 2 && MEDIATION_ASKED.test(fullText) && HOUSEHOLDS.test(fullText) && !BUSINESS.test(fullText)) {
    reasons.push('mediation_asked_between_households');
    category = 'out_of_scope';
  }
  // An unsure "unclear" that names a teacher's conduct or wages owed has said its matter: "我个女话班主任成日用间尺打手板
  // 我好担心" had been asked what it was about.
  if (category === 'unclear' && conf < UNSURE_UNCLEAR && ((SCHOOL_STAFF.test(fullText) && SCHOOL_CONDUCT.test(fullText)) || WAGES_OWED.test(fullText))) {
    reasons.push(`matter_named_not_unclear:${conf.toFixed(2)}`);
    category = 'petition';
  }
  // A work injury to be reported or recognised is a matter however short the telling: "我在地盤開工受傷，判頭不肯幫我報工傷，
  // 想投訴" had been asked what it was about (0.62). Not a question about what counts as one (我想咨询…能算工伤？, a Shanghai
  // letter).
  if (category === 'unclear' && WORK_INJURY_CLAIM.test(fullText) && !ASKS.test(fullText)) {
    reasons.push(`work_injury_named_not_unclear:${conf.toFixed(2)}`);
    category = 'petition';
  }
  return category;
}

/**
 * Why a 信访外 reading routed to `service` is a public matter for a department after all, or null. A site, factory or
 * bar keeping residents awake is for environment or urban management, not counselling: "附近工地晚上施工太吵，我整晚睡不着"
 * had been offered a counselling centre, because the category model knows 睡不着 from counselling lines. Nor is a
 * business downstairs a neighbour to be mediated with: a restaurant's fumes told as "楼下的餐馆…熏得我们家不敢开窗" went to
 * mediation. A quarrel between households stays a 信访外 matter.
 */
export function publicMatterOf(service: TargetCode, fullText: string): string | null {
  // Lost sleep beside a source is its noise told by its effect ("工厂晚上机器一直轰轰响，我已经失眠好几天了").
  // Only a source next to where they live: "我在工厂上夜班，白天睡不着" is about the resident, not a neighbour.
  const noisy = NOISE_SOURCE.test(fullText) && (NOISE.test(fullText) || (SLEEP_LOSS.test(fullText) && NEARBY.test(fullText)));
  // Gambling is for the police wherever it happens (楼下成晚有人聚埋一齐赌钱 had gone to mediation).
  // A family member's gambling and its debts are the family's distress, not a gambling den for the police.
  const business = (BUSINESS.test(fullText) && (NOISE.test(fullText) || NUISANCE.test(fullText))) || (GAMBLING.test(fullText) && !FAMILY_GAMBLER.test(fullText));
  const publicRepair = PUBLIC_FACILITY.test(fullText) && REPAIR_ASK.test(fullText);
  const schoolConduct = (SCHOOL_STAFF.test(fullText) && SCHOOL_CONDUCT.test(fullText)) || TEACHER_CONDUCT.test(fullText);
  // Broken and left so by the property management, or in a metro station (a lift out for weeks, a wheelchair user stuck).
  const facilityBroken = PUBLIC_FACILITY.test(fullText) && BROKEN.test(fullText) && (MANAGEMENT.test(fullText) || METRO.test(fullText));
  // Care services keep a repair at an elder's or a disabled person's home (家里水管坏了，我妈一个人住…).
  const helper = service === 'counselling' || service === 'mediation' || service === 'assistance' || service === 'family' || ((service === 'elderly_care' || service === 'disability' || service === 'youth') && (!CARE_PERSON.test(fullText) || METRO.test(fullText)));
  if (service === 'counselling' && noisy) return 'noise_source_not_counselling';
  if (helper && business) return 'business_nuisance_not_service';
  if (helper && (publicRepair || facilityBroken)) return 'public_repair_not_service';
  if (helper && WAGES_OWED.test(fullText)) return 'wage_arrears_not_service';
  // Twelfth session: a work injury the employer will not report, an allowance stopped, goods bought with a refund refused.
  if (helper && WORK_INJURY_CLAIM.test(fullText)) return 'work_injury_not_service';
  if (ALLOWANCE_STOPPED.test(fullText)) return 'allowance_stopped_not_service';
  if (helper && BOUGHT.test(fullText) && CONSUMER_WRONG.test(fullText)) return 'consumer_matter_not_service';
  if (helper && FOOD_ILLNESS.test(fullText) && EATERY.test(fullText)) return 'food_illness_not_service';
  if (APPLICATION_STALLED.test(fullText)) return 'application_stalled_not_service';
  if ((service === 'mediation' || service === 'family') && ILLEGAL_BUILD.test(fullText)) return 'illegal_structure_not_service';
  if ((service === 'youth' || service === 'family') && schoolConduct) return 'school_conduct_not_service';
  return null;
}

/** The department a petition's words decide whatever the routing read (the read one stays the second matter), or null. */
export function departmentOverride(target: TargetCode | null, fullText: string): { target: TargetCode; reason: string } | null {
  // Gambling is the police's whatever else it brings (TAXONOMY: public_security): "a mahjong shop downstairs where
  // people gamble big money every night, very noisy" had gone to environment for the noise.
  if (NUISANCE_READINGS.has(target as string) && fullText.length <= SHORT_MATTER_CHARS && GAMBLING.test(fullText)) {
    return { target: 'public_security', reason: `gambling_is_police:${target}` };
  }
  // Hawkers are urban management's wherever they stand: "地铁站出口成班小贩霸晒条路" went to transport (0.999) on
  // the station's name.
  if (target === 'transport' && fullText.length <= SHORT_MATTER_CHARS && HAWKERS.test(fullText) && !TRAFFIC_MATTER.test(fullText)) {
    return { target: 'urban_management', reason: 'hawkers_are_urban_management:transport' };
  }
  // A scam is the police's whatever body the scammer named ("有人冒充社保局打电话…让我转账到安全账户…被骗了两万" had gone
  // to human resources on 社保).
  if (target !== 'public_security' && fullText.length <= SHORT_MATTER_CHARS && SCAM.test(fullText)) return { target: 'public_security', reason: `scam_is_police:${target}` };
  // Street vendors by a school are urban management's, not the school's ("street vendors outside my kid's school selling
  // fried stuff" went to education on "school").
  if (target === 'education' && fullText.length <= SHORT_MATTER_CHARS && HAWKERS.test(fullText) && SCHOOL_AS_PLACE.test(fullText) && !SCHOOL_MATTER.test(fullText)) return { target: 'urban_management', reason: 'hawkers_are_urban_management:education' };
  // A lift or escalator in a metro station is the metro operator's, under transport ("地鐵站個升降機壞咗成個月" went to
  // housing on the lift).
  if (target === 'housing' && METRO.test(fullText) && LIFT.test(fullText)) return { target: 'transport', reason: 'metro_lift_is_transport:housing' };
  // A gym, salon or car wash gone with its members' prepaid money: market regulation (预付卡), not the 私教课's education.
  if (target !== 'market_regulation' && PREPAID_SHOP.test(fullText) && PREPAID_LOST.test(fullText) && !SCHOOLING.test(fullText)) {
    return { target: 'market_regulation', reason: `prepaid_is_market_regulation:${target}` };
  }
  return sideMatterOverride(target, fullText);
}

/** Matters whose department the words name though another is told beside them (docs/routing-probes.md "Twelfth session: blind probe"), or null. */
function sideMatterOverride(target: TargetCode | null, fullText: string): { target: TargetCode; reason: string } | null {
  // A work injury to be recognised or reported is the labour bureau's, not the hospital's whose bills are told beside it.
  if (target === 'health' && WORK_INJURY_CLAIM.test(fullText)) return { target: 'human_resources', reason: 'work_injury_is_human_resources:health' };
  // A residence permit the resident cannot get or renew is the police's, whatever tenancy filing or job is told beside it.
  const permitRefused = RESIDENCE_PERMIT.test(fullText) && PERMIT_OBSTRUCTED.test(fullText) && !PERMIT_AS_CONDITION.test(fullText);
  if ((target === 'housing' || target === 'human_resources') && fullText.length <= SHORT_MATTER_CHARS && permitRefused) {
    return { target: 'public_security', reason: `residence_permit_is_police:${target}` };
  }
  // Safety on a building site, by a school too: the housing and construction bureau's.
  if ((target === 'street_office' || target === 'urban_management' || target === 'education') && BUILDING_SITE.test(fullText) && SITE_SAFETY.test(fullText)) {
    return { target: 'housing', reason: `site_safety_is_housing:${target}` };
  }
  if (target === 'street_office' && fullText.length <= SHORT_MATTER_CHARS && PUBLIC_TOILET.test(fullText) && (BROKEN.test(fullText) || OUT_OF_SERVICE.test(fullText))) return { target: 'urban_management', reason: 'public_toilet_is_urban_management:street_office' };
  // Falling ill after eating out is food safety (market regulation), not the hospital visited after.
  if ((target === 'health' || target === 'urban_management' || target === 'environment') && FOOD_ILLNESS.test(fullText) && EATERY.test(fullText)) {
    return { target: 'market_regulation', reason: `food_illness_is_market_regulation:${target}` };
  }
  // An illegal structure on a roof (天台搭铁皮屋出租) is the planning enforcers', not the building's safety.
  if (target === 'housing' && ILLEGAL_BUILD.test(fullText) && ROOF.test(fullText)) return { target: 'planning_land', reason: 'roof_structure_is_planning:housing' };
  if (target === 'housing' && fullText.length <= SHORT_MATTER_CHARS && ILLEGAL_BUILD.test(fullText) && RESIDENT_BUILDER.test(fullText)) {
    return { target: 'planning_land', reason: 'owner_structure_is_planning:housing' };
  }
  // The traffic police asked to enforce against offences on the road: public security, not the transport bureau.
  if (target === 'transport' && fullText.length <= SHORT_MATTER_CHARS && TRAFFIC_POLICE_ENFORCE.test(fullText)) return { target: 'public_security', reason: 'traffic_enforcement_is_police:transport' };
  return null;
}
