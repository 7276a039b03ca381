// Page 3: the sigmoid curve from the server, a draggable z, a threshold that flips decisions, the
// 2.5-hour exercise. Slider moves and drags send one request at a time (the latest value wins), and
// dragging selects no text.
'use strict';
let dragging = false, chart = null;
const svg = T.$('#curve');
const refresh = T.coalesce(() => T.get('/api/page/3', {z: T.$('#z').value, threshold: T.$('#threshold').value}), draw);
function update() {
  const z = T.$('#z').value, threshold = T.$('#threshold').value;
  T.setState({z, threshold});
  T.$('#threshold-out').textContent = threshold;
  refresh();
}
function draw(page) {
  T.fill(document, page);
  const c = chart = T.chart(svg, {x0: -6, x1: 6, y0: 0, y1: 1});
  c.polyline(page.curve, 'curve');
  c.add('line', {class: 'threshold', x1: c.sx(-6), x2: c.sx(6), y1: c.sy(page.threshold), y2: c.sy(page.threshold)});
  c.text(c.sx(6) - 4, c.sy(page.threshold) - 6, 'threshold ' + T.fmt(page.threshold), 'end');
  c.ticks([-6, -3, 0, 3, 6], [0, 0.5, 1]);
  c.text(c.sx(6), c.h - 4, 'z', 'end');
  c.add('circle', {class: 'point', cx: c.sx(page.z), cy: c.sy(page.p), r: 8});
  T.table(T.$('#rows tbody'), page.rows, r => [r.hours, r.z, r.p, T.el('td', {class: 'text', text: r.decision})]);
  T.$('#rows tbody').querySelectorAll('tr').forEach((tr, i) => {
    tr.classList.toggle('flip', page.rows[i].decision !== page.rows[i].atHalf);
    tr.hidden = page.rows[i].exercise && !T.answered.has('p3');   // the exercise's student, after the answer
  });
}
// The drag: the svg keeps the pointer; no default action, so no text gets selected on the way.
svg.addEventListener('pointerdown', e => {
  if (!e.target.classList.contains('point')) return;
  e.preventDefault(); dragging = true; svg.setPointerCapture(e.pointerId);
});
svg.addEventListener('pointermove', e => {
  if (!dragging || !chart) return;
  e.preventDefault();
  const box = svg.getBoundingClientRect();
  const z = Math.max(-6, Math.min(6, chart.invx((e.clientX - box.left) / box.width * chart.w)));
  T.$('#z').value = z.toFixed(1);
  update();
});
const release = () => { dragging = false; };
document.addEventListener('selectstart', e => { if (dragging) e.preventDefault(); });
svg.addEventListener('pointerup', release);
svg.addEventListener('pointercancel', release);
T.$('#z').value = T.state('z', '0');
T.$('#threshold').value = T.state('threshold', '0.5');
T.$('#z').addEventListener('input', update);
T.$('#threshold').addEventListener('input', update);
const choice = () => document.querySelector('input[name=p3]:checked');
T.exercise(T.$('#check'), T.$('#feedback'), 'p3', () => choice()?.value ?? null,
  () => { if (choice()) choice().checked = false; document.querySelector('input[name=p3]').focus(); });
document.addEventListener('answered', update);
T.backends();
update();
T.cell(T.$('#cell'), 3);
