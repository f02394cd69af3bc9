import type { WaitingGroup } from '../../cases/waitingOutbox.js';
import type { Handler } from '../../directory/directory.js';
import { html, raw, type Html } from '../html.js';
import { csrfField, flash, label, page, tr, type ViewContext } from './common.js';

export function directoryPage(
  v: ViewContext,
  data: { load: Record<string, number>; canEdit: boolean; ok?: string | null; error?: string | null; errorFor?: string | null; waiting?: WaitingGroup[] },
): Html {
  const row = (h: Handler) => {
    const id = v.directory.handlerId(h);
    const load = data.load[id] ?? 0;
    const over = load >= h.capacity;
    const key = `${h.kind}-${id}`;
    const name = h.names[v.lang];
    const contact = h.kind === 'organization' ? h.contact ?? '' : '';
    const editable = data.canEdit
      ? html`<td><form method="post" action="/directory/${h.kind}/${id}" class="dir-edit" id="edit-${key}">${csrfField(v)}
<label for="cap-${key}">${tr(v, 'console.dir.capacity')}</label><input id="cap-${key}" name="capacity" type="number" min="1" max="100000" required value="${h.capacity}">
<label for="mem-${key}">${tr(v, 'console.dir.members')}</label><input id="mem-${key}" name="memberIds" value="${h.memberIds.join(', ')}" inputmode="numeric">
<label for="chat-${key}">${tr(v, 'safety.dir.chat_label')}</label><input id="chat-${key}" name="telegramChatId" value="${h.telegramChatId ?? ''}" inputmode="numeric">
${h.kind === 'organization' ? html`<label for="con-${key}">${tr(v, 'console.dir.contact')}</label><input id="con-${key}" name="contact" value="${contact}" maxlength="300">` : html`<input type="hidden" name="contact" value="">`}
<button type="submit">${tr(v, 'console.dir.save', { name })}</button></form></td>`
      : html`<td>${h.capacity}</td><td>${h.memberIds.join(', ') || '—'}</td>`;
    return html`<tr id="row-${key}"${data.errorFor === key ? raw(' class="has-error"') : ''}>
<th scope="row">${name}${h.kind === 'organization' && h.sample ? html` <small>(sample)</small>` : ''}${h.memberIds.length === 0 ? html` <span class="badge urgent no-members">${tr(v, 'security.dir.no_members')}</span>` : ''}</th>
<td>${h.kind === 'organization' ? h.services.map((s) => label(v, 'console.service', s)).join('、') : h.matters.slice(0, 3).join('、') + '…'}</td>
<td class="num${over ? ' overdue' : ''}">${load} / ${h.capacity}${over ? html` <span class="badge urgent">${tr(v, 'console.dir.over')}</span>` : ''}</td>
<td>${h.telegramChatId ?? tr(v, 'console.dir.chat_missing')}</td>
${editable}
</tr>`;
  };
  const head = html`<thead><tr><th scope="col">${tr(v, 'console.dir.name')}</th><th scope="col">${tr(v, 'console.dir.services')}</th><th scope="col" class="num">${tr(v, 'console.dir.load')}</th><th scope="col">${tr(v, 'console.dir.chat')}</th>${data.canEdit ? html`<th scope="col">${tr(v, 'console.dir.capacity')}</th>` : html`<th scope="col">${tr(v, 'console.dir.capacity')}</th><th scope="col">${tr(v, 'console.dir.members')}</th>`}</tr></thead>`;
  const body = html`${flash('ok', data.ok)}${flash('error', data.error)}
<p>${tr(v, 'console.dir.note')}</p>
${waitingSection(v, data.waiting ?? [])}
${noMembersSection(v)}
<h2 id="h-departments">${tr(v, 'console.dir.departments')}</h2>
<div class="table-wrap"><table id="dir-departments" aria-labelledby="h-departments">${head}<tbody>${v.directory.departments.map(row)}</tbody></table></div>
<h2 id="h-organizations">${tr(v, 'console.dir.organizations')}</h2>
<div class="table-wrap"><table id="dir-organizations" aria-labelledby="h-organizations">${head}<tbody>${v.directory.organizations.map(row)}</tbody></table></div>`;
  return page(v, tr(v, 'console.dir.title'), body);
}

/** Messages kept in the outbox because their recipient has no chat yet (cases/waitingOutbox.ts). */
function waitingSection(v: ViewContext, waiting: WaitingGroup[]): Html {
  const name = (recipient: string): string => {
    if (recipient === 'office') return tr(v, 'safety.waiting.office');
    const [, kind, id] = recipient.split(':');
    const h = kind === 'department' || kind === 'organization' ? v.directory.handler(kind, id ?? '') : undefined;
    return h ? h.names[v.lang] : recipient;
  };
  const rows = waiting.map(
    (w) => html`<tr><th scope="row">${name(w.recipient)}</th><td>${tr(v, `safety.waiting.reason.${w.reason === 'no_office_chat' ? 'no_office_chat' : 'no_handler_chat'}`)}</td><td class="num">${w.count}</td><td>${w.oldest.toISOString().slice(0, 16).replace('T', ' ')}</td></tr>`,
  );
  return html`<section id="waiting" aria-labelledby="h-waiting"><h2 id="h-waiting">${tr(v, 'safety.waiting.title')}</h2>
${waiting.length === 0
    ? html`<p>${tr(v, 'safety.waiting.none')}</p>`
    : html`<p>${tr(v, 'safety.waiting.note')}</p><div class="table-wrap"><table id="dir-waiting" aria-labelledby="h-waiting"><thead><tr><th scope="col">${tr(v, 'safety.waiting.recipient')}</th><th scope="col">${tr(v, 'safety.waiting.reason')}</th><th scope="col" class="num">${tr(v, 'safety.waiting.count')}</th><th scope="col">${tr(v, 'safety.waiting.since')}</th></tr></thead><tbody>${rows}</tbody></table></div>`}
</section>`;
}

/** Membership fails closed: the units whose group nobody may act in until members are listed. */
function noMembersSection(v: ViewContext): Html {
  const empty = [...v.directory.departments, ...v.directory.organizations].filter((h) => h.memberIds.length === 0);
  return html`<section id="no-members" aria-labelledby="h-no-members"><h2 id="h-no-members">${tr(v, 'security.dir.no_members_title')}</h2>
${empty.length === 0
    ? html`<p>${tr(v, 'security.dir.no_members_none')}</p>`
    : html`<p>${tr(v, 'security.dir.no_members_note')}</p><ul id="dir-no-members">${empty.map((h) => html`<li><a href="#row-${h.kind}-${v.directory.handlerId(h)}">${h.names[v.lang]}</a></li>`)}</ul>`}
</section>`;
}
