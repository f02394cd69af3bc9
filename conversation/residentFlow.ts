/**
 * What the resident is told once a message's category is known (conversation/resident.ts decides when): a cited
 * answer, a summary to confirm, a channel explained, or an offer that needs consent to a named organization.
 */
import type { Logger } from '../kernel/logger.js';
import { residentName, type Organization } from '../directory/directory.js';
import { districtName, districtsOutside, namesOwnDistrict, officeArea } from '../directory/places.js';
import { isServiceCode, type Decision, type ServiceCode } from '../kernel/taxonomy.js';
import type { Language } from '../kernel/language.js';
import { t } from '../i18n/index.js';
import { DEFAULT_SHARED_FIELDS } from '../cases/caseService.js';
import { citedAnswer, type AnswerLlmOptions } from './answer.js';
import { clip, hidesPersonalData, legalChannelOf, newToken, offerButtons, runnerUpService, stripDecision } from './residentRules.js';
import { CONFIRM_ACTION, r, type Pending, type Plan, type ResidentStateAccess } from './residentState.js';
import type { CaseService } from '../cases/caseService.js';
import type { Directory } from '../directory/directory.js';
import type { Retriever } from '../knowledge/types.js';
import type { Reply } from './types.js';

/** The line under a summary that shows the resident's own words: what the handler will read has their personal data hidden. */
export const privateLine = (d: Decision, text: string): Partial<Reply> => (hidesPersonalData(d.redactedText, text) ? { lines: [r('conversation.petition.private_hidden')] } : {});

export interface CategoryFlowDeps {
  cases: CaseService;
  directory: Directory;
  retriever?: Retriever;
  answerLlm?: AnswerLlmOptions;
}

export class CategoryFlow {
  constructor(
    private readonly deps: CategoryFlowDeps,
    private readonly state: ResidentStateAccess,
    private readonly log?: Logger,
  ) {}

  /**
   * The reply and what waits next for a decision's category: the answer, the summary, the offer. `org`: the
   * organization to offer when it takes the service (the one the resident just declined and now wants after all).
   */
  async plan(lang: Language, d: Decision, text: string, opts: { org?: string } = {}): Promise<Plan> {
    const token = newToken();
    const at = this.state.now();
    switch (d.category) {
      case 'inquiry': {
        const a = await this.passagesAnswer(d.redactedText, lang);
        return {
          // Without a passage on the matter, one message says so and offers the case (not "no passage" and then "if this did not help").
          replies: a
            ? [r('conversation.text', { text: a }), r('conversation.inquiry.more', undefined, { actions: ['open_case_anyway'], token })]
            : [r('conversation.inquiry.none', undefined, { actions: ['open_case_anyway'], token })],
          pending: { kind: 'inquiry', at, token, text, decision: stripDecision(d) },
        };
      }
      case 'legal_channel': {
        const { channel, sources, basis: anchor } = legalChannelOf(text);
        const basis = anchor ? await this.passagesAnswer(`${anchor} ${d.redactedText}`, lang, sources) : null;
        const replies = [r(`conversation.legal.${channel}`), ...(basis ? [r('conversation.legal.basis', { basis })] : [])];
        const org = await this.organizationFor('legal_aid', [], opts.org);
        if (!org) return { replies, pending: null };
        const offer = await this.offer(lang, { ...d, category: 'legal_channel', target: 'legal_aid' }, text, 'legal_aid', org);
        return { replies: [...replies, ...offer.replies], pending: offer.pending };
      }
      case 'petition': {
        // A matter in another district is forwarded there (属地管理): the office card said so, the resident was not told.
        // Named alone, the other district makes the handler the office's call: "转送当地" followed by "拟转交：南山…"
        // read as a contradiction. Named beside our own district ("在福田上班，家住南山区"), the place is unclear and
        // the proposed department stands; the office card still notes the other district.
        const area = officeArea(this.deps.directory);
        const elsewhere = namesOwnDistrict(d.redactedText, area) ? [] : districtsOutside(d.redactedText, area).map((x) => districtName(x, lang));
        const dept = d.target && elsewhere.length === 0 ? this.deps.directory.department(d.target) : undefined;
        const first = dept ? residentName(dept, lang) : t(lang, 'conversation.petition.office_decides');
        // A second matter said in so many words (另外, 第二, also) and read for another department: "两件事…路灯…餐厅倒油污"
        // had shown only the street lights' handler, and the resident could not tell the oil was heard.
        const second = dept && d.secondaryTarget && d.secondaryTarget !== d.target && d.reasons.includes('second_matter_marker') ? this.deps.directory.department(d.secondaryTarget) : undefined;
        const handler = second ? t(lang, 'conversation.petition.second_handler', { first, second: residentName(second, lang) }) : first;
        // The resident's own words, as written: "桃園路[ADDRESS]" and 揾 for 搵 had read as if the bot had lost or changed
        // them. What goes to the department is the redacted summary (the case's), and a line says so when it differs.
        const summary = r('conversation.petition.confirm', { summary: clip(text, 500), handler }, { actions: [CONFIRM_ACTION, 'cancel'], token, ...privateLine(d, text) });
        return {
          replies: [...(elsewhere.length ? [r('conversation.petition.elsewhere', { districts: elsewhere.join(lang === 'en' ? ', ' : '、') })] : []), summary],
          pending: { kind: 'petition', at, token, text, decision: stripDecision(d) },
        };
      }
      case 'out_of_scope': {
        const service = isServiceCode(d.target) && d.target !== 'legal_aid' ? d.target : null;
        const org = service ? await this.organizationFor(service, [], opts.org) : undefined;
        if (!org) {
          const notes = await this.passagesAnswer(d.redactedText, lang);
          return { replies: [r('conversation.oos.no_org'), ...(notes ? [r('conversation.oos.notes', { text: notes })] : [])], pending: null };
        }
        return this.offer(lang, d, text, 'service', org);
      }
      default:
        // emergency and unclear are handled before a flow is chosen
        return { replies: [r('conversation.unclear.question')], pending: { kind: 'clarify', at, text } };
    }
  }

