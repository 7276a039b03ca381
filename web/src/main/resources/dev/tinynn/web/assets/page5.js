// Page 5: the example neuron's predictions, retraining live (learning rate, epochs, the extra row), the quiz.
// The fields carry the server's own limits; a refused value is told beside its field in the server's
// sentence, and the last result is greyed out as no longer matching the fields.
'use strict';
const fields = {lr: T.$('#lr'), epochs: T.$('#epochs')};
const result = T.$('#retrain-result');
function field(name, message) {
  const input = fields[name];
  let note = T.$('#' + name + '-error');
  if (!note) {
    note = T.el('span', {id: name + '-error', class: 'field-error'});
    input.closest('label').after(note);
  }
  note.textContent = message ? '✗ ' + message : '';
  if (message) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', note.id); }
  else { input.removeAttribute('aria-invalid'); input.removeAttribute('aria-describedby'); }
}
async function retrain() {
  const query = {lr: fields.lr.value, epochs: fields.epochs.value, data: T.$('#plus').checked ? 'study-hours-plus' : 'study-hours'};
  T.setState(query);
  let run;
  try {
    run = await T.get('/api/train', query, {quiet: true});
  } catch (e) {
    Object.keys(fields).forEach(k => field(k, k === e.field ? e.message : ''));
    if (!e.field) T.$('#status').textContent = e.message;
    result.classList.add('stale');
    result.dataset.stale = 'true';
    T.$('#stale-note').textContent = 'This result is from the last accepted settings, not from the fields above.';
    return;
  }
  Object.keys(fields).forEach(k => field(k, ''));
  result.classList.remove('stale');
  result.dataset.stale = 'false';
  T.$('#stale-note').textContent = '';
  T.fill(result, run);
  const history = run.epochEnds.map(e => [e.epoch, e.loss]);
  const last = Math.max(1, history.length - 1), top = Math.max(...history.map(h => h[1]));
  const c = T.chart(T.$('#loss-curve'), {x0: 0, x1: last, y0: 0, y1: top, m: 44});
  c.polyline(history, 'curve');
  c.ticks(T.nice(0, last), T.nice(0, top, 3));
  c.text(c.w / 2, c.h - 6, 'epoch'); c.text(c.m - 30, c.m - 16, 'mean cross-entropy during the epoch', 'start');
}
async function draw() {
  const page = await T.get('/api/page/5');
  for (const [k, limits] of Object.entries(page.limits)) { fields[k].min = limits.min; fields[k].max = limits.max; }
  fields.lr.step = 'any';
  T.fill(T.$('main > p'), page);
  document.querySelectorAll('main > p [data-k]').forEach(n => { n.textContent = T.fmt(page[n.dataset.k]); });
  T.table(T.$('#predictions tbody'), page.rows, r => [r.hours, r.z, r.p, T.el('td', {class: 'text', text: r.decision})]);
  T.quiz(T.$('#quiz'), 'q5', page.quiz);
}
fields.lr.value = T.state('lr', '0.1');
fields.epochs.value = T.state('epochs', '1000');
T.$('#plus').checked = T.state('data', 'study-hours') === 'study-hours-plus';
T.$('#retrain').addEventListener('click', retrain);
Object.values(fields).forEach(f => f.addEventListener('keydown', e => { if (e.key === 'Enter') retrain(); }));
T.backends();
draw();
retrain();
T.cell(T.$('#cell'), 5);
