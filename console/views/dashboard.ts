import type { TrendRow } from '../../cases/reportRepository.js';
import type { CaseStats } from '../../cases/caseService.js';
import { html, jsonScript, type Html } from '../html.js';
import { label, page, percent, targetName, tr, type ViewContext } from './common.js';

export interface DashboardData {
  from: string;
  to: string;
  stats: CaseStats;
  acceptance: Record<string, { referred: number; accepted: number; declined: number; open: number; rate: number | null }>;
  trends: TrendRow[];
  bucket: 'day' | 'week';
}

/** The dashboard's figures as flat rows: the CSV download and the page show the same numbers. */
export function dashboardRows(d: DashboardData): Array<[string, string, string, number | string]> {
  const rows: Array<[string, string, string, number | string]> = [];
  const rate = (r: number | null) => (r === null ? '' : r.toFixed(4));
  rows.push(['total', '', 'cases', d.stats.total]);
  for (const [k, n] of Object.entries(d.stats.byCategory)) rows.push(['by_category', k, 'cases', n]);
  for (const [k, n] of Object.entries(d.stats.byTarget)) rows.push(['by_target', k, 'cases', n]);
  for (const [k, n] of Object.entries(d.stats.byStatus)) rows.push(['by_status', k, 'cases', n]);
  for (const [k, o] of Object.entries(d.stats.onTime)) {
    rows.push(['on_time', k, 'met', o.met], ['on_time', k, 'late', o.late], ['on_time', k, 'rate', rate(o.rate)]);
  }
  const s = d.stats.satisfaction;
  rows.push(
    ['satisfaction', 'satisfied', 'answers', s.satisfied],
    ['satisfaction', 'basically_satisfied', 'answers', s.basicallySatisfied],
    ['satisfaction', 'dissatisfied', 'answers', s.dissatisfied],
    ['satisfaction', 'no_answer', 'answers', s.noAnswer],
    ['satisfaction', 'all', 'rate', rate(s.rate)],
  );
  for (const [org, a] of Object.entries(d.acceptance)) {
    rows.push(['org_acceptance', org, 'referred', a.referred], ['org_acceptance', org, 'accepted', a.accepted], ['org_acceptance', org, 'declined', a.declined], ['org_acceptance', org, 'rate', rate(a.rate)]);
  }
  for (const t of d.trends) {
    rows.push(['trend_' + d.bucket, t.bucket, 'received', t.received], ['trend_' + d.bucket, t.bucket, 'resolved', t.resolved], ['trend_' + d.bucket, t.bucket, 'answered', t.answered], ['trend_' + d.bucket, t.bucket, 'satisfied', t.satisfied]);
  }
  return rows;
}

