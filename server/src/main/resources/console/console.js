// FlexConf console: reads the admin API of the server that serves it, shows one account (or the list of
// accounts), and polls for changes. Everything shown is set as text, never as HTML: request bodies are
// whatever clients sent.
(function () {
  'use strict';

  const ADMIN = '/__flexconf';
  const POLL_MS = 1000;
  const RETRY_MS = 2000;
  const TOKEN_KEY = 'flexconf-admin-token';
  const params = new URLSearchParams(location.search);
  const account = params.get('account');
  const $ = (id) => document.getElementById(id);
  const openEntries = new Set();
  let live = true;
  let lastJournal = '';
  let lastState = '';
  let knownOperations = new Set();

  /** Thrown for an answer that is not 2xx: its status and Twilio's message. */
  class Refused extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }
  class NeedsToken extends Error {}

  async function get(path) {
    const headers = { Accept: 'application/json' };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(ADMIN + path, { headers, cache: 'no-store' });
    if (response.status === 401) throw new NeedsToken();
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw new Refused(response.status, body && body.message ? body.message : 'HTTP ' + response.status);
    }
    return body;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function when(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  }

  // ---- connection state: up, down (not answering), or refusing (an error answer) ----

  function connected() {
    $('connection').textContent = 'Connected to ' + location.host;
    $('connection').classList.remove('down');
    $('problem').hidden = true;
    $('token-form').hidden = true;
  }

  function failed(error) {
    if (error instanceof NeedsToken) {
      $('connection').textContent = 'Admin token needed';
      $('token-form').hidden = false;
      return;
    }
    $('problem').hidden = false;
    if (error instanceof Refused) {
      $('connection').textContent = 'Connected to ' + location.host;
      $('connection').classList.remove('down');
      $('problem').textContent = 'FlexConf answered ' + error.status + ': ' + error.message;
    } else {
      $('connection').textContent = 'Disconnected';
      $('connection').classList.add('down');
      $('problem').textContent = 'FlexConf is not answering at ' + location.host
        + ' (stopped, or restarting). Retrying every ' + RETRY_MS / 1000 + ' s…';
    }
  }

  // ---- the start page ----

  async function showStart() {
    $('start').hidden = false;
    const list = await get('/accounts');
    connected();
    const items = list.accounts.map((a) => el('li', {},
      el('a', { href: '?account=' + encodeURIComponent(a.account_sid), class: 'sid mono' }, a.account_sid),
      el('span', { class: 'counts' }, a.plugins + ' plugins, ' + a.configurations + ' configurations, '
        + a.releases + ' releases')));
    $('accounts').replaceChildren(...items);
    $('no-accounts').hidden = items.length > 0;
  }

  // ---- one account ----

  function renderActive(timeline, configurations) {
    const active = timeline.releases.find((r) => r.active);
    if (!active) {
      $('active').replaceChildren(el('p', { class: 'empty' }, 'Nothing released yet: no configuration is active.'));
      return;
    }
    const configuration = configurations.find((c) => c.sid === active.configuration_sid);
    $('active').replaceChildren(el('div', { class: 'active-card', id: 'active-configuration' },
      el('p', {}, el('span', { class: 'badge active' }, 'Active'), el('strong', {}, active.configuration_name), ' ',
        el('code', {}, active.configuration_sid)),
      el('p', { class: 'meta' }, 'Released ' + when(active.date_created) + ' by ', el('code', {}, active.sid)),
      configuration ? pluginList(configuration.plugins) : null));
  }

  function pluginList(plugins) {
    if (!plugins || plugins.length === 0) return el('p', { class: 'meta' }, 'No plugins.');
    return el('ul', {}, ...plugins.map((p) => el('li', {}, el('span', { class: 'mono' }, p.unique_name), ' ' + p.version)));
  }

  function changeText(c) {
    switch (c.change) {
      case 'added': return 'Added ' + c.unique_name + ' ' + c.to_version;
      case 'removed': return 'Removed ' + c.unique_name + ' ' + c.from_version;
      case 'upgraded': return 'Upgraded ' + c.unique_name + ' ' + c.from_version + ' → ' + c.to_version;
      default: return 'Downgraded ' + c.unique_name + ' ' + c.from_version + ' → ' + c.to_version;
    }
  }

  function renderTimeline(timeline) {
    const older = new Map(timeline.releases.map((r) => [r.sid, r]));
    const items = timeline.releases.map((r, i) => {
      const first = i === timeline.releases.length - 1;
      const back = r.rollback ? older.get(r.rolls_back_to) : null;
      return el('li', { class: 'release' + (r.active ? ' active' : '') + (r.rollback ? ' rollback' : ''),
        'data-sid': r.sid },
        el('div', { class: 'release-head' },
          r.active ? el('span', { class: 'badge active' }, 'Active') : null,
          r.rollback ? el('span', { class: 'badge rollback' }, 'Rollback') : null,
          el('strong', {}, r.configuration_name), el('code', {}, r.configuration_sid)),
        el('p', { class: 'meta' }, 'Released ' + when(r.date_created) + ' · ', el('code', {}, r.sid)),
        back ? el('p', { class: 'rollback-note' }, 'Rolled back to the configuration of the release of '
          + when(back.date_created) + ' (', el('code', {}, back.sid), ')') : null,
        el('ul', { class: 'changes' }, ...(r.changes.length === 0
          ? [el('li', { class: 'change none' }, first ? 'First release, without plugins' : 'No plugin changes')]
          : r.changes.map((c) => el('li', { class: 'change ' + c.change }, changeText(c))))));
    });
    $('timeline').replaceChildren(...(items.length ? items
      : [el('li', { class: 'empty' }, 'No release yet.')]));
  }

  function renderPlugins(plugins) {
    $('plugins').replaceChildren(...(plugins.length ? plugins.map((p) => el('li', { class: p.archived ? 'archived' : '' },
      el('h4', {}, p.unique_name, ' ', p.archived ? el('span', { class: 'badge archived' }, 'Archived') : null),
      el('p', { class: 'meta' }, p.friendly_name || ''),
      el('p', { class: 'meta' }, el('code', {}, p.sid)),
      el('ul', {}, ...(p.versions || []).map((v) => el('li', { class: v.archived ? 'archived' : '' },
        v.version + ' ', v.archived ? el('span', { class: 'badge archived' }, 'Archived') : null,
        v.private ? el('span', { class: 'meta' }, '(private) ') : null,
        el('code', {}, v.sid))))))
      : [el('li', { class: 'empty' }, 'No plugins.')]));
  }

  function renderConfigurations(configurations, activeSid) {
    const newestFirst = [...configurations].reverse();
    $('configurations').replaceChildren(...(newestFirst.length ? newestFirst.map((c) => el('li', { class: c.archived ? 'archived' : '' },
      el('h4', {}, c.sid === activeSid ? el('span', { class: 'badge active' }, 'Active') : null, c.name, ' ',
        c.archived ? el('span', { class: 'badge archived' }, 'Archived') : null),
      c.description ? el('p', { class: 'meta' }, c.description) : null,
      el('p', { class: 'meta' }, 'Created ' + when(c.date_created) + ' · ', el('code', {}, c.sid)),
      pluginList(c.plugins)))
      : [el('li', { class: 'empty' }, 'No configurations.')]));
  }

  async function refreshState() {
    const [exported, timeline] = await Promise.all([
      get('/export?AccountSid=' + encodeURIComponent(account)),
      get('/timeline?AccountSid=' + encodeURIComponent(account))]);
    const key = JSON.stringify([exported, timeline]);
    if (key === lastState) return;
    lastState = key;
    const plugins = exported.plugins || [];
    const configurations = exported.configurations || [];
    $('empty-account').hidden = plugins.length + configurations.length + timeline.releases.length > 0;
    renderActive(timeline, configurations);
    renderTimeline(timeline);
    renderPlugins(plugins);
    renderConfigurations(configurations, timeline.active_configuration_sid);
  }

  function journalEntry(e) {
    const statusClass = 'status s' + String(e.status || 0).charAt(0);
    const details = el('details', { 'data-id': String(e.id) },
      el('summary', {},
        el('span', { class: 'mono' }, new Date(e.received).toLocaleTimeString(undefined, { hour12: false })),
        el('span', { class: 'mono' }, e.method),
        el('span', { class: 'path mono' }, e.path + (e.query ? '?' + e.query : '')),
        el('span', { class: statusClass }, String(e.status)),
        el('span', {}, e.operation || 'no operation'),
        el('span', { class: 'meta' }, e.duration_ms + ' ms')),
      el('dl', {},
        el('dt', {}, 'Status'), el('dd', {}, String(e.status)),
        el('dt', {}, 'Operation'), el('dd', {}, e.operation || '—'),
        el('dt', {}, 'Received'), el('dd', {}, when(e.received)),
        el('dt', {}, 'Time taken'), el('dd', {}, e.duration_ms + ' ms'),
        el('dt', {}, 'User-Agent'), el('dd', {}, e.user_agent || '—'),
        e.flex_metadata ? el('dt', {}, 'Flex-Metadata') : null, e.flex_metadata ? el('dd', {}, e.flex_metadata) : null,
        e.faults && e.faults.length ? el('dt', {}, 'Faults') : null,
        e.faults && e.faults.length ? el('dd', {}, JSON.stringify(e.faults)) : null,
        el('dt', {}, 'Body'), el('dd', {}, e.body ? el('pre', { class: 'body' }, e.body) : '(none)')));
    if (openEntries.has(String(e.id))) details.open = true;
    details.addEventListener('toggle', () => {
      if (details.open) openEntries.add(String(e.id)); else openEntries.delete(String(e.id));
    });
    return el('li', { class: 'entry' }, details);
  }

  async function refreshJournal() {
    const query = new URLSearchParams({ AccountSid: account, PageSize: '200' });
    const operation = $('filter-operation').value;
    const status = $('filter-status').value;
    if (operation) query.set('Operation', operation);
    if (status) query.set('Status', status);
    const page = await get('/requests?' + query);
    const key = query + JSON.stringify(page.requests.map((e) => e.id));
    if (key === lastJournal) return;
    lastJournal = key;
    for (const e of page.requests) {
      if (e.operation && !knownOperations.has(e.operation)) {
        knownOperations.add(e.operation);
        const names = [...knownOperations].sort();
        const select = $('filter-operation');
        const chosen = select.value;
        select.replaceChildren(el('option', { value: '' }, 'Any operation'),
          ...names.map((n) => el('option', { value: n }, n)));
        select.value = chosen;
      }
    }
    $('journal').replaceChildren(...page.requests.map(journalEntry));
    $('journal-empty').hidden = page.requests.length > 0;
  }

  async function showAccount() {
    $('account').hidden = false;
    $('account-title').textContent = 'Account ' + account;
    document.title = account + ' · FlexConf console';
    await refreshState();
    await refreshJournal();
    connected();
  }

  async function loop(show, again) {
    try {
      await show();
      setTimeout(() => loop(again, again), POLL_MS);
    } catch (error) {
      failed(error);
      if (!(error instanceof NeedsToken)) setTimeout(() => loop(again, again), RETRY_MS);
    }
  }

  function start() {
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token-input').value);
      $('token-input').value = '';
      run();
    });
    $('open-account').addEventListener('submit', (event) => {
      event.preventDefault();
      location.search = '?account=' + encodeURIComponent($('account-input').value.trim());
    });
    $('live').addEventListener('click', () => {
      live = !live;
      $('live').setAttribute('aria-pressed', String(live));
      $('live').textContent = 'Live updates: ' + (live ? 'on' : 'off');
    });
    for (const id of ['filter-operation', 'filter-status']) {
      $(id).addEventListener('change', () => refreshJournal().catch(failed));
    }
    run();
  }

  function run() {
    if (!account) {
      loop(showStart, showStart);
    } else if (!/^AC[0-9a-fA-F]{32}$/.test(account)) {
      $('problem').hidden = false;
      $('problem').textContent = 'Not an account sid: ' + account + ' (AC followed by 32 hexadecimal digits).';
      $('connection').textContent = '';
    } else {
      const again = async () => {
        if (!live) return;
        await refreshState();
        await refreshJournal();
        connected();
      };
      loop(showAccount, again);
    }
  }

  let started = false;
  const begin = () => { if (!started) { started = true; start(); } };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin); else begin();
})();
