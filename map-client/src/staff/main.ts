// The business unit's page: sign in, cases (list, detail) and the KPI dashboard.
import type { SessionUser } from '@etablera/contract';
import './staff.css';
import { h } from '../shared/dom';
import { api, ApiError } from '../shared/api';
import { currentLang, setLang, texts } from './i18n';
import { renderCaseList } from './case-list';
import { renderCaseDetail } from './case-detail';
import { renderKpis } from './kpi-dashboard';

type View = { name: 'list' } | { name: 'case'; id: number } | { name: 'kpis' };
interface Me {
  user: SessionUser;
}

const root = document.getElementById('staff-root')!;
const tabs = document.getElementById('tabs')!;
const who = document.getElementById('who')!;
const langButton = document.getElementById('lang-switch') as HTMLButtonElement;
let view: View = { name: 'list' };
let me: Me['user'] | undefined;

function viewFromHash(): View {
  const m = /^#case-(\d+)$/.exec(location.hash);
  if (m) return { name: 'case', id: Number(m[1]) };
  return location.hash === '#kpis' ? { name: 'kpis' } : { name: 'list' };
}

async function show(next: View): Promise<void> {
  view = next;
  const hash = next.name === 'case' ? `#case-${next.id}` : next.name === 'kpis' ? '#kpis' : '#cases';
  if (location.hash !== hash) history.replaceState(null, '', hash);
  renderChrome();
  document.body.removeAttribute('data-ready');
  if (next.name === 'kpis') await renderKpis(root);
  else if (next.name === 'case') await renderCaseDetail(root, next.id, () => void show({ name: 'list' }), me?.id);
  else await renderCaseList(root, (id) => void show({ name: 'case', id }));
  document.body.setAttribute('data-ready', next.name);
}

function renderChrome(): void {
  const t = texts();
  document.title = t.title;
  langButton.textContent = t.switchLang;
  if (!me) {
    tabs.replaceChildren();
    who.textContent = '';
    return;
  }
  const tab = (label: string, target: View, current: boolean) => {
    const b = h('button', { type: 'button', id: `tab-${target.name}`, 'aria-current': current ? 'page' : undefined }, label);
    b.addEventListener('click', () => void show(target));
    return b;
  };
  tabs.replaceChildren(tab(t.tabCases, { name: 'list' }, view.name !== 'kpis'), tab(t.tabKpis, { name: 'kpis' }, view.name === 'kpis'));
  const out = h('button', { type: 'button', id: 'sign-out' }, t.signOut);
  out.addEventListener('click', async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    me = undefined;
    renderSignIn();
  });
  who.replaceChildren(`${me.name} (${me.role}) `, out);
}

function renderSignIn(message = ''): void {
  const t = texts();
  renderChrome();
  const email = h('input', { id: 'login-email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
  const msg = h('p', { class: 'error', role: 'alert' }, message);
  const form = h('form', { class: 'login', id: 'login-form' }, h('h2', {}, t.signInHeading), h('label', {}, t.email, email), h('label', {}, t.password, password), h('button', { type: 'submit', id: 'login-submit' }, t.signIn), msg);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/auth/login', { email: email.value, password: password.value });
      await start();
    } catch (err) {
      msg.textContent = t.error.replace('{message}', (err as Error).message);
    }
  });
  root.replaceChildren(form);
  document.body.setAttribute('data-ready', 'sign-in');
}

async function start(): Promise<void> {
  try {
    me = (await api<Me>('GET', '/api/auth/me')).user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return renderSignIn();
    throw err;
  }
  if (!['business', 'admin'].includes(me.role)) {
    renderChrome();
    root.replaceChildren(h('p', { class: 'error' }, texts().notStaff));
    return;
  }
  await show(viewFromHash());
}

langButton.addEventListener('click', () => {
  setLang(currentLang() === 'sv' ? 'en' : 'sv');
  if (me) void show(view);
  else renderSignIn();
});

setLang(currentLang());
void start();
