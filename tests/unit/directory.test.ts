import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { resourcePath } from '../../kernel/paths.js';
import { ValidationError } from '../../kernel/errors.js';
import { DirectoryError, groupLanguage, loadDirectory, parseDirectory, type Organization } from '../../directory/directory.js';
import { DEPARTMENT_CODES, SERVICE_CODES } from '../../kernel/taxonomy.js';

const shippedPath = resourcePath('directory.yaml');
const shippedText = readFileSync(shippedPath, 'utf8');
const dir = loadDirectory(shippedPath);

type RawEntry = Record<string, unknown>;
interface RawFile {
  area?: string;
  departments: RawEntry[];
  organizations: RawEntry[];
}
/** The shipped file, changed by `edit`, as YAML text. */
const shippedRaw = parse(shippedText) as RawFile;
function variant(edit: (f: RawFile) => void): string {
  const f = structuredClone(shippedRaw);
  edit(f);
  return stringify(f);
}
const orgIndex = (f: RawFile, id: string) => f.organizations.findIndex((o) => o.id === id);

function rejects(text: string, ...patterns: RegExp[]): void {
  assert.throws(
    () => parseDirectory(text, 'custom-directory.yaml'),
    (err: unknown) => {
      assert.ok(err instanceof DirectoryError, String(err));
      assert.ok(err instanceof ValidationError);
      assert.match(err.message, /custom-directory\.yaml/);
      for (const p of patterns) assert.match(err.message, p);
      return true;
    },
  );
}

describe('directory: the shipped 南山区 file', () => {
  it('has each of the 13 departments exactly once, with names in three languages', () => {
    assert.deepEqual(dir.departments.map((d) => d.code).sort(), [...DEPARTMENT_CODES].sort());
    for (const h of [...dir.departments, ...dir.organizations]) {
      assert.ok(h.names['zh-Hans'] && h.names['zh-Hant'] && h.names.en, dir.handlerId(h));
      assert.notEqual(h.names['zh-Hans'], h.names.en);
      assert.ok(h.matters.length >= 15 && h.matters.length <= 40, `${dir.handlerId(h)}: ${h.matters.length} matters`);
      assert.equal(h.area, '深圳市南山区');
      assert.equal(h.telegramChatId, null);
    }
    assert.match(dir.department('planning_land')!.names['zh-Hans'], /查违/);
    assert.match(dir.department('human_resources')!.matters.join(' '), /欠薪/);
  });

  it('offers every service through at least two organizations, sample ones flagged and warned about', () => {
    for (const s of SERVICE_CODES) assert.ok(dir.organizationsFor(s).length >= 2, s);
    const samples = dir.organizations.filter((o) => o.sample);
    assert.ok(samples.length > 0);
    for (const o of samples) assert.match(o.names['zh-Hans'], /示例/);
    assert.ok(dir.warnings.some((w) => w.includes('sample organizations')));
    assert.ok(dir.warnings.some((w) => w.includes('telegramChatId')));
    assert.equal(dir.organization('nanshan-legal-aid')?.contact, '12348 公共法律服务热线');
  });

  it('looks handlers up by kind and id', () => {
    assert.equal(dir.handler('department', 'water')?.kind, 'department');
    assert.equal(dir.handler('organization', 'nanshan-legal-aid')?.kind, 'organization');
    assert.equal(dir.handler('organization', 'water'), undefined);
    assert.equal(dir.handler('department', 'nanshan-legal-aid'), undefined);
    assert.equal(dir.department('nope'), undefined);
    assert.equal(dir.handlerId(dir.department('water')!), 'water');
    assert.equal(dir.handlerId(dir.organization('nanshan-legal-aid')!), 'nanshan-legal-aid');
  });
});

describe('directory: validation errors name file, entry, field and fix', () => {
  it('empty file', () => {
    rejects('', /empty/);
    rejects('\n  \n', /empty/);
    rejects('# only a comment\n', /must be a map/);
  });

  it('malformed YAML', () => {
    rejects('departments: [\n  - code: housing\n', /not valid YAML/);
    rejects('\u0000\u0001binary', /not valid YAML|must be a map/);
    rejects('x'.repeat(2_000_001), /over the 2000000 limit/);
  });

  it('missing department', () => {
    rejects(variant((f) => (f.departments = f.departments.filter((d) => d.code !== 'water'))), /department water is missing/, /code: water/);
  });

  it('duplicate department', () => {
    rejects(
      variant((f) => f.departments.push({ ...f.departments[0]! })),
      /departments\[13\] \(code housing\) › code: duplicate of departments\[0\]/,
    );
  });

  it('unknown department code', () => {
    rejects(variant((f) => (f.departments[2]!.code = 'parks')), /departments\[2\] \(code parks\) › code: code must be one of/, /department environment is missing/);
  });

  it('unknown service code', () => {
    rejects(
      variant((f) => (f.organizations[orgIndex(f, 'sample-hejia-family')]!.services = ['family', 'karaoke'])),
      /organizations\[\d+\] \(id sample-hejia-family\) › services\[1\]: each service must be one of: counselling/,
    );
  });

  it('duplicate organization id', () => {
    rejects(
      variant((f) => (f.organizations[1]!.id = f.organizations[0]!.id)),
      /organizations\[1\] \(id sample-xinqiao-counselling\) › id: duplicate of organizations\[0\]/,
    );
  });

  it('wrong type for capacity, and non-positive capacity', () => {
    rejects(variant((f) => (f.departments[0]!.capacity = 'lots')), /departments\[0\] \(code housing\) › capacity: capacity must be a number/);
    rejects(variant((f) => (f.organizations[0]!.capacity = 0)), /organizations\[0\] .* › capacity: capacity must be at least 1/);
    rejects(variant((f) => (f.organizations[0]!.capacity = 2.5)), /capacity must be a whole number/);
  });

  it('id not slug-like, wrong chat id type, missing names, too few matters', () => {
    rejects(variant((f) => (f.organizations[0]!.id = 'Legal Aid!')), /id must be a slug/);
    rejects(variant((f) => (f.departments[0]!.telegramChatId = '-100123')), /telegramChatId must be a Telegram chat id/);
    rejects(variant((f) => (f.departments[0]!.telegramChatId = 1.5)), /telegramChatId must be an integer/);
    rejects(variant((f) => delete (f.departments[0]!.names as RawEntry).en), /names\.en/);
    rejects(variant((f) => (f.departments[0]!.matters = ['欠薪'])), /at least 15 matters/);
  });

  it('a service no organization offers', () => {
    rejects(
      variant((f) => (f.organizations = f.organizations.filter((o) => !(o.services as string[]).includes('youth')))),
      /no organization offers youth; add one with services: \[youth\]/,
    );
  });

  it('two handlers sharing one Telegram group', () => {
    rejects(
      variant((f) => {
        f.departments[0]!.telegramChatId = -100111;
        f.organizations[0]!.telegramChatId = -100111;
      }),
      /organization sample-xinqiao-counselling › telegramChatId: -100111 is also the chat of department housing/,
    );
  });

  it('lists every problem at once, and a missing file names DIRECTORY_PATH', () => {
    const text = variant((f) => {
      f.departments[0]!.capacity = 'lots';
      f.organizations[0]!.id = 'BAD ID';
    });
    rejects(text, /capacity/, /slug/);
    assert.throws(() => loadDirectory('/nonexistent/dir.yaml'), /\/nonexistent\/dir\.yaml[\s\S]*DIRECTORY_PATH/);
  });
});

