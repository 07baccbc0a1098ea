import { ACTIVE_STAGES, EVENT_KINDS, STAGES, type CaseDetail, type Stage } from '@etablera/contract';
import { h, select } from '../shared/dom';
import { fmtDate, fmtDateTime, occurredAtFrom } from './format';
import { api } from '../shared/api';
import { texts, type Texts } from './i18n';
import { renderPitchPanel } from './pitch-panel';
import { renderMatchesPanel } from './matches-panel';

export type { CaseDetail };

const ACTIVE: readonly Stage[] = ACTIVE_STAGES;
const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);

function eventText(t: Texts, e: CaseDetail['events'][number]): string {
  if (e.kind === 'stage_change') return `${e.fromStage ? `${t.stages[e.fromStage]} → ` : ''}${e.toStage ? t.stages[e.toStage] : ''}${e.body ? `: ${e.body}` : ''}`;
  if (e.kind === 'site_proposed') return `${e.siteRef}${e.body ? `: ${e.body}` : ''}`;
  if (e.kind === 'site_response') return `${e.siteRef}: ${e.response ? t.responses[e.response] : ''}${e.body ? ` – ${e.body}` : ''}`;
  return e.body ?? '';
}

/** One case: facts, stage change, timeline, checklist, proposed sites and the pitch panel. */
export async function renderCaseDetail(root: HTMLElement, id: number, back: () => void, meId?: number): Promise<void> {
  const t = texts();
  const lang = document.documentElement.lang === 'en' ? 'en' : 'sv';
  const msg = h('p', { class: 'error', role: 'alert', id: 'case-error' });
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await renderCaseDetail(root, id, back, meId);
    } catch (err) {
      msg.textContent = t.error.replace('{message}', (err as Error).message);
    }
  };
  let c: CaseDetail;
  try {
    c = await api<CaseDetail>('GET', `/api/cases/${id}`);
  } catch (err) {
    root.replaceChildren(h('p', { class: 'error' }, t.error.replace('{message}', (err as Error).message)));
    return;
  }
  const backLink = h('a', { href: '#', id: 'back-to-list' }, t.back);
  backLink.addEventListener('click', (e) => {
    e.preventDefault();
    back();
  });

  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', {}, t.stage), h('dd', { id: 'case-stage', 'data-stage': c.stage }, t.stages[c.stage]),
    c.outcome ? h('dt', {}, t.outcome) : null, c.outcome ? h('dd', {}, `${t.stages[c.outcome]}${c.lostReason ? ` (${t.lostReasons[c.lostReason]})` : ''}${c.satisfactionScore ? ` · ${c.satisfactionScore}/10` : ''}`) : null,
    h('dt', {}, t.contact), h('dd', {}, [c.contactName, c.contactEmail, c.contactPhone].filter(Boolean).join(' · ') || t.none),
    h('dt', {}, t.officer), h('dd', { id: 'case-officer' }, c.officerId ? `#${c.officerId}` : t.unassigned),
    h('dt', {}, t.sector), h('dd', {}, c.sector ?? t.none),
    h('dt', {}, t.jobs), h('dd', {}, c.jobsExpected ?? t.none),
    h('dt', {}, t.investment), h('dd', {}, c.investmentMsek ?? t.none),
    h('dt', {}, t.requests), h('dd', {}, c.requests.map((r) => `#${r.id} ${String(r.criteria.use ?? '')} ≥ ${String(r.criteria.minAreaM2 ?? '')} m²`).join(', ') || t.none),
  );

  // stage change (or reopen / follow-up when closed)
  const stageOptions = c.closed || c.stage === 'follow_up'
    ? [...(c.closed ? (['follow_up'] as const) : []), ...ACTIVE]
    : STAGES.filter((s) => s !== c.stage && s !== 'follow_up');
  const stageSel = select('stage-select', stageOptions.map((s): [string, string] => [s, t.stages[s]]));
  const note = h('input', { id: 'stage-note', placeholder: t.noteSkip, size: 30 });
  const reason = select('lost-reason', [['', t.lostReason], ...Object.entries(t.lostReasons)]);
  const score = h('input', { id: 'satisfaction', type: 'number', min: 1, max: 10, placeholder: t.satisfaction });
  const when = h('input', { id: 'stage-date', type: 'date' });
  const stageForm = h('form', { class: 'row', id: 'stage-form' }, h('strong', {}, t.changeStage), stageSel, note, reason, score, when, h('button', { type: 'submit' }, c.closed || c.stage === 'follow_up' ? `${t.move} / ${t.reopen}` : t.move));
  stageForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const reopen = (c.closed || c.stage === 'follow_up') && isStage(stageSel.value) && ACTIVE.includes(stageSel.value);
    const occurredAt = occurredAtFrom(when.value);
    const body: Record<string, unknown> = { stage: stageSel.value, ...(note.value ? { note: note.value } : {}), ...(occurredAt ? { occurredAt } : {}) };
    if (!reopen) {
      if (reason.value) body.lostReason = reason.value;
      if (score.value) body.satisfactionScore = Number(score.value);
    }
    void run(() => api('POST', `/api/cases/${id}/${reopen ? 'reopen' : 'stage'}`, body, c.version));
  });

  // timeline
  const evKind = select('event-kind', EVENT_KINDS.map((k): [string, string] => [k, t.events[k]]));
  const evText = h('input', { id: 'event-text', placeholder: t.text, size: 40 });
  const evDate = h('input', { id: 'event-date', type: 'date' });
  const evForm = h('form', { class: 'row', id: 'event-form' }, evKind, evText, evDate, h('button', { type: 'submit' }, t.addEvent));
  evForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const occurredAt = occurredAtFrom(evDate.value);
    void run(() => api('POST', `/api/cases/${id}/events`, { kind: evKind.value, body: evText.value, ...(occurredAt ? { occurredAt } : {}) }));
  });
  const timeline = h('ol', { id: 'timeline', class: 'timeline' }, ...c.events.map((e) =>
    h('li', { 'data-kind': e.kind }, h('time', { datetime: e.occurredAt }, fmtDateTime(e.occurredAt)), ' ', h('strong', {}, t.events[e.kind]), ' ', eventText(t, e),
      h('small', {}, ` (${lang === 'en' ? 'recorded' : 'registrerad'} ${fmtDate(e.recordedAt)}${e.recordedBy ? ` #${e.recordedBy}` : ''})`))));

  // checklist of the current stage
  const items = c.checklist.filter((i) => i.stage === c.stage);
  const checklist = h('ul', { id: 'checklist', class: 'checklist' }, ...items.map((i) => {
    const box = h('input', { type: 'checkbox', 'data-item': i.id });
    box.checked = i.done;
    box.addEventListener('change', () => void run(() => api('PUT', `/api/cases/${id}/checklist/${i.id}`, { done: box.checked })));
    return h('li', {}, h('label', {}, box, ' ', lang === 'en' ? i.labelEn : i.labelSv));
  }));

  // proposed sites
  const siteKind = select('site-kind', [['land', t.siteKinds.land], ['premises', t.siteKinds.premises]]);
  const siteRef = h('input', { id: 'site-ref', placeholder: t.siteRef, size: 28, list: 'site-refs' });
  const siteForm = h('form', { class: 'row', id: 'site-form' }, h('strong', {}, t.proposeSite), siteKind, siteRef, h('button', { type: 'submit', id: 'site-submit' }, t.propose));
  siteForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(() => api('POST', `/api/cases/${id}/sites`, { kind: siteKind.value, ref: siteRef.value.trim() }));
  });
  const sites = c.sites.length
    ? h('table', { id: 'sites' }, ...c.sites.map((s) => {
        const resp = select(`response-${s.id}`, Object.entries(t.responses), s.response);
        resp.addEventListener('change', () => void run(() => api('PUT', `/api/cases/${id}/sites/${s.id}/response`, { response: resp.value })));
        return h('tr', { 'data-ref': s.ref }, h('td', {}, t.siteKinds[s.kind]), h('td', {}, s.name ?? s.ref), h('td', {}, s.areaRef ?? ''), h('td', {}, fmtDate(s.proposedAt)), h('td', {}, resp));
      }))
    : h('p', { id: 'sites' }, t.noSites);

  // edit the company's facts (If-Match: the version read)
  const edit = h('details', { id: 'edit-case' }, h('summary', {}, t.edit));
  const field = (name: keyof CaseDetail, label: string, type = 'text') => {
    const input = h('input', { name, type, value: c[name] == null ? '' : String(c[name]) });
    return h('label', {}, label, ' ', input);
  };
  const editForm = h('form', { class: 'row' },
    field('companyName', t.company), field('sector', t.sector), field('jobsExpected', t.jobs, 'number'), field('investmentMsek', t.investment, 'number'),
    field('contactName', t.contact), field('contactEmail', t.email, 'email'), field('contactPhone', t.phone),
    h('button', { type: 'submit' }, t.save));
  editForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(editForm);
    const text = (k: string) => String(data.get(k) ?? '').trim() || null;
    const jobs = text('jobsExpected');
    const investment = text('investmentMsek');
    void run(() => api('PATCH', `/api/cases/${id}`, {
      companyName: text('companyName') ?? c.companyName, sector: text('sector'), jobsExpected: jobs === null ? null : Number(jobs), investmentMsek: investment === null ? null : Number(investment),
      contactName: text('contactName'), contactEmail: text('contactEmail'), contactPhone: text('contactPhone'),
    }, c.version));
  });
  edit.append(editForm);
  const pitch = h('section', { id: 'pitch-panel' });
  const matches = h('section', { id: 'matches-panel' });
  const assign = h('button', { type: 'button', id: 'assign-me' }, t.assignMe);
  assign.addEventListener('click', () => void run(() => api('PATCH', `/api/cases/${id}`, { officerId: meId }, c.version)));
  root.replaceChildren(...([] as Array<HTMLElement | null>).concat([
    backLink,
    h('h2', { id: 'case-title' }, c.companyName),
    msg,
    c.closed ? h('p', { class: 'note' }, t.closedNote) : null,
    facts,
    meId && c.officerId !== meId && !c.closed ? assign : null,
    c.closed ? null : edit,
    stageForm,
    h('div', { class: 'columns' },
      h('section', {}, h('h3', {}, t.timeline), c.closed ? null : evForm, timeline),
      h('section', {}, h('h3', {}, `${t.checklist} – ${t.stages[c.stage]}`), checklist,
        h('h3', {}, t.sites), c.closed ? null : siteForm, sites, pitch)),
    matches,
  ]).filter((x): x is HTMLElement => !!x));
  await renderPitchPanel(pitch, c, () => renderCaseDetail(root, id, back, meId));
  await renderMatchesPanel(matches, c, run);
}
