/**
 * Hong Kong written Chinese, read for routing. A Hong Kong resident of Shenzhen writes standard written Chinese in
 * 繁體 with Hong Kong's words for everyday things and bodies — 管理處 for the property management, 地盤 and 判頭 for a
 * building site and its subcontractor, 巴士 / 小巴 / 的士, 派位, 強積金, 食環, 房署, 急症室 — and names Shenzhen's bodies
 * by the Hong Kong departments they resemble. normalize.ts turns these into Mandarin only when the text is written
 * Cantonese (嘅, 咗, 唔 …); a letter in Hong Kong's standard written style has none of those marks, so the models,
 * trained on Mandarin, did not know the words (a site injury the 判頭 would not report read as "unclear").
 *
 * This reading is the offline engine's only (offlineEngine.ts `prepareText` and `decide`): normalize.ts, whose output
 * the crisis model's inputs are fixed to, is unchanged. It applies only to text the resident wrote in 繁體
 * (language zh-Hant), so 简体 letters — all the Shanghai and Teddy letters — read exactly as before. Keys are the
 * 简体 forms normalize() gives; each value keeps the Hong Kong word's meaning in the words the models learned.
 */
import type { Language } from '../kernel/language.js';

/** [pattern, Mandarin] in order; each pattern is global. */
const HK_READING: ReadonlyArray<readonly [RegExp, string]> = [
  // Property management (管理處 alone is an estate's; 公园管理处 and 物业管理处 stay), owners' corporation, estates.
  [/(?<!物业|公园|景区|河道|市场|街道|交通|水务|房管|社区|城管|车管|停车场)管理(处|公司)/g, '物业管理$1'],
  [/(?<!物业)管理费/g, '物业费'],
  [/(?<!业主立案)法团/g, '业主委员会'],
  [/纸皮石/g, '瓷砖'],
  [/天花(?!板|病)/g, '天花板'],
  [/劏房/g, '隔断房'],
  [/僭建/g, '违章搭建'],
  // Building sites and work.
  [/地盘/g, '工地'],
  [/判头/g, '包工头'],
  [/强积金/g, '养老保险 社保'],
  [/(拖欠|克扣|欠|扣|出|发|份|个月|月|的|加|减)人工(?!智能|湖|岛|呼吸|受孕|授精|降雨|草坪|费|成本|客服|服务|审核)/g, '$1工资'],
  [/执笠/g, '倒闭'],
  // Getting about.
  [/巴士站/g, '公交站'],
  [/(?<!大)巴士|小巴/g, '公交车'],
  [/的士/g, '出租车'],
  [/跳表/g, '打表'],
  [/单车/g, '自行车'],
  [/冷气(?!机)/g, '空调'],
  // Schools and health.
  [/派位/g, '学位分配'],
  [/急症室/g, '急诊室'],
  [/吊盐水/g, '输液'],
  [/医管局|医院管理局/g, '卫生健康部门'],
  [/茶餐厅/g, '餐厅'],
  // Water and drains (渠道 is a channel in Mandarin and stays).
  [/渠口|去水渠|坑渠/g, '下水道'],
  [/水浸/g, '积水'],
  [/落(大)?雨/g, '下$1雨'],
  [/停(了|咗)?([一二两三四五六七八九十几半0-9]{1,3})(日|天)水/g, '停水$2天'],
  [/有(返|回)水/g, '恢复供水'],
  // Hong Kong departments named for Shenzhen's.
  [/食环(署)?/g, '环卫部门'],
  [/房屋署|房署/g, '住房部门'],
  [/社会福利署|社署/g, '民政部门'],
  [/屋宇署/g, '住房和建设部门'],
  [/环境保护署|环保署/g, '生态环境部门'],
  [/运输署/g, '交通运输部门'],
  [/水务署|渠务署/g, '水务部门'],
  [/卫生署/g, '卫生健康部门'],
  [/入境处/g, '出入境管理部门'],
  [/消委会|消费者委员会/g, '消费者协会'],
  [/私隐/g, '隐私'],
];

/** The Mandarin reading of a normalised text written in 繁體; any other text comes back unchanged. */
export function hongKongReading(text: string, language: Language): string {
  if (language !== 'zh-Hant') return text;
  let out = text;
  for (const [pattern, to] of HK_READING) out = out.replace(pattern, to);
  return out;
}
