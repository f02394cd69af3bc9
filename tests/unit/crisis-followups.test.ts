import { describe, expect, it } from 'vitest';
import { detectCrisis } from '../../triage/crisis/detect.js';
import { normalize } from '../../triage/normalize.js';

const level = (text: string): string => {
  const n = normalize(text);
  return detectCrisis(n.normalized, n.original).level;
};

// A resident who has just described a matter sends details next. None of these is in the training
// files; an urgent office alert and crisis lines for any of them would be a false alarm the office sees daily.
describe('crisis layer on ordinary follow-up details (bundled model)', () => {
  const details = [
    '地址是罗湖区东门某某大厦9栋',
    '我住在龙岗区布吉某某苑7栋2301',
    '电话15912345678，下午都能接',
    '我叫李小红，住在坪山',
    '今天上午去过社区工作站了',
    '周三下午有空',
    '房号是B座1802',
    '住喺深圳灣某某花園8座',
    '電話係62345678，晏晝打俾我',
    'Flat 23B, Tower 3, Some Garden, Futian',
    'You can reach me on 13687654321 after 6pm',
    '我们楼有32层',
  ];
  for (const d of details) {
    it(`does not raise "${d}"`, () => {
      expect(level(d)).not.toBe('immediate');
    });
  }

  it('still raises a danger stated in the same short form', () => {
    expect(level('地址是罗湖区东门某某大厦9栋，着火了，快来人')).toBe('immediate');
    expect(level('My flat is on fire, Tower 3 room 23B, help')).toBe('immediate');
  });
});
