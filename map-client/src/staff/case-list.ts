import { STAGES, type CaseSummary } from '@etablera/contract';
import { h, select } from '../shared/dom';
import { fmtDate } from './format';
import { api } from '../shared/api';
import { texts } from './i18n';

export type { CaseSummary };

const filter = { stage: '', q: '' };

/** The case list with filter and the new-case form (blank or from a saved request). */
export async function renderCaseList(root: HTMLElement, open: (id: number) => void): Promise<void> {
  const t = texts();
  const stageSel = select('filter-stage', [['', t.all], ...STAGES.map((s): [string, string] => [s, t.stages[s]])], filter.stage);
  const q = h('input', { type: 'search', id: 'filter-q', value: filter.q, placeholder: t.search });
  const filterForm = h('form', { class: 'row' }, h('label', {}, t.filterStage, ' ', stageSel), q, h('button', { type: 'submit' }, t.search));
  filterForm.addEventListener('submit', (e) => {
    e.preventDefault();
    filter.stage = stageSel.value;
    filter.q = q.value;
    void renderCaseList(root, open);
  });

  const requestSel = select('new-case-request', [['', t.noRequest]]);
  const company = h('input', { id: 'new-case-company', placeholder: t.company });
  const newForm = h('form', { class: 'row', id: 'new-case-form' }, h('strong', {}, t.newCase), h('label', {}, t.fromRequest, ' ', requestSel), company, h('button', { type: 'submit', id: 'new-case-submit' }, t.create));
  const msg = h('p', { class: 'error', role: 'alert' });
  newForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const body = requestSel.value ? { requestIds: [Number(requestSel.value)], ...(company.value ? { companyName: company.value } : {}) } : { companyName: company.value };
      const c = await api<{ id: number }>('POST', '/api/cases', body);
      open(c.id);
    } catch (err) {
      msg.textContent = t.error.replace('{message}', (err as Error).message);
    }
  });

  const table = h('table', { id: 'case-list' });
  root.replaceChildren(newForm, msg, filterForm, table);
  api<{ requests: Array<{ id: number; companyName: string; createdAt: string; criteria: { use?: string } }> }>('GET', '/api/requests')
    .then(({ requests }) => {
      for (const r of requests) requestSel.append(h('option', { value: r.id }, `#${r.id} ${r.companyName} (${r.criteria.use ?? ''}, ${fmtDate(r.createdAt)})`));
    })
    .catch(() => undefined);

  const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  try {
    const { cases } = await api<{ cases: CaseSummary[] }>('GET', `/api/cases${params ? `?${params}` : ''}`);
    table.append(h('tr', {}, ...[t.colCompany, t.colStage, t.colJobs, t.colSites, t.colOpened, t.colLast].map((c) => h('th', {}, c))));
    for (const c of cases) {
      const link = h('a', { href: `#case-${c.id}`, 'data-case-id': c.id }, c.companyName);
      link.addEventListener('click', (e) => {
        e.preventDefault();
        open(c.id);
      });
      table.append(h('tr', {}, h('td', {}, link), h('td', {}, t.stages[c.stage]), h('td', {}, c.jobsExpected ?? t.none), h('td', {}, c.sitesProposed), h('td', {}, fmtDate(c.openedAt)), h('td', {}, fmtDate(c.lastEventAt))));
    }
    if (!cases.length) table.replaceWith(h('p', {}, t.noCases));
  } catch (err) {
    table.replaceWith(h('p', { class: 'error' }, t.error.replace('{message}', (err as Error).message)));
  }
}