  /**
   * The consent question for one named organization, with a new token. For a service that was not clearly ahead, a
   * third button names the runner-up's organization (not one in `exclude`: those the resident declined).
   */
  async offer(lang: Language, d: Decision, text: string, purpose: 'legal_aid' | 'service', org: Organization, exclude: string[] = []): Promise<{ replies: Reply[]; pending: Pending }> {
    const token = newToken();
    const textKey = purpose === 'legal_aid' ? 'conversation.legal.aid_offer' : 'conversation.oos.offer';
    const offer = r(textKey, { org: residentName(org, lang), shared: this.sharedText(lang) }, { actions: ['consent_yes', 'consent_no'], token });
    const altService = purpose === 'service' ? runnerUpService(d) : undefined;
    const alt = altService ? await this.organizationFor(altService, exclude) : undefined;
    const other = alt && alt.id !== org.id ? alt : undefined;
    return {
      replies: [other ? { ...offer, actions: undefined, buttons: offerButtons(token, residentName(other, lang)) } : offer],
      pending: { kind: 'consent', at: this.state.now(), token, text, decision: stripDecision(d), purpose, org: org.id, textKey, ...(other ? { alt: altService } : {}) },
    };
  }

  passagesAnswer(question: string, lang: Language, sources?: string[]): Promise<string | null> {
    return citedAnswer(this.deps.retriever, question, lang, { ...(this.deps.answerLlm ? { llm: this.deps.answerLlm } : {}), ...(sources ? { sources } : {}), log: this.log });
  }

  /** The organization to offer for `service`: `preferred` when it offers it, else the one with most spare capacity, none of `exclude`. */
  async organizationFor(service: ServiceCode, exclude: string[] = [], preferred?: string): Promise<Organization | undefined> {
    const named = preferred ? this.deps.directory.organization(preferred) : undefined;
    if (named?.services.includes(service) && !exclude.includes(named.id)) return named;
    return this.deps.directory.nextOrganization(service, exclude, await this.deps.cases.handlerLoad());
  }

  sharedText(lang: Language): string {
    return DEFAULT_SHARED_FIELDS.map((f) => t(lang, `conversation.shared.${f}`)).join(t(lang, 'conversation.shared.separator'));
  }
}
