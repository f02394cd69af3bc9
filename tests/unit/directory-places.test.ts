import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { districtName, districtsOutside, namesOwnDistrict } from '../../directory/places.js';

const NANSHAN = '深圳市南山区';

describe('districtsOutside: the other Shenzhen districts a message names', () => {
  it('names another district in 简体, 繁體 and English, and never the office\'s own', () => {
    assert.deepEqual(districtsOutside('公司拖欠工资三个月，在宝安区福永街道', NANSHAN), ['宝安区']);
    assert.deepEqual(districtsOutside('我喺寶安福永返工，老細冇出糧', NANSHAN), ['宝安区']);
    assert.deepEqual(districtsOutside('The bar on Futian Road… I mean in Futian, near the border', NANSHAN), ['福田区']);
    assert.deepEqual(districtsOutside('我住南山区，公司在龙岗区坂田，欠薪两个月', NANSHAN), ['龙岗区']);
    assert.deepEqual(districtsOutside('南山区粤海街道的路灯坏了', NANSHAN), []);
  });

  it('does not take a common word or a name for a district', () => {
    // 光明 (bright) and 大鹏 (a given name) count only as 光明区 / 大鹏新区.
    assert.deepEqual(districtsOutside('希望前途一片光明，我的朋友大鹏也这样说', NANSHAN), []);
    assert.deepEqual(districtsOutside('光明区的工厂排污', NANSHAN), ['光明区']);
  });

  it('takes 龙华 without 区 (我在龙华一家电子厂 had raised no note), but not the Shanghai temple', () => {
    assert.deepEqual(districtsOutside('我在龙华一家电子厂上班，老板欠薪', NANSHAN), ['龙华区']);
    assert.deepEqual(districtsOutside('我喺龍華返工', NANSHAN), ['龙华区']);
    assert.deepEqual(districtsOutside('上次去龙华寺烧香', NANSHAN), []);
    assert.equal(districtName('龙华区', 'en'), 'Longhua District');
    assert.equal(districtName('龙华区', 'zh-Hant'), '龙华区', 't() turns a Chinese parameter 繁體 for the reader');
  });

  it('says nothing for an office outside Shenzhen, and works for another Shenzhen district office', () => {
    assert.deepEqual(districtsOutside('在宝安区', '广州市天河区'), []);
    assert.deepEqual(districtsOutside('南山区的小区噪音', '深圳市福田区'), ['南山区']);
    assert.deepEqual(districtsOutside('福田区的小区噪音', '深圳市福田区'), []);
  });

  it('knows when the office\'s own district is named too, also by a place inside it (蛇口, Shekou)', () => {
    assert.equal(namesOwnDistrict('我在福田上班，但是家住南山区蛇口', NANSHAN), true);
    assert.equal(namesOwnDistrict('我在福田上班，住在蛇口，小区门口被占道', NANSHAN), true);
    assert.equal(namesOwnDistrict('I work in Futian but live in Shekou', NANSHAN), true);
    assert.equal(namesOwnDistrict('福田区华强北的工地晚上打桩', NANSHAN), false);
  });
});
