/**
 * "有没有别的机构" / "有冇其他機構" / "any other organisation?" while a 信访外 or legal-aid offer waits, or just after the
 * resident said no to it: the next organization that fits, or plainly that there is none. Read as a new message, it
 * had been asked to say more or started a new draft, and the matter the offer was for was lost.
 */
import { isServiceCode, type Decision } from '../kernel/taxonomy.js';
import type { Language } from '../kernel/language.js';
import { residentName, type Directory } from '../directory/directory.js';
import type { CategoryFlow } from './residentFlow.js';
import { refusesService, runnerUpService } from './residentRules.js';
import { r, stillWaiting, type Pending, type Plan, type ResidentState, type ResidentStateAccess } from './residentState.js';

const OTHER_ZH = new RegExp(
  [
    // 有没有别的机构 · 有冇其他機構 · 还有其他的吗 · 仲有冇第二間
    '(?:有没有|有沒有|有冇|有無|有无|有唔有|还有没有|還有沒有|仲有冇|还有|還有|仲有)(?:其他|其它|别的|別的|第二|另外)',
    // 其他机构呢 · 别的社工站 · 另一间中心 · 第二间
    '(?:其他|其它|别的|別的|另外|另一|第二)[个個间間家所]?(?:的|嘅)?(?:机构|機構|组织|組織|社工|中心|单位|單位|地方|选择|選擇)',
    '第二[间間家个個]',
    // 换一个机构 · 換過間吧 · 可以换一家吗
    '[换換](?:过|過)?一?[个個间間家](?:机构|機構|组织|組織|社工|中心)?(?:吧|啦|喇|呀|啊|吗|嗎|呢|得唔得|可以吗|可以嗎|[?？]|$)',
    // 其他的呢？ · 别的呢
    '^(?:那|咁|噉)?(?:其他|其它|别的|別的)(?:的|嘅)?(?:呢|吗|嗎|[?？])',
  ].join('|'),
  'u',
);
const OTHER_EN =
  /\b(?:any|some)\s*(?:other|different)\b|\banother\s+(?:organi[sz]ation|org|agency|centre|center|charity|provider|service|one|option|place|group)\b|\b(?:other|different)\s+(?:organi[sz]ations?|orgs?|agenc(?:y|ies)|centres?|centers?|charit(?:y|ies)|providers?|services?|options?|places?|groups?)\b|\b(?:someone|somewhere|anyone|anywhere)\s+else\b/i;

/** A short ask for another organization than the one offered. A longer message is a matter of its own. */
export function asksForOtherOrg(text: string): boolean {
  const s = text.trim();
  if ([...s].length > 40 || refusesService(s) !== null) return false;
  return OTHER_ZH.test(s) || OTHER_EN.test(s);
}

type Offered = Extract<Pending, { kind: 'consent' } | { kind: 'declined' }>;

export interface OtherOrgDeps {
  flow: CategoryFlow;
  state: ResidentStateAccess;
  directory: Directory;
}

/**
 * The next organization for the matter offered: another of the same kind that the resident has not declined (what
 * they asked), else the runner-up service's organization when the reading was a close call. With none, the reply
 * says so; an offer still waiting keeps its buttons, and after a no "还是帮我转介吧" still brings that one back.
 */
export async function otherOrganization(deps: OtherOrgDeps, lang: Language, offered: Offered, s: ResidentState | null): Promise<Plan> {
  const d = offered.decision as unknown as Decision;
  const purpose = offered.purpose ?? (d.category === 'legal_channel' ? 'legal_aid' : 'service');
  // Asking for another is a no to the one offered; legal aid itself is not refused by asking for another office.
  const refused = deps.state.refusing(s, { org: offered.org });
  const exclude = refused.orgs;
  const service = purpose === 'legal_aid' ? 'legal_aid' : isServiceCode(d.target) ? d.target : null;
  const same = service ? await deps.flow.organizationFor(service, exclude) : undefined;
  const altService = same || purpose !== 'service' ? undefined : runnerUpService(d);
  const alt = altService ? await deps.flow.organizationFor(altService, exclude) : undefined;
  const org = same ?? alt;
  if (!org) {
    if (offered.kind === 'consent') return { replies: stillWaiting(offered, lang, deps.directory, 'conversation.oos.no_other_org_waiting'), pending: offered };
    const declined = offered.org ? deps.directory.organization(offered.org) : undefined;
    return { replies: [r(declined ? 'conversation.oos.no_other_org' : 'conversation.oos.no_other_org_plain', declined ? { org: residentName(declined, lang) } : undefined)], pending: { ...offered, at: deps.state.now() }, refused };
  }
  // The office card says why the organization is not the first one the reading named.
  const reasons = [...(d.reasons ?? []).filter((x) => !(alt && x.startsWith('target_unsure'))), 'resident_asked_other_org'];
  const decision: Decision = alt && altService ? { ...d, target: altService, runnerUp: undefined, reviewReason: undefined, reasons } : { ...d, reasons };
  const offer = await deps.flow.offer(lang, decision, offered.text, purpose, org, exclude);
  return { replies: [r('conversation.oos.next_org'), ...offer.replies], pending: offer.pending, refused, offerAnyway: true };
}
