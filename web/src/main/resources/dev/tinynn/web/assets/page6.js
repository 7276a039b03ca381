// Page 6: two inputs; a tab per backend with its code and its numbers now; the decision line; the collinear runs.
'use strict';
let page;
function select(name) {
  const tab = page.tabs.find(t => t.backend === name) || page.tabs[0];
  T.setState({tab: tab.backend});
  document.querySelectorAll('[role=tab]').forEach(b => {
    const on = b.dataset.backend === tab.backend;
    b.setAttribute('aria-selected', on); b.tabIndex = on ? 0 : -1;
  });
  T.$('#panel').setAttribute('aria-labelledby', 'tab-' + tab.backend);
  T.$('#file').textContent = tab.file;
  T.$('#library').textContent = tab.library;
  T.table(T.$('#results tbody'), [['w1', tab.online.weights[0], tab.batch.weights[0]], ['w2', tab.online.weights[1], tab.batch.weights[1]],
    ['b', tab.online.bias, tab.batch.bias], ['final loss', tab.online.finalLoss, tab.batch.finalLoss]],
    ([k, a, b]) => [T.el('th', {scope: 'row', class: 'text', text: k}), a, b]);
  T.$('#code').replaceChildren(...tab.code.flatMap(s => [
    T.el('div', {}, T.el('b', {text: s.step}), T.el('div', {class: 'math', text: s.math})), T.el('pre', {'data-step': s.step, text: s.body})]));
  const c = T.chart(T.$('#plane'), {x0: 0, x1: 5, y0: 4, y1: 9, w: 360, h: 260});
  c.clip(c.add('line', {class: 'boundary', x1: c.sx(tab.line[0][0]), y1: c.sy(tab.line[0][1]), x2: c.sx(tab.line[1][0]), y2: c.sy(tab.line[1][1])}));
  page.rows.forEach(r => c.add('circle', {class: r.passed ? 'pass' : 'fail', cx: c.sx(r.study), cy: c.sy(r.sleep), r: 6}));
  c.text(c.w / 2, c.h - 6, 'study (hours)'); c.text(c.m + 4, c.m - 12, 'sleep (hours); line: p = 0.5', 'start');
}
async function draw() {
  page = await T.get('/api/page/6');
  T.fill(document, page);
  T.table(T.$('#rows tbody'), page.rows, r => [r.study, r.sleep, r.passed]);
  T.table(T.$('#collinear tbody'), page.collinear, r => [T.el('td', {class: 'text', text: r.run}), r.w1, r.w2, r.b, r.slope, r.baseline]);
  const tabs = T.$('#tabs');
  tabs.replaceChildren(...page.tabs.map(t => T.el('button', {role: 'tab', type: 'button', id: 'tab-' + t.backend,
    'aria-controls': 'panel', 'data-backend': t.backend, text: t.backend, onclick: () => select(t.backend)})));
  tabs.addEventListener('keydown', e => {
    const all = [...tabs.children], i = all.indexOf(document.activeElement);
    if (i < 0 || !['ArrowLeft', 'ArrowRight'].includes(e.key)) return;
    const next = all[(i + (e.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length];
    next.focus(); select(next.dataset.backend);
  });
  select(T.state('tab', page.tabs[0].backend));
}
T.backends();
draw();
T.cell(T.$('#cell'), 6);
