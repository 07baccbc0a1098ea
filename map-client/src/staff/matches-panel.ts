import { h } from '../shared/dom';
import { api } from '../shared/api';
import { texts } from './i18n';
import type { CaseDetail } from './case-detail';
import type { MatchResponse } from '@etablera/contract';


/**
 * The case's saved requests, matched again on today's data: each candidate can be proposed
 * in one click. Also links another saved request to the case.
 */
export async function renderMatchesPanel(root: HTMLElement, c: CaseDetail, act: (work: () => Promise<unknown>) => Promise<void>): Promise<void> {
  const t = texts();
  const proposed = new Set(c.sites.map((s) => `${s.kind}:${s.ref}`));
  const parts: HTMLElement[] = [h('h3', {}, t.matches)];
  for (const r of c.requests) {
    const out = h('div', { class: 'matches', 'data-request': r.id });
    const show = h('button', { type: 'button', class: 'show-matches' }, `${t.showMatches} #${r.id}`);
    show.addEventListener('click', async () => {
      out.replaceChildren(h('p', {}, '…'));
      try {
        const m = await api<MatchResponse>('GET', `/api/requests/${r.id}/matches`);
        const rows = m.results.slice(0, 10).map((x) => {
          const key = `${x.kind}:${x.ref}`;
          const btn = h('button', { type: 'button', disabled: proposed.has(key) || c.closed, 'data-propose': key }, t.propose);
          btn.addEventListener('click', () => void act(() => api('POST', `/api/cases/${c.id}/sites`, { kind: x.kind, ref: x.ref })));
          return h('tr', {}, h('td', {}, x.rank), h('td', {}, t.siteKinds[x.kind]), h('td', {}, x.ref), h('td', {}, x.areaRef ?? ''),
            h('td', {}, `${Math.round(x.usableAreaM2)} m²`), h('td', {}, x.score.toFixed(2)),
            h('td', {}, x.transit ? `${Math.round(x.transit.distanceM)} m ${x.transit.name}` : '–'), h('td', {}, btn));
        });
        const excluded = Object.entries(m.excluded).filter(([, n]) => n > 0).map(([k, n]) => `${k}: ${n}`).join(', ');
        out.replaceChildren(rows.length ? h('table', {}, ...rows) : h('p', {}, t.noMatches), excluded ? h('p', { class: 'muted' }, `${t.excluded}: ${excluded}`) : '');
      } catch (err) {
        out.replaceChildren(h('p', { class: 'error' }, t.error.replace('{message}', (err as Error).message)));
      }
    });
    parts.push(h('div', {}, show, out));
  }
  if (!c.closed) {
    const reqId = h('input', { type: 'number', min: 1, id: 'link-request-id', placeholder: '#' });
    const form = h('form', { class: 'row', id: 'link-request-form' }, h('label', {}, t.linkRequest, ' ', reqId), h('button', { type: 'submit' }, t.link));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void act(() => api('POST', `/api/cases/${c.id}/requests`, { requestId: Number(reqId.value) }));
    });
    parts.push(form);
  }
  root.replaceChildren(...parts);
}
