import crypto from 'node:crypto';
import { eventLabel, t, textOf } from '../../i18n/index.js';
import { unsureLabel, unsureReasonOf } from '../../cases/cardLabels.js';
import type { CaseService } from '../../cases/caseService.js';
import { mayTake, needsHandler, type UiAction } from '../../cases/policy.js';
import { NOT_ACCEPTED_REASONS } from '../../cases/types.js';
import type { Handler } from '../../directory/directory.js';
import { districtsOutside, officeArea } from '../../directory/places.js';
import { isServiceCode } from '../../kernel/taxonomy.js';
import { articleFor, titleFor } from '../../knowledge/citation.js';
import { html, raw, type Html } from '../html.js';
import { caseHandlerName, caseTargetName, csrfField, dateTime, day, flash, handlerName, label, page, tr, type ViewContext } from './common.js';

export type CaseDetail = Awaited<ReturnType<CaseService['caseDetail']>>;

/** How much of a case the viewer may see: the office everything; handlers the redacted view (organizations only what was consented). */
export type Visibility = 'office' | 'department' | 'organization';

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** The resident's own words in an event: shown whole, as the office chat's copy of a long note points here for them. */
const WHOLE_FIELDS = new Set(['note', 'correction']);

function eventDetails(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([k, val]) => k !== 'idempotencyKey' && val !== null && val !== undefined)
    .map(([k, val]) => {
      const s = `${k}: ${typeof val === 'string' ? val : JSON.stringify(val)}`;
      return WHOLE_FIELDS.has(k) ? s : clip(s, 300);
    })
    .join('; ');
}

/** Handlers a case may be reassigned to: departments for petitions, organizations offering the service otherwise. */
export function reassignTargets(v: ViewContext, d: CaseDetail['case']): Handler[] {
  if (d.category === 'petition') return v.directory.departments;
  return isServiceCode(d.target) ? v.directory.organizationsFor(d.target) : v.directory.organizations;
}

function actionForms(v: ViewContext, d: CaseDetail, load: Record<string, number>): Html {
  const c = d.case;
  const hidden = () =>
    html`${csrfField(v)}<input type="hidden" name="version" value="${c.version}"><input type="hidden" name="idem" value="${crypto.randomBytes(9).toString('base64url')}">`;
  const forms: Html[] = [];
  const may = (a: UiAction) => mayTake({ kind: 'office' }, c, a);
  if (may('approve') || needsHandler(c)) {
    forms.push(html`<form method="post" action="/cases/${c.ref}/approve" class="action" id="form-approve">
<h3>${tr(v, 'console.action.approve')}</h3>${hidden()}
<p>${c.handlerId ? tr(v, 'console.approve.to', { handler: handlerName(v, c.handlerKind, c.handlerId) }) : tr(v, 'console.approve.no_handler')}</p>
<button type="submit"${c.handlerId ? '' : raw(' disabled')}>${tr(v, 'console.action.approve')}</button></form>`);
  }
  if (may('reassign')) {
    const options = reassignTargets(v, c).map((h) => {
      const id = v.directory.handlerId(h);
      return html`<option value="${h.kind}:${id}"${id === c.handlerId ? raw(' selected') : ''}>${tr(v, 'console.handler.capacity', { name: h.names[v.lang], load: load[id] ?? 0, capacity: h.capacity })}</option>`;
    });
    forms.push(html`<form method="post" action="/cases/${c.ref}/reassign" class="action" id="form-reassign">
<h3>${tr(v, 'console.action.reassign')}</h3>${hidden()}
<label for="reassign-handler">${tr(v, 'console.field.handler')}</label>
<select id="reassign-handler" name="handler" required>${options}</select>
<label for="reassign-note">${tr(v, 'console.field.reassign_note')}</label>
<input id="reassign-note" name="note" maxlength="2000">
<button type="submit">${tr(v, 'console.action.reassign')}</button></form>`);
  }
  if (may('ask')) {
    forms.push(html`<form method="post" action="/cases/${c.ref}/ask" class="action" id="form-ask">
<h3>${tr(v, 'console.action.ask')}</h3>${hidden()}
<label for="ask-question">${tr(v, 'console.field.question')}</label>
<textarea id="ask-question" name="question" required maxlength="1000" rows="3"></textarea>
<button type="submit">${tr(v, 'console.action.ask')}</button></form>`);
  }
  if (may('not_accept')) {
    forms.push(html`<form method="post" action="/cases/${c.ref}/not-accept" class="action" id="form-not-accept">
<h3>${tr(v, 'console.action.not_accept')}</h3>${hidden()}
<label for="na-reason">${tr(v, 'console.field.reason')}</label>
<select id="na-reason" name="reason" required>${NOT_ACCEPTED_REASONS.map((r) => html`<option value="${r}">${label(v, 'console.reason', r)}</option>`)}</select>
<label for="na-note">${tr(v, 'console.field.note')}</label>
<textarea id="na-note" name="note" maxlength="2000" rows="2"></textarea>
<button type="submit" class="danger">${tr(v, 'console.action.not_accept')}</button></form>`);
  }
  if (may('urgent')) {
    forms.push(html`<form method="post" action="/cases/${c.ref}/urgent" class="action" id="form-urgent">
<h3>${tr(v, 'console.action.urgent')}</h3>${hidden()}
<button type="submit" class="secondary">${tr(v, 'console.action.urgent')}</button></form>`);
  }
  if (!forms.length) return html``;
  return html`<section aria-labelledby="h-actions"><h2 id="h-actions">${tr(v, 'console.case.actions')}</h2><div class="actions-grid">${forms}</div></section>`;
}

