// The Conversations page's own behaviour, on top of the widgets (no Parley code besides them):
// - the view lives in the URL: period (`preset` or `from`/`to`), `tz`, `filters` (JSON) and a
//   drill-down (`drill`, JSON), so a link reopens the same view and Back undoes a change;
// - a drill-down (card, bar, arc segment, heatmap cell, time-series bar) opens the list showing
//   exactly those conversations, with a banner saying which and a way back to the whole period.

const scope = document.querySelector('parley-scope');
const list = document.getElementById('conversations');
const banner = document.getElementById('drill-banner');
const bannerText = document.getElementById('drill-text');
const clearDrill = document.getElementById('drill-clear');

/** The view of the URL: scope attributes and an optional drill-down detail. */
function viewOfUrl() {
  const params = new URLSearchParams(location.search);
  const view = { preset: params.get('preset'), from: params.get('from'), to: params.get('to'), tz: params.get('tz'), filters: null, drill: null };
  for (const name of ['filters', 'drill']) {
    const text = params.get(name);
    if (!text) continue;
    try {
      view[name] = JSON.parse(text);
    } catch {
      // A damaged link: show the default view rather than a wrong one.
    }
  }
  return view;
}

function applyToScope(view) {
  const set = (name, value) => (value ? scope.setAttribute(name, value) : scope.removeAttribute(name));
  if (view.from && view.to) {
    scope.removeAttribute('preset');
    set('from', view.from);
    set('to', view.to);
  } else {
    scope.removeAttribute('from');
    scope.removeAttribute('to');
    scope.setAttribute('preset', view.preset || 'last-30-days');
  }
  set('time-zone', view.tz);
  set('filters', view.filters && Object.keys(view.filters).length > 0 ? JSON.stringify(view.filters) : null);
}

/** Writes one change into the URL (a new history entry, so Back undoes it). */
function pushUrl(change) {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(change)) {
    if (value === null || value === undefined || value === '') params.delete(name);
    else params.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  history.pushState(null, '', `${location.pathname}?${params}`);
}

function describeDrill(detail) {
  const parts = [detail.scope === 'opened' ? 'opened' : 'closed', `${detail.period.from} – ${detail.period.to}`];
  const cell = detail.cell;
  if (cell && 'weekday' in cell) {
    const weekday = new Intl.DateTimeFormat(document.documentElement.lang || 'en', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + cell.weekday));
    parts.push(`${weekday} ${String(cell.hour).padStart(2, '0')}:00`);
  } else if (cell && 'date' in cell) {
    parts.push(cell.hour === undefined ? cell.date : `${cell.date} ${String(cell.hour).padStart(2, '0')}:00`);
  }
  for (const [name, values] of Object.entries(detail.filters || {})) {
    if (values && values.length) parts.push(`${name}: ${values.map((value) => (value === '' ? 'none' : value)).join(', ')}`);
  }
  return parts.join(' · ');
}

function showDrill(detail) {
  if (!detail) {
    banner.hidden = true;
    for (const name of ['scope', 'weekday', 'hour', 'date', 'from', 'to', 'preset', 'time-zone', 'filters']) list.removeAttribute(name);
    list.scope = 'closed';
    list.weekday = undefined;
    list.hour = undefined;
    list.date = undefined;
    list.from = undefined;
    list.to = undefined;
    list.preset = undefined;
    list.timeZone = undefined;
    list.filters = undefined;
    return;
  }
  list.showDrilldown(detail);
  bannerText.textContent = `Conversations behind the number you chose: ${describeDrill(detail)}`;
  banner.hidden = false;
}

function render() {
  const view = viewOfUrl();
  applyToScope(view);
  customElements.whenDefined('parley-conversation-list').then(() => showDrill(view.drill));
}

scope.addEventListener('parley-period-change', (event) => {
  const period = event.detail.period;
  pushUrl('preset' in period ? { preset: period.preset, from: null, to: null } : { preset: null, from: period.from, to: period.to });
});
scope.addEventListener('parley-filter-change', (event) => pushUrl({ filters: Object.keys(event.detail.filters).length ? event.detail.filters : null }));
scope.addEventListener('parley-drilldown', (event) => {
  // The list itself never fires drill-downs; every other widget's number opens it.
  pushUrl({ drill: event.detail });
  showDrill(event.detail);
  list.scrollIntoView({ behavior: 'smooth', block: 'start' });
  list.focus({ preventScroll: true });
});
clearDrill.addEventListener('click', () => {
  pushUrl({ drill: null });
  showDrill(null);
});
window.addEventListener('popstate', render);

render();
