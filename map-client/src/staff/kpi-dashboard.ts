import { ACTIVE_STAGES, STAGES, type Kpis, type LostReason } from '@etablera/contract';
import { h } from '../shared/dom';
import { api } from '../shared/api';
import { texts } from './i18n';
import { barChart, timeChart } from './charts';


const state = { from: '', to: '' };

/** The KPI dashboard: period, figure cards, charts and the CSV link. */
export async function renderKpis(root: HTMLElement): Promise<void> {
  const t = texts();
  const qs = () => new URLSearchParams(Object.entries(state).filter(([, v]) => v)).toString();
  const from = h('input', { type: 'date', id: 'kpi-from', value: state.from });
  const to = h('input', { type: 'date', id: 'kpi-to', value: state.to });
  const csv = h('a', { href: `/api/kpis?${qs()}${qs() ? '&' : ''}format=csv`, id: 'kpi-csv', download: 'etablera-kpis.csv' }, t.kpiCsv);
  const body = h('div', { id: 'kpi-body' });
  const form = h(
    'form',
    { class: 'row', id: 'kpi-form' },
    h('label', {}, t.kpiFrom, ' ', from),
    h('label', {}, t.kpiTo, ' ', to),
    h('button', { type: 'submit' }, t.kpiShow),
    csv,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.from = from.value;
    state.to = to.value;
    void renderKpis(root);
  });
  root.replaceChildren(form, body);
  try {
    const k = await api<Kpis>('GET', `/api/kpis${qs() ? `?${qs()}` : ''}`);
    const card = (label: string, value: number | null) => h('div', { class: 'card' }, h('div', { class: 'value' }, value == null ? t.none : String(value)), h('div', {}, label));
    const months = [...new Set(k.requestsPerUseAndArea.map((r) => r.month))];
    // one series per use and named area, as the API counts them (a request naming two areas is in both)
    const key = (r: Kpis['requestsPerUseAndArea'][number]) => `${r.use ?? '?'} · ${r.areaRef ?? t.none}`;
    const keys = [...new Set(k.requestsPerUseAndArea.map(key))];
    const perUse = keys.map((name) => ({
      name,
      values: months.map((m) => k.requestsPerUseAndArea.filter((r) => r.month === m && key(r) === name).reduce((a, r) => a + r.requests, 0)),
    }));
    body.replaceChildren(
      h(
        'div',
        { class: 'cards' },
        card(t.kpiCases, k.casesInPeriod),
        card(t.kpiDaysToProposal, k.medianDaysToFirstProposal),
        card(t.kpiWon, k.won),
        card(t.kpiLost, k.lost),
        card(t.kpiJobsOpen, k.jobsInOpenCases),
        card(t.kpiJobsEstablished, k.jobsEstablished),
        card(t.kpiInvestOpen, k.investmentMsekInOpenCases),
        card(t.kpiInvestEstablished, k.investmentMsekEstablished),
        card(t.kpiSatisfaction, k.satisfactionMean),
        card(t.kpiProposals, k.proposalsPerCase),
      ),
      h(
        'div',
        { class: 'charts' },
        barChart(t.kpiOpenByStage, ACTIVE_STAGES.map((s) => ({ label: t.stages[s], value: k.openByStage[s] ?? 0 }))),
        barChart(t.kpiDaysInStage, STAGES.map((s) => ({ label: t.stages[s], value: k.medianDaysInStage[s] ?? null })), ' d'),
        barChart(t.kpiLostReasons, Object.entries(k.lostReasons).map(([r, n]) => ({ label: t.lostReasons[r as LostReason] ?? r, value: n ?? 0 }))),
        timeChart(t.kpiRequests, months, perUse),
      ),
    );
  } catch (err) {
    body.replaceChildren(h('p', { class: 'error' }, t.error.replace('{message}', (err as Error).message)));
  }
}
