/**
 * English complaint grammar: the English counterpart of the Chinese guards for habitual, past and
 * petition talk (经常, PAST_ZH, PETITION_VERBS_ZH). An English resident who reports a nuisance, a past
 * incident or someone's failure to act ("fights outside at night", "a bottle landed next to my kid
 * yesterday", "the driver didn't even stop", "the neighbour won't let anyone in") writes about danger
 * without being in it; the text model, trained mostly on English crisis messages, reads the danger words
 * alone and alarms.
 *
 * The guard is applied by detect.ts after the second stage, and only to English text. It demotes
 * immediate to concern (never to none: the office still gets a note and the resident the lines) when
 *  - the message has a past, habit or complaint form (below), and
 *  - it carries no present-danger signal at all (now, help, bleeding, not breathing, a person doing
 *    something as we read, a threat for later, "I can hear…", "I'm scared"…), and
 *  - no explicit rule fired, no timed end, and nothing is said of suicide, self-harm or an overdose
 *    (those are never read as "just the past": "I tried before" is still a risk).
 * Each list is general English grammar, not a message's wording. Missing a crisis costs more than a false
 * alarm, so the present-danger list is broad and any doubt keeps the message immediate.
 *
 * It does not change the rules' flags or the features the model reads (the trainer does not call it), so
 * the committed model stays what `npm run train:crisis` produces.
 */
import { STRONG_NOW_EN, WEAK_NOW_EN } from '../emergencyLexicon.js';

