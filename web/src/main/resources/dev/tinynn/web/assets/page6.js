// Page 6: two inputs; a tab per backend with its code and its numbers now; the decision line; the collinear
// runs. The tabs and the header's backend menu are one choice: the backend in the address.
'use strict';
let page;
function select(name) {
  const tab = page.tabs.find(t => t.backend === name);
  T.setBackend(name);
  document.querySelectorAll('[role=tab]').forEach(b => {
    const on = b.dataset.backend === name;
    b.setAttribute('aria-selected', on); b.tabIndex = on || (!tab && b === b.parentElement.firstElementChild) ? 0 : -1;
  });
  T.$('#panel').toggleAttribute('hidden', !tab);
  T.$('#no-tab').textContent = tab ? '' : `The ${name} backend has no tab here: pick one of ${page.tabs.map(t => t.backend).join(', ')}.`;
  if (!tab) return;
  T.$('#panel').setAttribute('aria-labelledby', 'tab-' + tab.backend);
  T.$('#file').textContent = tab.file;
  T.$('#library').textContent = tab.library;
  const results = T.$('#results');
  (results.querySelector('caption') || results.insertBefore(T.el('caption', {class: 'text'}), results.firstChild))
    .textContent = `computed now by ${tab.online.backend} (online) and ${tab.batch.backend} (batch)`;
  T.table(T.$('#results tbody'), [['w1', tab.online.weights[0], tab.batch.weights[0]], ['w2', tab.online.weights[1], tab.batch.weights[1]],
    ['b', tab.online.bias, tab.batch.bias], ['loss at the final weights', tab.online.finalLoss, tab.batch.finalLoss]],
    ([k, a, b]) => [T.el('th', {scope: 'row', class: 'text', text: k}), a, b]);
  T.$('#code').replaceChildren(...tab.code.flatMap(s => [
    T.el('div', {}, T.el('b', {text: s.step}), T.el('div', {class: 'math', text: s.math})),
    T.el('pre', {'data-step': s.step, tabindex: '0', 'aria-label': s.step + ', ' + tab.backend, text: s.body})]));
  const c = T.chart(T.$('#plane'), {x0: 0, x1: 5, y0: 4, y1: 9, w: 360, h: 260});
  c.clip(c.add('line', {class: 'boundary', x1: c.sx(tab.line[0][0]), y1: c.sy(tab.line[0][1]), x2: c.sx(tab.line[1][0]), y2: c.sy(tab.line[1][1])}));
  c.ticks([0, 1, 2, 3, 4, 5], [4, 5, 6, 7, 8, 9]);
  // Passed: a filled circle; failed: a cross. Shape and colour both tell.
  page.rows.forEach(r => {
    const x = c.sx(r.study), y = c.sy(r.sleep);
    if (r.passed) c.add('circle', {class: 'pass', cx: x, cy: y, r: 6});
    else c.add('path', {class: 'fail', d: `M${x - 6},${y - 6}L${x + 6},${y + 6}M${x - 6},${y + 6}L${x + 6},${y - 6}`});
  });
  c.text(c.w / 2, c.h - 4, 'study (hours)'); c.text(c.m - 30, c.m - 14, 'sleep (hours); ● passed, ✕ failed; line: p = 0.5', 'start');
}
async function draw() {
  page = await T.get('/api/page/6');
  T.fill(document, page);
  T.table(T.$('#rows tbody'), page.rows, r => [r.study, r.sleep, r.passed]);
  T.table(T.$('#collinear tbody'), page.collinear, r => [T.el('td', {class: 'text', text: r.run}), r.w1, r.w2, r.b, r.slope, r.baseline]);
  const tabs = T.$('#tabs');
  tabs.replaceChildren(...page.tabs.map(t => T.el('button', {role: 'tab', type: 'button', id: 'tab-' + t.backend,
    'aria-controls': 'panel', 'data-backend': t.backend, text: t.backend, onclick: () => select(t.backend)})));
  tabs.after(T.el('p', {id: 'no-tab', role: 'status'}));
  tabs.addEventListener('keydown', e => {
    const all = [...tabs.children], i = all.indexOf(document.activeElement);
    if (i < 0 || !['ArrowLeft', 'ArrowRight'].includes(e.key)) return;
    const next = all[(i + (e.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length];
    next.focus(); select(next.dataset.backend);
  });
  select(T.backend());
}
T.backends();
draw();
T.cell(T.$('#cell'), 6);