describe('directory: routing to organizations', () => {
  const text = variant((f) => {
    // three mediation providers with known capacities
    f.organizations = f.organizations.filter((o) => !(o.services as string[]).includes('mediation'));
    const base = f.organizations[0]!;
    for (const [id, capacity] of [['med-a', 5], ['med-b', 10], ['med-c', 10]] as const) {
      f.organizations.push({ ...base, id, services: ['mediation'], capacity, telegramChatId: null, sample: true });
    }
    f.departments.find((d) => d.code === 'water')!.telegramChatId = -100200;
    f.organizations.find((o) => o.id === 'med-a')!.telegramChatId = -100300;
  });
  const d = parseDirectory(text, 'routing.yaml');
  const ids = (os: Organization[]) => os.map((o) => o.id);

  it('organizationsFor keeps file order', () => {
    assert.deepEqual(ids(d.organizationsFor('mediation')), ['med-a', 'med-b', 'med-c']);
  });

  it('nextOrganization picks the most spare capacity, file order breaking ties', () => {
    assert.equal(d.nextOrganization('mediation', [], {})?.id, 'med-b');
    assert.equal(d.nextOrganization('mediation', [], { 'med-b': 1 })?.id, 'med-c');
    assert.equal(d.nextOrganization('mediation', [], { 'med-b': 8, 'med-c': 9 })?.id, 'med-a');
  });

  it('nextOrganization skips excluded and full organizations, and returns undefined when none is left', () => {
    assert.equal(d.nextOrganization('mediation', ['med-b'], {})?.id, 'med-c');
    assert.equal(d.nextOrganization('mediation', ['med-b', 'med-c'], { 'med-a': 4 })?.id, 'med-a');
    assert.equal(d.nextOrganization('mediation', ['med-b', 'med-c'], { 'med-a': 5 }), undefined);
    assert.equal(d.nextOrganization('mediation', [], { 'med-a': 5, 'med-b': 10, 'med-c': 12 }), undefined);
    assert.equal(d.nextOrganization('mediation', ['med-a', 'med-b', 'med-c'], {}), undefined);
  });

  it('handlerForChat finds the department or organization behind a group chat', () => {
    assert.equal(d.handlerForChat(-100200)?.kind, 'department');
    assert.equal(d.handlerId(d.handlerForChat(-100200)!), 'water');
    assert.equal(d.handlerId(d.handlerForChat(-100300)!), 'med-a');
    assert.equal(d.handlerForChat(-100999), undefined);
    assert.equal(dir.handlerForChat(-100200), undefined);
  });
});

describe('directory: matters', () => {
  it('rejects a matter listed twice in one entry', () => {
    rejects(
      variant((f) => {
        const ms = f.departments[1]!.matters as string[];
        ms.push(ms[0]!);
      }),
      /departments\[1\] \(code urban_management\) › matters: a matter is listed twice/,
    );
  });
});

describe("directory: a group's language", () => {
  it('a handler group may read 繁體 or English (chatLanguage); left out, and for the office, it reads 简体', () => {
    const d = parseDirectory(
      variant((f) => {
        f.departments[0]!.chatLanguage = 'zh-Hant';
        f.organizations[0]!.chatLanguage = 'en';
      }),
      'custom-directory.yaml',
    );
    assert.equal(groupLanguage(d.departments[0]), 'zh-Hant');
    assert.equal(groupLanguage(d.organizations[0]), 'en');
    assert.equal(groupLanguage(d.departments[1]), 'zh-Hans');
    assert.equal(groupLanguage(undefined), 'zh-Hans');
  });

  it('rejects a language the catalogue does not have, naming the three it has', () => {
    rejects(
      variant((f) => {
        f.departments[0]!.chatLanguage = 'fr';
      }),
      /departments\[0\] .*› chatLanguage: chatLanguage must be one of: zh-Hans, zh-Hant, en/,
    );
  });
});
