import type { QueueRow } from '../../cases/reportRepository.js';
import { CASE_STATUSES } from '../../cases/types.js';
import { CATEGORIES, TARGET_CODES } from '../../kernel/taxonomy.js';
import { html, raw, type Html } from '../html.js';
import { caseHandlerName, caseTargetName, csrfField, day, flash, label, noClockText, page, targetName, timeLeft, tr, type ViewContext } from './common.js';

export interface QueueFilters {
  category?: string;
  target?: string;
  status?: string;
  deadline?: 'overdue' | '3d' | '7d' | 'none';
  sort: 'urgent' | 'oldest';
  page: number;
}

export const QUEUE_PAGE_SIZE = 50;

function select(name: string, id: string, caption: string, options: Array<[string, string]>, value: string | undefined, any: string | null): Html {
  return html`<label for="${id}">${caption}</label>
<select id="${id}" name="${name}">
${any !== null ? html`<option value="">${any}</option>` : ''}${options.map(([v, text]) => html`<option value="${v}"${v === value ? raw(' selected') : ''}>${text}</option>`)}
</select>`;
}

export function queuePage(
  v: ViewContext,
  data: { rows: QueueRow[]; total: number; capped: boolean; hasMore: boolean; filters: QueueFilters; readOnly: boolean; ok?: string | null; error?: string | null },
): Html {
  const f = data.filters;
  const pages = Math.max(1, Math.ceil(data.total / QUEUE_PAGE_SIZE));
  const qs = (p: number) => {
    const u = new URLSearchParams();
    for (const [k, val] of Object.entries({ category: f.category, target: f.target, status: f.status, deadline: f.deadline, sort: f.sort })) if (val) u.set(k, val);
    u.set('page', String(p));
    return `/queue?${u}`;
  };
  const anyLabel = tr(v, 'console.filter.any');
  const filters = html`<form method="get" action="/queue" class="filters" aria-label="${tr(v, 'console.filter.legend')}">
<fieldset><legend>${tr(v, 'console.filter.legend')}</legend>
<div>${select('category', 'f-category', tr(v, 'console.filter.category'), CATEGORIES.map((c) => [c, label(v, 'console.category', c)]), f.category, anyLabel)}</div>
<div>${select('target', 'f-target', tr(v, 'console.filter.target'), TARGET_CODES.map((c) => [c, targetName(v, c)]), f.target, anyLabel)}</div>
<div>${select('status', 'f-status', tr(v, 'console.filter.status'), CASE_STATUSES.map((s) => [s, label(v, 'console.status', s)]), f.status, anyLabel)}</div>
<div>${select('deadline', 'f-deadline', tr(v, 'console.filter.deadline'), (['overdue', '3d', '7d', 'none'] as const).map((d) => [d, tr(v, `console.deadline.${d}`)]), f.deadline, anyLabel)}</div>
<div>${select('sort', 'f-sort', tr(v, 'console.filter.sort'), [['urgent', tr(v, 'console.sort.urgent')], ['oldest', tr(v, 'console.sort.oldest')]], f.sort, null)}</div>
<div><button type="submit">${tr(v, 'console.filter.apply')}</button></div>
</fieldset>
</form>`;
  const rows = data.rows.map((c) => {
    const left = timeLeft(v, c.dueAt);
    return html`<tr${c.urgent ? raw(' class="urgent"') : ''}>
<th scope="row"><a href="/cases/${c.ref}">${c.ref}</a>${c.urgent ? html` <span class="badge urgent">${tr(v, 'console.urgent')}</span>` : ''}</th>
<td>${label(v, 'console.category', c.category)}</td>
<td>${caseTargetName(v, c)}<br><small>${caseHandlerName(v, c)}</small></td>
<td class="num">${c.confidence === null ? '—' : c.confidence.toFixed(2)}</td>
<td>${c.dueAt ? day(c.dueAt) : html`<small class="no-clock">${noClockText(v, c)}</small>`}${c.dueKind ? html`<br><small>${label(v, 'console.clock', c.dueKind)}</small>` : ''}</td>
<td class="${left.overdue ? 'overdue' : ''}">${left.text}</td>
<td>${label(v, 'console.status', c.status)}</td>
${data.readOnly
  ? ''
  : html`<td class="actions">
<form method="post" action="/cases/${c.ref}/approve" class="inline">${csrfField(v)}<input type="hidden" name="version" value="${c.version}"><input type="hidden" name="back" value="/queue"><button type="submit" aria-label="${tr(v, 'console.action.approve')} ${c.ref}"${c.handlerId ? '' : raw(' disabled')}>${tr(v, 'console.action.approve')}</button></form>
${c.urgent ? '' : html`<form method="post" action="/cases/${c.ref}/urgent" class="inline">${csrfField(v)}<input type="hidden" name="version" value="${c.version}"><input type="hidden" name="back" value="/queue"><button type="submit" class="secondary" aria-label="${tr(v, 'console.action.urgent')} ${c.ref}">${tr(v, 'console.action.urgent')}</button></form>`}
<a href="/cases/${c.ref}">${tr(v, 'console.action.open')}</a>
</td>`}
</tr>`;
  });
  const body = html`${flash('ok', data.ok)}${flash('error', data.error)}
${filters}
<p id="queue-count">${tr(v, data.capped ? 'console.queue.count_many' : 'console.queue.count', { total: data.total })}</p>
${data.rows.length === 0
  ? html`<p>${tr(v, 'console.queue.empty')}</p>`
  : html`<div class="table-wrap"><table id="queue">
<caption class="visually-hidden">${tr(v, data.readOnly ? 'console.queue.my_title' : 'console.queue.title')}</caption>
<thead><tr><th scope="col">${tr(v, 'console.col.ref')}</th><th scope="col">${tr(v, 'console.col.category')}</th><th scope="col">${tr(v, 'console.col.target')}</th><th scope="col">${tr(v, 'console.col.confidence')}</th><th scope="col">${tr(v, 'console.col.due')}</th><th scope="col">${tr(v, 'console.col.left')}</th><th scope="col">${tr(v, 'console.col.status')}</th>${data.readOnly ? '' : html`<th scope="col">${tr(v, 'console.case.actions')}</th>`}</tr></thead>
<tbody>${rows}</tbody></table></div>`}
<nav class="pager" aria-label="${tr(v, 'console.page.label')}">
${f.page > 1 ? html`<a href="${qs(f.page - 1)}" rel="prev">${tr(v, 'console.page.prev')}</a>` : ''}
<span>${data.capped ? tr(v, 'console.page.n', { page: f.page }) : tr(v, 'console.page.of', { page: f.page, pages })}</span>
${data.hasMore ? html`<a href="${qs(f.page + 1)}" rel="next">${tr(v, 'console.page.next')}</a>` : ''}
</nav>`;
  return page(v, tr(v, data.readOnly ? 'console.queue.my_title' : 'console.queue.title'), body);
}
