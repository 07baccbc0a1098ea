import type { PitchLink } from '@etablera/contract';
import { h } from '../shared/dom';
import { fmtDate } from './format';
import { api } from '../shared/api';
import { texts } from './i18n';
import type { CaseDetail } from './case-detail';

type Link = PitchLink;

/** Pick proposed sites and make a shareable pitch link; list links with views; revoke. */
export async function renderPitchPanel(root: HTMLElement, c: CaseDetail, refresh: () => Promise<void>): Promise<void> {
  const t = texts();
  const msg = h('p', { class: 'error', role: 'alert' });
  const boxes = c.sites.map((s) => {
    const box = h('input', { type: 'checkbox', name: 'pitch-site', value: `${s.kind}|${s.ref}` });
    box.checked = true;
    return h('label', { class: 'pick' }, box, ' ', s.name ?? s.ref);
  });
  const days = h('input', { id: 'pitch-days', type: 'number', min: 1, max: 180, value: 30 });
  const button = h('button', { type: 'submit', id: 'create-pitch' }, t.createPitch);
  const form = h('form', { id: 'pitch-form' }, ...boxes, h('label', {}, ` ${t.expiresInDays} `, days), button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const sites = [...form.querySelectorAll<HTMLInputElement>('input[name=pitch-site]:checked')].map((b) => {
      const [kind, ...ref] = b.value.split('|');
      return { kind, ref: ref.join('|') };
    });
    try {
      await api('POST', `/api/cases/${c.id}/pitch-links`, { sites, expiresInDays: Number(days.value) });
      await refresh();
    } catch (err) {
      msg.textContent = t.error.replace('{message}', (err as Error).message);
    }
  });
  const list = h('ul', { id: 'pitch-links' });
  root.replaceChildren(h('h3', {}, t.pitch), h('p', {}, t.pitchHint), ...(c.sites.length && !c.closed ? [form] : []), msg, list);
  try {
    const { links } = await api<{ links: Link[] }>('GET', `/api/cases/${c.id}/pitch-links`);
    for (const l of links) {
      const state = l.revokedAt ? t.revoked : !l.active ? t.expired : `${t.expires} ${fmtDate(l.expiresAt)}`;
      const revoke = h('button', { type: 'button', class: 'revoke' }, t.revoke);
      revoke.addEventListener('click', async () => {
        await api('POST', `/api/cases/${c.id}/pitch-links/${l.id}/revoke`);
        await refresh();
      });
      list.append(
        h('li', { 'data-active': String(l.active) },
          h('a', { href: l.url, target: '_blank', rel: 'noopener', class: 'pitch-link' }, `${location.origin}${l.url}`),
          ` · ${l.sites.length} · ${l.views} ${t.views} · ${state} `, l.active ? revoke : null),
      );
    }
  } catch (err) {
    msg.textContent = t.error.replace('{message}', (err as Error).message);
  }
}