/** A dated or narrated past: yesterday, last week, three days ago, the other day, on Monday. */
export const PAST_EVENT_EN = new RegExp(
  [
    String.raw`\byesterday\b`,
    String.raw`\blast (night|week|month|year|weekend|time|summer|winter|spring|autumn|fall|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
    String.raw`\bthe other (day|night|week)\b`,
    String.raw`\b(a|one|two|three|four|five|six|a few|a couple of|few|several|\d+) (days?|weeks?|months?|years?) ago\b`,
    String.raw`\bearlier (this|last) (week|month|year)\b`,
    String.raw`\bon (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
  ].join('|'),
);

/**
 * A habit or a recurring nuisance: "people keep throwing…", "every night", "fights outside at night",
 * "3rd time this year". Being about all nights, it is about none in particular. (A duration, "for days", is
 * not here: "hasn't been out for days" is a state that goes on.)
 */
export const HABIT_EN = new RegExp(
  [
    String.raw`\b(keeps?|kept) (on )?[a-z]+ing\b`,
    String.raw`\bevery (single )?(day|night|morning|evening|week|weekend|time|few|other)\b`,
    String.raw`\b(at|most|some) nights?\b|\b(in the|most|some) (evenings|mornings|nights)\b|\bon (weekends|weekend nights|weeknights)\b`,
    String.raw`\b(\d+(st|nd|rd|th)|second|third|fourth|fifth|umpteenth|nth) time\b`,
    String.raw`\b(twice|three times|four times|\d+ times|several times|many times) (a|per|this|last) (day|night|week|month|year)\b`,
    String.raw`\b(again and again|over and over|time after time|repeatedly|constantly|regularly|usually|all the time|every so often)\b`,
  ].join('|'),
);

/**
 * A complaint form: someone else failed to act or refused ("the driver didn't even stop", "police just
 * write it down", "nothing happens", "won't let anyone in", "still hasn't been fixed"), or the resident
 * says they are complaining or reporting. A family member who does not answer is NOT here: that is a
 * welfare sign, not a complaint.
 */
export const COMPLAINT_FORM_EN = new RegExp(
  [
    String.raw`\bnothing (happens|happened|is done|was done|gets done|got done|changes|changed|has changed|has been done)\b`,
    String.raw`\b(no one|nobody) (does|did|has done|is doing|takes responsibility|fixes|fixed|deals with)\b`,
    String.raw`\b(didn't|did not|never) (even )?(stop|apologi[sz]e|bother|pay)\b`,
    String.raw`\b(didn't|did not|doesn't|does not|don't|do not|won't|will not|wouldn't|would not|never|refused to|refuses to|refusing to) (even )?(do anything|fix|repair|deal with|handle|take (any )?(action|responsibility)|let (anyone|anybody|us|me|them|people|the [a-z]+) in)\b`,
    String.raw`\b(just|only) (write|wrote|writes|take|took|takes|note|noted|notes) (it|a note|notes|our details|my details|it all) down\b`,
    String.raw`\bstill (hasn't|haven't|has not|have not|isn't|is not|not) (been )?(fixed|repaired|done|solved|resolved|dealt with|handled)\b`,
    String.raw`\b(i|we) (want to |would like to |wish to )?(complain|complained|report|reported|am reporting|are reporting)\b|\bcomplaint\b`,
  ].join('|'),
);

/**
 * Anything that says the danger is present or about to be. Broad on purpose: one of these keeps the
 * message as the model and rules decided. The now cues of the rules (STRONG_NOW_EN, WEAK_NOW_EN) count
 * too (englishComplaintForm).
 */
export const PRESENT_DANGER_EN = new RegExp(
  [
    String.raw`\b(help|hurry|quick|quickly|emergency|ambulance|911|999|112|110|119|120)\b`,
    String.raw`\b(knife|knives|guns?|machete|axe|weapons?)\b`,
    String.raw`\b(today|this (morning|afternoon|evening)|tonight|just happened|still (there|here|outside|inside|on|in|lying|bleeding|not))\b`,
    // A state that goes on or has only just happened: "since last night", "hasn't been out for days", "he's
    // been talking about…", "I just burned…".
    String.raw`\bsince\b|\b(has|have|had|'s|'ve)(n'?t| not)? been\b|\b(i|we|he|she|they) just\b|\bjust [a-z]+ed\b`,
    String.raw`\b(i|we|he|she|they) (feel|feels|want|wants|wanna|need|needs)\b|\b(dizzy|nause\w*|vomit\w*|headaches?|smell(s|ing)?|smoke|fumes|numb|slurr\w*|pale|fever|limp)\b`,
    String.raw`\b(bleed(s|ing)?|blood|unconscious|unresponsive|passed out|faint(ed|ing)?|collaps(ed|ing)|chok(ing|ed)|seizure|fitting|convuls\w*|trapped|stuck|in pain|hurt(s|ing)? (badly|so much|a lot))\b`,
    String.raw`\b(can'?t|cannot|can not|couldn'?t) (breathe|move|get up|stand|wake|talk|speak|feel)\b`,
    String.raw`\b(not|isn'?t|aren'?t|is not|are not|wasn'?t) (breathing|moving|responding|waking|conscious|answering|picking up)\b|\bno (answer|reply|response)\b|\b(won'?t|doesn'?t) (wake|move|respond|answer|breathe)\b`,
    String.raw`\bon (the|my|our) (floor|ground|ledge|roof|railing)\b|\blying (on|in|there|still)\b`,
    String.raw`\b(screaming|crying for|calling for)\b|\b(i|we) (can )?(hear|see|smell)\b`,
    String.raw`\b(outside|at) (my|our|the) (door|room|flat|apartment|window|gate)\b`,
    // Harms whose danger outlasts the moment: a blow to the head, a child who climbs to a height, violence
    // done to a person ("he choked me", "beat our son") — a habit or a date does not make them a nuisance.
    String.raw`\b(hit|hits|banged|bumped) (his|her|my|their|the back of) head\b|\bhead (injury|wound)\b|\bconcuss\w*`,
    String.raw`\b(toddler|child|children|kids?|baby|son|daughter|boy|girl|grand[a-z]+)\b.{0,40}\b(windows?|balcony|railings?|ledge|roof)\b|\bclimb(s|ed|ing)? (onto|out|over|up)\b`,
    String.raw`\b(hit|hits|beat|beats|beaten|beating|kick(s|ed)?|punch(es|ed)?|chok(es|ed)|strangl(es|ed)|rap(es|ed)|stabb?(s|ed)|attack(s|ed)|slap(s|ped)|push(es|ed)|abus(es|ed)|molest(s|ed)?|assault(s|ed)?|threaten(s|ed)?|hurt|hurts) (me|us|my|our|her|him|them|his|their)\b|\b(threw|throws|throwing) [a-z ]{0,20}\bat (me|us|my|her|him)\b`,
    String.raw`\b(getting|growing) (worse|thicker|higher|closer|bigger|louder|stronger)\b|\b(spreading|rising)\b`,
    // Someone doing something as we read: "he is hitting", "they're coming", "my son is climbing".
    String.raw`\b(he|she|they|someone|somebody|a man|a woman|men|people|my [a-z]+)(?: is|'s| are|'re) (?:still |now |really |not )?[a-z]+ing\b`,
    String.raw`\b(is|are|am|'s|'re|'m) still\b`,
    // A threat for later: "he'll kill me", "they are going to come back".
    String.raw`\b(he|she|they|someone)(?:'ll| will| is going to| are going to|'s going to|'re going to|'s gonna|'re gonna| threaten\w*| said (he|she|they) would)\b|\babout to\b`,
    String.raw`\b(i'?m|i am|we'?re|we are) (scared|afraid|terrified|frightened|hiding|locked|alone|shaking)\b`,
  ].join('|'),
);

/**
 * Suicide, self-harm and overdose talk: never demoted here, whatever the tense (a habit of self-harm is
 * a risk, not a nuisance). Any reflexive act (myself, himself), an act on one's own body (my arms, my
 * wrists) and the usual instruments count, as well as the words of the rules and cues.
 */
export const SELF_TALK_EN =
  /\b(myself|himself|herself|themselves|yourself|my (head|arms?|wrists?|legs?|thighs?|skin|body|face|stomach)|blades?|razors?|lighter|scratch\w*|bruis\w*|scars?|starv\w*|not eating|die|dying|dead|death|kill\w*|suicid\w*|end(ing)? (it|my life|his life|her life|things|everything)|anymore|won'?t be (here|around)|(give|leave) (all )?my|take care of|sorry|burn(ed|t|ing)? (my|myself|himself|herself)|cut(s|ting)? (my|his|her)|pills?|tablets|overdos\w*|jump\w*|hang(ing)? (myself|himself|herself)|cut(ting)? (myself|himself|herself)|hurt(ing)? (myself|himself|herself)|harm\w*|goodbye|farewell|give up|can'?t go on|no point|worthless|hopeless|disappear|rope|ledge|bridge|roof)\b/;

export type ComplaintForm = 'past' | 'habit' | 'complaint';

/**
 * The complaint form of an English message (normalised: lower case) with no present-danger signal, or
 * null. `now` is the crisis layer's own now reading of the message (a letter's now cue, for one).
 */
export function englishComplaintForm(text: string, now: boolean): ComplaintForm | null {
  // English only: Chinese text has its own guards, and a mixed message is left as it was.
  if (/\p{Script=Han}/u.test(text) || !/[a-z]{3}/.test(text)) return null;
  if (now || STRONG_NOW_EN.test(text) || WEAK_NOW_EN.test(text) || PRESENT_DANGER_EN.test(text) || SELF_TALK_EN.test(text)) return null;
  if (PAST_EVENT_EN.test(text)) return 'past';
  if (HABIT_EN.test(text)) return 'habit';
  if (COMPLAINT_FORM_EN.test(text)) return 'complaint';
  return null;
}