export function casePage(
  v: ViewContext,
  d: CaseDetail,
  opts: { visibility: Visibility; load: Record<string, number>; ok?: string | null; error?: string | null; status?: number },
): Html {
  const c = d.case;
  const office = opts.visibility === 'office';
  const consent = d.consents.find((x) => !x.withdrawnAt) ?? null;
  const shares = (field: string) => opts.visibility !== 'organization' || (consent?.sharedFields.includes(field) ?? false);
  const decision = c.decision;
  // The engine routes by matter; the office forwards a matter placed in another district (属地管理).
  const elsewhere = c.anonymisedAt ? [] : districtsOutside(c.summary, officeArea(v.directory));
  const overview = html`<section aria-labelledby="h-overview"><h2 id="h-overview">${tr(v, 'console.case.overview')}</h2>
<dl class="facts">
<dt>${tr(v, 'console.col.status')}</dt><dd id="case-status">${label(v, 'console.status', c.status)}${c.urgent ? html` <span class="badge urgent">${tr(v, 'console.urgent')}</span>` : ''}${c.anonymisedAt ? html` <span class="badge anonymised" id="case-anonymised">${tr(v, 'console.case.anonymised', { date: dateTime(c.anonymisedAt) })}</span>` : ''}</dd>
<dt>${tr(v, 'console.col.category')}</dt><dd>${label(v, 'console.category', c.category)}</dd>
<dt>${tr(v, 'console.col.target')}</dt><dd>${caseTargetName(v, c)}</dd>
<dt>${tr(v, 'console.case.handler')}</dt><dd id="case-handler">${caseHandlerName(v, c)}</dd>
${office && elsewhere.length > 0 ? html`<dt>${tr(v, 'console.case.place')}</dt><dd id="case-place">${tr(v, 'console.case.place_elsewhere', { districts: elsewhere.join('、') })}</dd>` : ''}
<dt>${tr(v, 'console.col.received')}</dt><dd>${dateTime(c.receivedAt)}</dd>
<dt>${tr(v, 'console.case.version')}</dt><dd>${c.version}</dd>
</dl>
<h3>${tr(v, 'console.case.summary')}</h3>
<p class="text">${c.anonymisedAt ? tr(v, 'console.case.anonymised_text') : shares('summary') ? c.summary : tr(v, 'console.case.not_shared')}</p>
${office ? html`<h3>${tr(v, 'console.case.original')}</h3><p class="text">${c.anonymisedAt ? tr(v, 'console.case.anonymised_text') : c.originalText}</p>` : ''}
</section>`;

  // Why the case is reviewed, as the office card says it (a sentence naming departments); the reasons list below
  // keeps the engine's own codes for whoever tunes it.
  const unsure = unsureReasonOf(decision.reasons ?? []);
  const decisionSection = office
    ? html`<section aria-labelledby="h-decision"><h2 id="h-decision">${tr(v, 'console.case.decision')}</h2>
<dl class="facts">
<dt>${tr(v, 'console.col.confidence')}</dt><dd>${typeof decision.confidence === 'number' ? decision.confidence.toFixed(2) : '—'}</dd>
<dt>${tr(v, 'console.case.engine')}</dt><dd>${decision.engine ?? '—'}</dd>
${unsure ? html`<dt>${tr(v, 'console.case.unsure')}</dt><dd id="case-unsure">${textOf(v.lang, unsureLabel(v.directory, unsure))}</dd>` : ''}
</dl>
<h3>${tr(v, 'console.case.reasons')}</h3>
${decision.reasons?.length ? html`<ul>${decision.reasons.map((r) => html`<li><code>${r}</code></li>`)}</ul>` : html`<p>${tr(v, 'console.case.nothing')}</p>`}
<h3>${tr(v, 'console.case.citations')}</h3>
${decision.citations?.length
  ? html`<ul class="citations">${decision.citations.map(
      (ci) => html`<li><blockquote><p>${clip(String(ci.excerpt ?? ''), 800)}</p><footer>${titleFor(String(ci.title ?? ''), v.lang)}${ci.article ? html` · ${articleFor(String(ci.article), v.lang)}` : ''} <small>${ci.source ?? ''}</small></footer></blockquote></li>`,
    )}</ul>`
  : html`<p>${tr(v, 'console.case.nothing')}</p>`}
</section>`
    : html``;

  const consentSection = html`<section aria-labelledby="h-consent"><h2 id="h-consent">${tr(v, 'console.case.consent')}</h2>
${d.consents.length || d.consentRequests.length
  ? html`<ul id="consents">${d.consents.map(
      (x) => html`<li>${tr(v, 'console.consent.given', { at: dateTime(x.givenAt), org: x.organizationId ? handlerName(v, 'organization', x.organizationId) : '—', fields: x.sharedFields.join(', '), version: x.textVersion })}${x.withdrawnAt ? html`; ${tr(v, 'console.case.consent_withdrawn', { at: dateTime(x.withdrawnAt) })}` : ''}</li>`,
    )}${d.consentRequests.map(
      (q) => html`<li>${tr(v, 'console.consent.asked', { at: dateTime(q.askedAt), org: handlerName(v, 'organization', q.organizationId), answer: label(v, 'console.consent.answer', q.answer ?? 'open') })}${q.answeredAt ? html` (${dateTime(q.answeredAt)})` : ''}</li>`,
    )}</ul>`
  : html`<p>${tr(v, 'console.case.nothing')}</p>`}</section>`;

  const referrals = html`<section aria-labelledby="h-referrals"><h2 id="h-referrals">${tr(v, 'console.case.referrals')}</h2>
${d.referrals.length
  ? html`<div class="table-wrap"><table id="referrals"><thead><tr><th scope="col">${tr(v, 'console.case.handler')}</th><th scope="col">${tr(v, 'console.col.referred_at')}</th><th scope="col">${tr(v, 'console.col.status')}</th><th scope="col">${tr(v, 'console.col.answered')}</th><th scope="col">${tr(v, 'console.col.reason')}</th></tr></thead>
<tbody>${d.referrals.map(
      (r) => html`<tr><td>${handlerName(v, r.handlerKind, r.handlerId)}</td><td>${dateTime(r.createdAt)}</td><td>${label(v, 'console.referral', r.status)}</td><td>${dateTime(r.answeredAt)}</td><td>${office ? r.reason ?? '' : ''}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p>${tr(v, 'console.case.nothing')}</p>`}</section>`;

  const clocks = html`<section aria-labelledby="h-clocks"><h2 id="h-clocks">${tr(v, 'console.case.clocks')}</h2>
${d.clocks.length
  ? html`<div class="table-wrap"><table id="clocks"><thead><tr><th scope="col">${tr(v, 'console.col.kind')}</th><th scope="col">${tr(v, 'console.col.article')}</th><th scope="col">${tr(v, 'console.col.starts')}</th><th scope="col">${tr(v, 'console.col.due')}</th><th scope="col">${tr(v, 'console.col.stopped')}</th><th scope="col">${tr(v, 'console.col.result')}</th></tr></thead>
<tbody>${d.clocks.map((k) => {
      const late = k.stopReason === 'met' && k.stoppedAt && k.stoppedAt.getTime() > k.dueAt.getTime();
      const result = k.stoppedAt ? (late ? 'met_late' : k.stopReason ?? 'met') : 'running';
      return html`<tr><td>${label(v, 'console.clock', k.kind)}</td><td>${k.article ?? '—'}${k.extensionReason ? html`<br><small>${k.extensionReason}</small>` : ''}</td><td>${day(k.startsAt)}</td><td>${day(k.dueAt)}</td><td>${day(k.stoppedAt)}</td><td>${label(v, 'console.stop', result)}</td></tr>`;
    })}</tbody></table></div>`
  : html`<p>${tr(v, 'console.case.nothing')}</p>`}</section>`;

  const satisfaction = html`<section aria-labelledby="h-satisfaction"><h2 id="h-satisfaction">${tr(v, 'console.case.satisfaction')}</h2>
${d.surveys.length
  ? html`<ul>${d.surveys.map(
      (s) => html`<li>${tr(v, 'console.case.survey_round', { round: s.round, rating: s.rating ? label(v, 'console.rating', s.rating) : tr(v, 'console.case.survey_pending') })}${s.answeredAt ? html` (${dateTime(s.answeredAt)})` : ''}${office && s.comment ? html` — ${s.comment}` : ''}</li>`,
    )}</ul>`
  : html`<p>${tr(v, 'console.case.nothing')}</p>`}</section>`;

  const timeline = html`<section aria-labelledby="h-timeline"><h2 id="h-timeline">${tr(v, 'console.case.timeline')}</h2>
<div class="table-wrap"><table id="timeline"><thead><tr><th scope="col">${tr(v, 'console.col.at')}</th><th scope="col">${tr(v, 'console.col.actor')}</th><th scope="col">${tr(v, 'console.col.event')}</th><th scope="col">${tr(v, 'console.col.change')}</th>${office ? html`<th scope="col">${tr(v, 'console.col.details')}</th>` : ''}</tr></thead>
<tbody>${d.events.map(
    (e) => html`<tr><td>${dateTime(e.at)}</td><td>${label(v, 'console.actor', e.actorKind)}${office && e.actorId ? html` <small>${e.actorId}</small>` : ''}</td><td>${eventLabel(v.lang, e.type)}</td><td>${e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? `${label(v, 'console.status', e.fromStatus)} → ${label(v, 'console.status', e.toStatus)}` : ''}</td>${office ? html`<td>${eventDetails(e.data)}</td>` : ''}</tr>`,
  )}</tbody></table></div>
${office
  ? html`<h3>${tr(v, 'console.case.messages_out')}</h3>
${d.outbox.length
  ? html`<div class="table-wrap"><table id="messages"><thead><tr><th scope="col">${tr(v, 'console.col.at')}</th><th scope="col">${tr(v, 'console.col.to')}</th><th scope="col">${tr(v, 'console.col.status')}</th><th scope="col">${tr(v, 'console.col.text')}</th></tr></thead>
<tbody>${d.outbox.map((o) => {
      let text: string;
      try {
        text = t(o.language as 'zh-Hans', o.message.key, o.message.params ?? {});
      } catch {
        text = o.message.key;
      }
      return html`<tr><td>${dateTime(o.createdAt)}</td><td>${tr(v, `console.to.${o.chatKind}`)}</td><td>${label(v, 'console.outbox', o.status)}</td><td class="text">${clip(text, 600)}</td></tr>`;
    })}</tbody></table></div>`
  : html`<p>${tr(v, 'console.case.nothing')}</p>`}`
  : ''}
</section>`;

  const body = html`${flash('ok', opts.ok)}${flash('error', opts.error)}
${office ? actionForms(v, d, opts.load) : ''}
${overview}${decisionSection}${consentSection}${referrals}${clocks}${satisfaction}${timeline}`;
  return page(v, tr(v, 'console.case.title', { ref: c.ref }), body);
}
