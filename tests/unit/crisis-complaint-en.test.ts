import { describe, expect, it } from 'vitest';
import { englishComplaintForm } from '../../triage/crisis/complaintEn.js';
import { detectCrisis } from '../../triage/crisis/detect.js';
import { normalize } from '../../triage/normalize.js';

const outcome = (text: string) => {
  const n = normalize(text);
  return detectCrisis(n.normalized, n.original);
};
const form = (text: string) => englishComplaintForm(normalize(text).normalized, false);

// English complaints about a past incident, a habit or someone's failure to act (our dev set,
// tests/fixtures/multilingual-dev.jsonl) were sent the 110/120 reply. Each form now ends at concern;
// the same form with a present danger stays immediate.
describe('English complaint forms (complaintEn.ts), with the bundled model', () => {
  const pairs: Array<{ form: string; complaint: string; danger: string[] }> = [
    {
      form: 'habit',
      complaint: "There's a gambling den behind the mahjong shop on our street, fights outside at night and drunk men shouting",
      danger: [
        "There's a gambling den on our street, fights outside at night and drunk men shouting, please help",
        'Drunk men keep smashing things outside my door',
      ],
    },
    {
      form: 'habit',
      complaint: 'Someone stole my ebike battery from the bike shed again, 3rd time this year. Police just write it down and nothing happens.',
      danger: ['Someone stole my ebike battery again, 3rd time this year, and he is coming back with a knife now'],
    },
    {
      form: 'past',
      complaint: 'People keep throwing things out of windows in our tower, a bottle landed next to my kid yesterday',
      danger: ['People keep throwing things out of windows, a bottle just hit my kid and he is bleeding'],
    },
    {
      form: 'complaint',
      complaint: "The bus driver drove off while my elderly father was still getting on and he fell down the steps. The driver didn't even stop.",
      danger: [
        "The bus driver drove off while my elderly father was still getting on and he fell down the steps and is not breathing. The driver didn't even stop.",
        'my father fell down the bus steps and is not breathing',
      ],
    },
    {
      form: 'past',
      complaint: 'My father fell down the bus steps yesterday',
      danger: [
        "My father fell down the bus steps yesterday and can't get up",
        'My dad fell in the shower yesterday, he hit his head',
        'The old lady downstairs fell yesterday and nobody has seen her since',
      ],
    },
  ];
  for (const p of pairs) {
    it(`demotes the ${p.form} form to concern, not none: "${p.complaint.slice(0, 50)}…"`, () => {
      const o = outcome(p.complaint);
      expect(o.level).toBe('concern');
      expect(o.cues).toContain(`complaint_en:${p.form}`);
    });
    for (const d of p.danger) {
      it(`keeps the same form with a present danger immediate: "${d.slice(0, 60)}…"`, () => {
        expect(outcome(d).level).toBe('immediate');
      });
    }
  }

  it('a leak from the flat above is no danger at all (leak guard, before the complaint form); with someone unconscious it is', () => {
    const o = outcome("Water is leaking from the bathroom of the flat above into my kitchen and the neighbour won't let anyone in to check");
    expect(o.level).toBe('none');
    expect(o.cues).toContain('leak_not_danger');
    expect(outcome("Water is leaking from the flat above into my kitchen and the neighbour won't let anyone in, my grandmother is unconscious").level).toBe('immediate');
  });

  it('never demotes a child at a height or a habit of self-harm', () => {
    expect(outcome('My toddler keeps climbing onto the balcony railing').level).toBe('immediate');
    expect(form('My toddler keeps climbing onto the balcony railing')).toBeNull();
    expect(form('I keep scratching my arms every night')).toBeNull();
    expect(form('he has been talking about ending it for weeks, 3rd time this year')).toBeNull();
  });
});

describe('englishComplaintForm (pure)', () => {
  it('reads a past, a habit and a complaint form', () => {
    expect(form('a brick fell off the wall last week')).toBe('past');
    expect(form('the other day a scooter crashed into the gate')).toBe('past');
    expect(form('people keep parking in the fire lane')).toBe('habit');
    expect(form('they fight in the corridor every night')).toBe('habit');
    expect(form('the lift broke down, the 4th time this month')).toBe('habit');
    expect(form('the landlord refuses to fix the broken railing')).toBe('complaint');
  });

  it('keeps any present-danger signal, whatever the form', () => {
    for (const t of [
      'a brick fell off the wall last week and hit my son, he is bleeding',
      'they fight in the corridor every night, one of them has a knife right now',
      'people keep throwing bottles, please hurry',
      'my neighbour fell yesterday and still is not moving',
      'last week he said he will come back',
      'they fight in the corridor every night, I can hear screaming',
      'the landlord refuses to fix the heater and we feel dizzy',
    ]) {
      expect(englishComplaintForm(normalize(t).normalized, false), t).toBeNull();
    }
    // The rules' own now reading is passed in.
    expect(englishComplaintForm('they fight in the corridor every night', true)).toBeNull();
  });

  it('leaves Chinese and mixed text to the Chinese guards', () => {
    expect(form('楼上经常漏水,上周又漏了')).toBeNull();
    expect(form('Someone keeps 砸门 every night')).toBeNull();
  });
});
