/**
 * Which of Shenzhen's other districts a message names. A district petition office handles matters in its
 * own district (属地管理); one that happened elsewhere is forwarded to that district. The engine routes by
 * matter, not by place, so the office's review card says when the resident names another district.
 */

import type { Directory } from './directory.js';

interface District {
  /** 简体 name as in the directory's `area` (深圳市南山区). */
  name: string;
  /** Every way residents write it: 简体, 繁體, English. Bare names only where they are not common words. */
  pattern: RegExp;
  en: string;
}

const DISTRICTS: readonly District[] = [
  { name: '福田区', pattern: /福田(?:区|區)?|\bfutian\b/i, en: 'Futian District' },
  { name: '罗湖区', pattern: /(?:罗|羅)湖(?:区|區)?|\bluohu\b/i, en: 'Luohu District' },
  { name: '南山区', pattern: /南山(?:区|區)|\bnanshan\b/i, en: 'Nanshan District' },
  { name: '盐田区', pattern: /(?:盐|鹽)田(?:区|區)|\byantian\b/i, en: 'Yantian District' },
  { name: '宝安区', pattern: /(?:宝|寶)安(?:区|區)?|\bbao'?an\b/i, en: "Bao'an District" },
  { name: '龙岗区', pattern: /(?:龙|龍)(?:岗|崗)(?:区|區)?|\blonggang\b/i, en: 'Longgang District' },
  { name: '龙华区', pattern: /(?:龙|龍)(?:华|華)(?!寺)|\blonghua\b/i, en: 'Longhua District' },
  { name: '坪山区', pattern: /坪山(?:区|區)|\bpingshan\b/i, en: 'Pingshan District' },
  { name: '光明区', pattern: /光明(?:区|區|新区|新區|街道)|\bguangming (?:district|new district)\b/i, en: 'Guangming District' },
  { name: '大鹏新区', pattern: /大(?:鹏|鵬)(?:新区|新區|街道|半岛|半島)|\bdapeng\b/i, en: 'Dapeng New District' },
];

const ownDistrict = (area: string): District | undefined => DISTRICTS.find((d) => area.includes(d.name));

/** The other districts `text` names (简体, in the list's order), given the office's `area` (深圳市南山区). */
export function districtsOutside(text: string, area: string): string[] {
  const own = ownDistrict(area);
  // An office outside Shenzhen (another deployment) has no Shenzhen district of its own: nothing to say.
  if (!own) return [];
  return DISTRICTS.filter((d) => d !== own && d.pattern.test(text)).map((d) => d.name);
}

/**
 * Places inside a district that residents name instead of the district (蛇口, 科技园, Shekou): for the own-district
 * check only. Bare 南山 is a common word elsewhere, but next to another district's name it means the district.
 */
const INSIDE: Record<string, RegExp> = {
  '南山区': /南山|蛇口|前海|西丽|西麗|粤海|粵海|桃源|沙河|招商|南头|南頭|南油|科技园|科技園|后海|後海|深圳湾|深圳灣|\b(shekou|qianhai|xili|houhai|science park)\b/i,
  '福田区': /福田|华强北|華強北|车公庙|車公廟|香蜜湖|梅林|\b(huaqiangbei|chegongmiao)\b/i,
  '罗湖区': /东门|東門|国贸|國貿|\bdongmen\b/i,
};

/** Whether `text` names the office's own district too ("我在福田上班，但是家住南山蛇口"): then the place is unclear. */
export function namesOwnDistrict(text: string, area: string): boolean {
  const own = ownDistrict(area);
  return own ? own.pattern.test(text) || (INSIDE[own.name]?.test(text) ?? false) : false;
}

/** The office's own area: every department of a district directory is that district's (深圳市南山区). */
export function officeArea(directory: Directory): string {
  return directory.departments[0]?.area ?? '';
}

/** A district's name for the resident: 简体 (t() turns it 繁體 for a 繁體 reader) or English. */
export function districtName(name: string, lang: 'zh-Hans' | 'zh-Hant' | 'en'): string {
  return lang === 'en' ? (DISTRICTS.find((d) => d.name === name)?.en ?? name) : name;
}