export function dashboardCsv(d: DashboardData): string {
  // Cells that start with =, +, - or @ are prefixed so a spreadsheet never runs them as formulas.
  const cell = (v: string | number) => {
    let s = String(v);
    if (/^[=+\-@]/.test(s)) s = `'${s}`;
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [['metric', 'key', 'measure', 'value'], ...dashboardRows(d)].map((r) => r.map(cell).join(','));
  return `# period ${d.from} .. ${d.to} (received, Asia/Shanghai)\n${lines.join('\n')}\n`;
}

function countTable(v: ViewContext, id: string, caption: string, entries: Array<[string, number]>): Html {
  return html`<table id="${id}"><caption>${caption}</caption><thead><tr><th scope="col">${caption}</th><th scope="col" class="num">${tr(v, 'console.dash.count')}</th></tr></thead>
<tbody>${entries.length ? entries.map(([k, n]) => html`<tr><td>${k}</td><td class="num">${n}</td></tr>`) : html`<tr><td colspan="2">${tr(v, 'console.dash.no_data')}</td></tr>`}</tbody></table>`;
}

export function dashboardPage(v: ViewContext, d: DashboardData): Html {
  const s = d.stats;
  const sorted = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1]);
  const chartData = {
    labels: d.trends.map((t) => t.bucket),
    series: {
      received: { label: tr(v, 'console.dash.received'), data: d.trends.map((t) => t.received) },
      resolved: { label: tr(v, 'console.dash.resolved'), data: d.trends.map((t) => t.resolved) },
      satisfaction: { label: tr(v, 'console.dash.chart_satisfaction'), data: d.trends.map((t) => (t.answered ? Math.round((t.satisfied / t.answered) * 1000) / 10 : null)) },
    },
  };
  const body = html`<form method="get" action="/dashboard" class="filters">
<fieldset><legend>${tr(v, 'console.dash.period')}</legend>
<div><label for="d-from">${tr(v, 'console.dash.from')}</label><input type="date" id="d-from" name="from" value="${d.from}" required></div>
<div><label for="d-to">${tr(v, 'console.dash.to')}</label><input type="date" id="d-to" name="to" value="${d.to}" required></div>
<div><button type="submit">${tr(v, 'console.dash.apply')}</button></div>
<div><a class="button secondary" href="/dashboard.csv?from=${d.from}&amp;to=${d.to}" download>${tr(v, 'console.dash.csv')}</a></div>
</fieldset></form>
<div class="cards">
<div class="card"><span class="big" id="dash-total">${s.total}</span><span>${tr(v, 'console.dash.total')}</span></div>
<div class="card"><span class="big" id="dash-satisfaction">${percent(s.satisfaction.rate)}</span><span>${tr(v, 'console.dash.satisfaction')}</span><small>${tr(v, 'console.dash.answered')}: ${s.satisfaction.answered}</small></div>
</div>
<div class="grid2">
${countTable(v, 'dash-category', tr(v, 'console.dash.by_category'), sorted(s.byCategory).map(([k, n]) => [label(v, 'console.category', k), n]))}
${countTable(v, 'dash-target', tr(v, 'console.dash.by_target'), sorted(s.byTarget).map(([k, n]) => [k === 'none' ? tr(v, 'console.none') : targetName(v, k), n]))}
${countTable(v, 'dash-status', tr(v, 'console.dash.by_status'), sorted(s.byStatus).map(([k, n]) => [label(v, 'console.status', k), n]))}
</div>
<h2>${tr(v, 'console.dash.on_time')}</h2>
<div class="table-wrap"><table id="dash-ontime"><thead><tr><th scope="col">${tr(v, 'console.col.kind')}</th><th scope="col" class="num">${tr(v, 'console.dash.met')}</th><th scope="col" class="num">${tr(v, 'console.dash.late')}</th><th scope="col" class="num">${tr(v, 'console.dash.rate')}</th></tr></thead>
<tbody>${Object.entries(s.onTime).length
    ? Object.entries(s.onTime).map(([k, o]) => html`<tr><td>${label(v, 'console.clock', k)}</td><td class="num">${o.met}</td><td class="num">${o.late}</td><td class="num">${percent(o.rate)}</td></tr>`)
    : html`<tr><td colspan="4">${tr(v, 'console.dash.no_data')}</td></tr>`}</tbody></table></div>
<h2>${tr(v, 'console.dash.acceptance')}</h2>
<div class="table-wrap"><table id="dash-acceptance"><thead><tr><th scope="col">${tr(v, 'console.dash.organization')}</th><th scope="col" class="num">${tr(v, 'console.dash.referred')}</th><th scope="col" class="num">${tr(v, 'console.dash.accepted')}</th><th scope="col" class="num">${tr(v, 'console.dash.declined')}</th><th scope="col" class="num">${tr(v, 'console.dash.open')}</th><th scope="col" class="num">${tr(v, 'console.dash.rate')}</th></tr></thead>
<tbody>${Object.entries(d.acceptance).length
    ? Object.entries(d.acceptance).map(([org, a]) => html`<tr><td>${v.directory.organization(org)?.names[v.lang] ?? org}</td><td class="num">${a.referred}</td><td class="num">${a.accepted}</td><td class="num">${a.declined}</td><td class="num">${a.open}</td><td class="num">${percent(a.rate)}</td></tr>`)
    : html`<tr><td colspan="6">${tr(v, 'console.dash.no_data')}</td></tr>`}</tbody></table></div>
<h2>${tr(v, 'console.dash.trends')}</h2>
<div class="charts">
<figure><figcaption id="cap-volume">${tr(v, 'console.dash.chart_volume')}</figcaption><div class="chart-box"><canvas id="chart-volume" role="img" aria-labelledby="cap-volume"></canvas></div></figure>
<figure><figcaption id="cap-sat">${tr(v, 'console.dash.chart_satisfaction')}</figcaption><div class="chart-box"><canvas id="chart-satisfaction" role="img" aria-labelledby="cap-sat"></canvas></div></figure>
</div>
<details><summary>${tr(v, 'console.dash.trends')} (${tr(v, 'console.dash.bucket')})</summary>
<div class="table-wrap"><table id="dash-trends"><thead><tr><th scope="col">${tr(v, 'console.dash.bucket')}</th><th scope="col" class="num">${tr(v, 'console.dash.received')}</th><th scope="col" class="num">${tr(v, 'console.dash.resolved')}</th><th scope="col" class="num">${tr(v, 'console.dash.answered')}</th><th scope="col" class="num">${tr(v, 'console.dash.chart_satisfaction')}</th></tr></thead>
<tbody>${d.trends.map((t) => html`<tr><td>${t.bucket}</td><td class="num">${t.received}</td><td class="num">${t.resolved}</td><td class="num">${t.answered}</td><td class="num">${percent(t.answered ? t.satisfied / t.answered : null)}</td></tr>`)}</tbody></table></div>
</details>
<script type="application/json" id="trend-data">${jsonScript(chartData)}</script>`;
  return page(v, tr(v, 'console.dash.title'), body, { scripts: ['/static/chart.umd.min.js', '/static/console.js'] });
}
