// Page 5: the example neuron's predictions, retraining live (learning rate, epochs, the extra row), the quiz.
'use strict';
async function retrain() {
  const query = {lr: T.$('#lr').value, epochs: T.$('#epochs').value, data: T.$('#plus').checked ? 'study-hours-plus' : 'study-hours'};
  T.setState(query);
  const run = await T.get('/api/train', query);
  T.fill(T.$('.panel'), run);
  const history = run.epochEnds.map(e => [e.epoch, e.loss]);
  const c = T.chart(T.$('#loss-curve'), {x0: 0, x1: Math.max(1, history.length - 1), y0: 0, y1: Math.max(...history.map(h => h[1]))});
  c.polyline(history, 'curve');
  c.text(c.w / 2, c.h - 8, 'epoch'); c.text(c.m + 4, c.m - 10, 'loss (cross-entropy, mean)', 'start');
}
async function draw() {
  const page = await T.get('/api/page/5');
  T.fill(T.$('main > p'), page);
  document.querySelectorAll('main > p [data-k]').forEach(n => { n.textContent = T.fmt(page[n.dataset.k]); });
  T.table(T.$('#predictions tbody'), page.rows, r => [r.hours, r.z, r.p, T.el('td', {class: 'text', text: r.decision})]);
  T.quiz(T.$('#quiz'), 'q5', page.quiz);
}
T.$('#lr').value = T.state('lr', '0.1');
T.$('#epochs').value = T.state('epochs', '1000');
T.$('#plus').checked = T.state('data', 'study-hours') === 'study-hours-plus';
T.$('#retrain').addEventListener('click', retrain);
T.backends();
draw();
retrain();
T.cell(T.$('#cell'), 5);
