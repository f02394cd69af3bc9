/**
 * Word lists for triage/english.ts. CONCEPTS maps English terms (any inflection: keys are lemmatised with
 * the same function as the text) to the Chinese words the taxonomy and the training letters use for the
 * same matter, e.g. a tenant's "security deposit" → 押金. Terms for dangers (fire, gas, suicide …) are
 * deliberately absent: emergencies are the crisis layer's business, and the models must not learn them
 * from a term list. Keep entries to words a resident uses for a matter, one matter per line.
 */
import { RESIDENT_CONCEPTS } from './englishLexiconResidents.js';
import { TAXONOMY_CONCEPTS } from './englishLexiconTaxonomy.js';

export const STOP_WORDS = new Set(
  `a an the and or but if so as at by for from in into of off on onto to up upon with within without about
  above after again against all also am any are aren't be been being before below between both can could
  did do does doing done down during each few further had has have having he her here hers herself him
  himself his how i i'm i've i'd i'll im ive me my myself we our ours ourselves you your yours yourself
  they them their theirs themselves it its itself she this that these those there then than too very
  what which who whom whose when where why will would shall should may might must just only own same
  such some other more most is was were be am s t don now ok okay please hello hi dear sir madam thanks
  thank regards yes oh well really still even ever every any anyone anything someone something one
  us let get got getting make made go went going come came say said tell told know knew want wanted
  like also since because while until till though although however which whether per via etc none
  i'll you're they're we're it's that's there's he's she's what's let's we've they've you've we'll they'll
  you'll he'll she'll we'd they'd you'd he'd she'd`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** British → one spelling, before lemmatising. */
export const SPELLING = new Map(
  Object.entries({
    neighbour: 'neighbor', neighbours: 'neighbors', neighbourhood: 'neighborhood', labour: 'labor', odour: 'odor',
    odours: 'odors', licence: 'license', licences: 'licenses', centre: 'center', centres: 'centers', behaviour: 'behavior',
    colour: 'color', harbour: 'harbor', programme: 'program', organisation: 'organization', apologise: 'apologize',
    cheque: 'check', kerb: 'curb', storey: 'story', tyre: 'tire', metre: 'meter', jewellery: 'jewelry',
    enrol: 'enroll', enrolment: 'enrollment', counselling: 'counseling', counsellor: 'counselor', practise: 'practice', flat: 'apartment', flats: 'apartments',
    lorry: 'truck', lorries: 'trucks', rubbish: 'garbage', litter: 'garbage', trash: 'garbage', refuse: 'refuse',
    // Abbreviations typed on a phone.
    mgmt: 'management', mgt: 'management', govt: 'government', apt: 'apartment', apts: 'apartments', bldg: 'building',
    dept: 'department', hrs: 'hours', yrs: 'years', kindergarden: 'kindergarten', enquiry: 'inquiry',
  }),
);

/** Irregular forms and a few words whose ending rules would mislead. */
export const IRREGULAR = new Map(
  Object.entries({
    paid: 'pay', kept: 'keep', left: 'leave', broke: 'break', broken: 'break', took: 'take', taken: 'take',
    gave: 'give', given: 'give', lost: 'lose', stolen: 'steal', stole: 'steal', sold: 'sell', bought: 'buy',
    built: 'build', fell: 'fall', fallen: 'fall', felt: 'feel', owed: 'owe', owes: 'owe', owing: 'owe',
    children: 'child', kids: 'child', kid: 'child', men: 'man', women: 'woman', people: 'person',
    fired: 'dismiss', fined: 'fined', parking: 'parking', building: 'building', buildings: 'building', evening: 'evening', evenings: 'evening', sacked: 'dismiss', laid: 'lay', hurt: 'hurt', ran: 'run', sent: 'send', spent: 'spend',
    caught: 'catch', thrown: 'throw', threw: 'throw', dug: 'dig', hung: 'hang', lent: 'lend', meant: 'mean',
    slept: 'sleep', sleeping: 'sleep', bitten: 'bite', bit: 'bite', written: 'write', wrote: 'write',
    rent: 'rent', rents: 'rent', rented: 'rent', renting: 'rent', rental: 'rent',
    news: 'news', bus: 'bus', buses: 'bus', gas: 'gas', glass: 'glass', class: 'class', classes: 'class',
    wages: 'wage', salaries: 'salary', series: 'series', police: 'police', species: 'species',
    us: 'us', is: 'is', was: 'was', has: 'has', does: 'does', this: 'this', his: 'his', its: 'its',
    // "piled up junk" is not pile driving, "stalling" is not a street stall, "exhausted" is not exhaust gas.
    pile: 'heap', piles: 'heap', piled: 'heap', stalling: 'delay', stalled: 'delay', exhausted: 'exhausted',
    exhausting: 'exhausted', parked: 'parking', withheld: 'withhold', cancelled: 'cancel', cancelling: 'cancel',
    canceled: 'cancel', added: 'add', adding: 'add',
    // "fare" would fold to "far" ("far away"): a stem of its own.
    fare: 'taxifare', fares: 'taxifare',
  }),
);

/** Multi-word terms kept as one token even without a Chinese equivalent below. */
export const PHRASES = [
  'out of work', 'no one', 'nobody', 'every night', 'every day', 'at night', 'late at night', 'middle of the night',
  'how to', 'how do', 'how can', 'where can', 'what document', 'do i need', 'am i eligible',
];

/**
 * [English terms separated by |, Chinese terms separated by spaces]. The Chinese side uses the words of
 * TAXONOMY.md's "typical matters" and of the training letters. Kept in two files by source; the order
 * matters only where one term is listed twice (its Chinese words are joined in this order).
 */
export const CONCEPTS: Array<[string, string]> = [...TAXONOMY_CONCEPTS, ...RESIDENT_CONCEPTS];

/**
 * How a resident asks for action in English, read on the whole lower-cased text (english.ts `englishCues`).
 * A complaint is often phrased as a question ("why does nobody fix…?", "can someone do something about…?",
 * "is it legal that my landlord…?"); the question form alone made the category model read an inquiry. The
 * Chinese side is the words Chinese letters use for the same move (至今/多次/没人管/要求…处理/相关部门),
 * which the category model learned from thousands of petitions. The words were chosen by what they do
 * to the trained category model on made-up readings (not the test set): 相关部门, 没人管/不作为 and
 * 要求…处理 move a grievance towards petition; question words (合法吗, 为什么, 凭什么) and 不予受理 /
 * 投诉无果 move it towards inquiry, so they are not used. Pure "how do I / where can I" questions keep
 * their inquiry reading (CONCEPTS above). No danger words.
 */
export const CUES: Array<[RegExp, string]> = [
  // Something has gone on for a long time, or still has not been done.
  [/\bstill (?:not|no|nothing|hasn't|haven't|hasnt|havent|isn't|isnt|aren't|arent|doesn't|doesnt|don't|dont|didn't|didnt|won't|wont|can't|cant|cannot|waiting|broken|there|going on|happening|unpaid|owed|has not|have not|is not|are not|do not|does not)\b/, '至今 仍未'],
  [/\bfor (?:over |more than |almost |nearly |about |around |the (?:last|past) )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many|a few|few|a couple of)? ?(?:weeks|months|years)\b|\bfor (?:a|one|half a) (?:month|year)\b|\bfor ages\b|\bsince last (?:week|month|year|summer|winter|spring|autumn)\b|\bmonths? ago\b|\bweeks ago\b|\byears ago\b/, '一直 长期'],
  // The resident has complained before, to no effect.
  [/\b(?:complained|called|reported|phoned|rang|wrote|emailed|messaged|told them|asked them)(?: \w+){0,4} (?:many|several|multiple|countless|two|three|four|five|a few|dozens of|numerous) times\b|\bagain and again\b|\bover and over\b|\brepeatedly\b|\btime after time\b|\bkeep (?:complaining|calling|reporting)\b|\bcomplained (?:before|already|to)\b|\breported (?:it|this) (?:before|already|to)\b/, '多次 反映 问题 相关部门'],
  [/\b(?:nobody|no one|no-one|noone)\b(?: \w+){0,2} (?:fix|fixes|fixed|care|cares|cared|answer|answers|answered|respond|responds|responded|reply|replies|replied|deal|deals|dealt|do|does|did|come|comes|came|help|helps|helped|listen|listens|take|takes|check|checks|handle|handles|handled|seem|seems|bother|bothers|stop|stops|enforce|enforces|manage|manages|control|controls|controlled|regulate|regulates|supervise|supervises|punish|punishes|clean|cleans|repair|repairs|pick|picks|picked|get|gets|got|follow|follows|followed|show|shows|showed|call|calls|called|return|returns|returned)\b|\bno (?:response|reply|answer|action|feedback|result|follow-up|follow up|news|update|updates|word)\b|\b(?:heard nothing|(?:haven't|havent|have not|hasn't|hasnt|has not) heard (?:back|anything))\b|\b(?:ignored|ignore us|ignore me|ignores|ignoring)\b|\bnothing (?:has been|was|is being|gets|got|has|ever) (?:done|changed|happened|happens|fixed)\b|\bnothing (?:happens|happened|changed|changes)\b|\b(?:didn't|didnt|don't|dont|doesn't|doesnt|won't|wont|never) (?:do|did) anything\b|\bpass(?:ed|ing)? (?:us |me |it )?(?:the buck|around|back and forth)\b|\bpush(?:ed|ing|es)? (?:it|the responsibility|us|me) (?:back|around|onto|to each other)\b/, '没人管 不作为 相关部门'],
  // An explicit demand that a body act.
  [/\b(?:i|we) want (?:them|him|her|the \w+|someone|you|the government|the authorities) to\b|\b(?:please|pls|kindly) (?:make|force|order|tell|get) (?:them|him|her|the \w+)\b|\bmake them (?:stop|pay|fix|return|remove|refund|close|move)\b|\b(?:please|pls|kindly) (?:stop|deal with|investigate|look into|fix|review|check|handle|send someone|inspect|punish|fine|remove|sort out|follow up|intervene|help us|urge|supervise|correct|enforce|repair|clean up|close|shut down)\b|\bstep in\b|\btake action\b|\bdo something\b|\b(?:intervene|crack down|hold (?:them|him|her|the \w+) (?:accountable|responsible))\b|\b(?:someone|somebody|the government|the authorities|the city|the district|you) (?:should|needs to|need to|has to|have to|must|ought to)\b|\bshould be (?:stopped|punished|fined|removed|fixed|investigated|closed|shut down|dealt with|held)\b/, '要求 相关部门 处理'],
  // A complaint asked as a question.
  [/\b(?:can|could|would|will) (?:someone|somebody|anyone|anybody|the government|the authorities|the city|the district|the police|the bureau|your office|you guys|you) (?:please )?(?:do|fix|stop|check|look|send|deal|help us|make|tell|come|remove|clean|sort|handle|investigate|inspect|enforce|act|talk|order|force|get)\b/, '要求 相关部门 处理'],
  [/\b(?:is|isn't|isnt) (?:it|this|that) (?:even |really |actually )?(?:legal|allowed|lawful|permitted|normal|acceptable|reasonable|fair|right|ok|okay)\b|\b(?:are|is) (?:they|he|she|the \w+|my \w+|our \w+) (?:even |really |actually )?(?:allowed|permitted|entitled) to\b|\b(?:can|could) (?:they|he|she|the \w+|my \w+|our \w+) (?:just|really|legally|even)\b|\bhow (?:can|could|come) (?:they|he|she|this|that|these|those|my \w+|our \w+|people)\b|\bhow is (?:this|that|it) (?:allowed|legal|possible|acceptable)\b|\bwhy (?:does|do|did|is|are|was|were|has|have|can't|cant|cannot|won't|wont|isn't|isnt|aren't|arent|hasn't|hasnt|haven't|havent|doesn't|doesnt|don't|dont|didn't|didnt|should|must|is there|are there)\b(?=[^.?!]*\b(?:nobody|no one|not|never|nothing|no|still|again|allowed|always|every|n't|so long|so slow|so much|so many|ignore|refuse|refuses|refused|keep|keeps|charge|charges|let|allow)\b|[^.?!]*n't\b)/, '违规 相关部门 查处'],
  // Words of grievance.
  [/\b(?:illegal|illegally|unlawful|against the (?:law|rules|regulations)|not allowed|violat\w*|breaking the (?:law|rules)|unreasonable|unfair|unjust|outrageous|ridiculous|unacceptable|fed up|sick of|tired of|enough is enough|abuse of power|irresponsible|negligen\w*|cover(?:ing|ed|s)? (?:it |this |that )?up|bribe\w*|corrupt\w*)\b/, '违规 查处'],
  // A dog that bit or went for someone, told in any order ("a dog in our compound attacked my daughter"): 犬只伤人.
  [/\b(?:dog|dogs|puppy)\b[^.?!]{0,40}\b(?:bit|bites|bitten|attacked|attacks|jumped on)\b|\b(?:bitten|attacked) by (?:a|the|their|his|her|our|my|some|neighbou?r'?s?) (?:\w+ )?dog\b/, '犬只伤人 咬伤 养犬'],
  // An office that asks for one more paper at every visit (每次都要补材料) is being complained about, not asked how to apply.
  [/\b(?:every time|each time|always|keep|keeps|kept) (?:\w+ ){0,3}(?:new|another|more|different|extra) (?:paper|papers|document|documents|certificate|certificates|form|forms|material|materials|proof)\b/, '多次 刁难 相关部门'],
  [/\b(?:paid|pay|salary|salaries|wages?)\b(?: \w+){0,4} late\b/, '拖欠'],
  [/\b(?:rejected|refused|denied|turned down|turned away|(?:refuse|refuses|refusing|reject|rejects) (?:to|my|our|me|us|him|her|them|the)|(?:won't|wont|will not|would not|wouldn't|wouldnt) (?:give|issue|accept|process|sign|stamp|register)\b|without (?:any |a )?(?:reason|explanation|notice)|no reason given|no explanation)\b/, '拒绝'],
  // Work in the small hours: 10pm–5am, as a clock time ("until 2am"), is what 夜间 says in letters (半夜 and 深夜
  // are what neighbour quarrels say: they pulled a building site's noise towards mediation).
  [/\b(?:12|[1-5])(?::[0-5]\d)? ?(?:am|a\.m\.)(?![a-z])|\b(?:11|10)(?::[0-5]\d)? ?(?:pm|p\.m\.)(?![a-z])/, '夜间'],
];

/**
 * Questions about a procedure, read on the whole lower-cased text as CUES are: the Chinese words a 简体
 * resident's question carries (请问…期限/多少天, 去哪里办理, 需要什么材料, 怎么办), so that "how many days do
 * I have to apply for reconsideration?" reads as the inquiry "请问申请行政复议的期限是多少天？" does.
 * A complaint asked as a question ("how long do we have to wait?!", "how many days has it been?") is not
 * a procedure question: waiting, putting up with and going on are excluded.
 */
const NOT_A_COMPLAINT = String.raw`(?![^.?!]*\b(?:wait|waiting|put up|suffer|endure|tolerate|live with|go on|going on|continue|been)\b(?! list))`;
export const QUESTION_CUES: Array<[RegExp, string]> = [
  [new RegExp(String.raw`\b(?:how (?:many|much) (?:days|working days|weeks|months|years|time)|how long (?:do|does|will|would|can|could|should|is|are|must|until|before)|how soon (?:do|does|will|must|should|can)|within how (?:many|long)|what(?:'s| is) the (?:time limit|deadline|limitation period|cut-?off)|is there (?:a|any) (?:deadline|time limit)|when is the deadline|by when)\b` + NOT_A_COMPLAINT), '请问 期限 多少天'],
  [/\bhow much (?:is|are|does|do|will|would|should|can|must)\b|\bwhat(?:'s| is) the (?:penalty|fine|fee|cost|charge) (?:for|if|of)\b/, '请问 多少'],
  [/\b(?:under what conditions|what (?:are the )?conditions|who (?:is eligible|qualifies|can apply)|(?:am i|are we) eligible|do (?:i|we) qualify)\b|\bcan (?:i|we|my \w+|a foreigner|foreigners) (?:still )?(?:get|apply for|receive|claim|have) [^.?!]{0,40}\bif (?:i|we|he|she|they|my|our)\b/, '请问 条件'],
  [/\b(?:do|must|should|can) (?:i|we) (?:go|come|apply|do it) in person\b|\b(?:can|could) (?:i|we) (?:apply|do it|submit it) online\b/, '请问 办理'],
  [/\bwhen (?:will|would|do|does|can|should) (?:i|we) (?:get|hear|receive)\b|\bwhen (?:will|would|does|do) (?:the \w+|they|it|you) (?:answer|reply|respond|decide|process)\b/, '请问 多久'],
  [/\bwhere (?:do|can|should|must|could) (?:i|we)\b(?: \w+)? (?:go|apply|get|submit|file|register|report|do|hand|take|collect|find)\b|\bwhere to (?:go|apply|get|submit|file|register)\b|\bwhich (?:office|department|bureau|authority|agency|government office)\b|\bwho (?:handles?|deals? with|is responsible for|(?:is )?in charge of|do i (?:contact|ask|call)|(?:should|can|do|must) (?:i|we) (?:contact|ask|call|complain to|go to))\b/, '请问 哪里 办理'],
  [/\b(?:what|which) (?:documents|papers|materials|certificates|documentation)\b|\bwhat (?:do|should|must) (?:i|we) (?:need to )?(?:bring|prepare|submit|provide)\b|\bwhat is needed\b/, '请问 需要 材料'],
  [/\bwhat (?:can|should|do|could|shall) (?:i|we) do\b|\bwhat are (?:my|our) (?:options|rights)\b|\bwhat options do (?:i|we) have\b/, '怎么办'],
];
