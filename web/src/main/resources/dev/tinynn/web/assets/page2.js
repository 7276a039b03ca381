// Page 2: raw = hours·w + b from the server as the sliders move (one request at a time, the latest
// values win); the exercise (its neuron's raw score shown once answered); the page's sample as a code cell.
'use strict';
const inputs = ['hours', 'w', 'b'];
const defaults = {hours: '2', w: '0.5', b: '-1'};
const values = () => Object.fromEntries(inputs.map(k => [k, T.$('#' + k).value]));
const refresh = T.coalesce(() => T.get('/api/page/2', values()), page => {
  T.fill(document, page);
  T.table(T.$('#neurons tbody'), page.neurons, n => [n.w, n.exercise && !T.answered.has('raw2') ? '?' : n.z]);
});
function update() {
  const now = values();
  T.setState(now);
  inputs.forEach(k => { T.$('#' + k + '-out').textContent = now[k]; });
  refresh();
}
inputs.forEach(k => { const input = T.$('#' + k); input.value = T.state(k, defaults[k]); input.addEventListener('input', update); });
const answer = T.$('#answer');
T.exercise(T.$('#check'), T.$('#feedback'), 'raw2', () => answer.value, () => { answer.value = ''; answer.focus(); });
document.addEventListener('answered', update);
answer.addEventListener('keydown', e => { if (e.key === 'Enter' && !T.$('#check').disabled) T.$('#check').click(); });
T.backends();
update();
T.cell(T.$('#cell'), 2);
