// Page 3: the sigmoid curve from the server, a draggable z, a threshold that flips decisions, the 2.5-hour exercise.
'use strict';
let dragging = false;
async function update() {
  const z = T.$('#z').value, threshold = T.$('#threshold').value;
  T.setState({z, threshold});
  T.$('#threshold-out').textContent = threshold;
  const page = await T.get('/api/page/3', {z, threshold});
  T.fill(document, page);
  const c = T.chart(T.$('#curve'), {x0: -6, x1: 6, y0: 0, y1: 1});
  c.polyline(page.curve, 'curve');
  c.add('line', {class: 'threshold', x1: c.sx(-6), x2: c.sx(6), y1: c.sy(page.threshold), y2: c.sy(page.threshold)});
  c.text(c.sx(6) - 4, c.sy(page.threshold) - 6, 'threshold ' + T.fmt(page.threshold), 'end');
  [-6, -3, 0, 3, 6].forEach(x => c.text(c.sx(x), c.h - c.m + 16, 'z = ' + x));
  [0, 0.5, 1].forEach(y => c.text(c.m - 6, c.sy(y) + 4, String(y), 'end'));
  const point = c.add('circle', {class: 'point', cx: c.sx(page.z), cy: c.sy(page.p), r: 8});
  const svg = T.$('#curve');
  point.addEventListener('pointerdown', e => { dragging = true; svg.setPointerCapture(e.pointerId); });
  svg.onpointermove = e => {
    if (!dragging) return;
    const box = svg.getBoundingClientRect();
    const z = Math.max(-6, Math.min(6, c.invx((e.clientX - box.left) / box.width * c.w)));
    T.$('#z').value = z.toFixed(1);
    update();
  };
  svg.onpointerup = () => { dragging = false; };
  T.table(T.$('#rows tbody'), page.rows, r => [r.hours, r.z, r.p, T.el('td', {class: 'text', text: r.decision})]);
  T.$('#rows tbody').querySelectorAll('tr').forEach((tr, i) => {
    tr.classList.toggle('flip', page.rows[i].decision !== page.rows[i].atHalf);
    tr.hidden = page.rows[i].exercise && !T.answered.has('p3');   // the exercise's student, after the answer
  });
}
T.$('#z').value = T.state('z', '0');
T.$('#threshold').value = T.state('threshold', '0.5');
T.$('#z').addEventListener('input', update);
T.$('#threshold').addEventListener('input', update);
T.exercise(T.$('#check'), T.$('#feedback'), 'p3', () => (document.querySelector('input[name=p3]:checked') || {}).value || '');
document.addEventListener('answered', update);
T.backends();
update();
T.cell(T.$('#cell'), 3);
