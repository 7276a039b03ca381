// Page 2: raw = hours·w + b from the server as the sliders move (one request at a time, the latest
// values win); the exercise; the page's sample as a code cell.
'use strict';
const inputs = ['hours', 'w', 'b'];
const defaults = {hours: '2', w: '0.5', b: '-1'};
const values = () => Object.fromEntries(inputs.map(k => [k, T.$('#' + k).value]));
const refresh = T.coalesce(() => T.get('/api/page/2', values()), page => {
  T.fill(document, page);
  T.table(T.$('#neurons tbody'), page.neurons, n => [n.w, n.z]);
});
function update() {
  const now = values();
  T.setState(now);
  inputs.forEach(k => { T.$('#' + k + '-out').textContent = now[k]; });
  refresh();
}
inputs.forEach(k => { const input = T.$('#' + k); input.value = T.state(k, defaults[k]); input.addEventListener('input', update); });
const answer = T.$('#answer');
T.exercise(T.$('#check'), T.$('#feedback'), 'p2', () => answer.value, () => { answer.value = ''; answer.focus(); });
answer.addEventListener('keydown', e => { if (e.key === 'Enter' && !T.$('#check').disabled) T.$('#check').click(); });
T.backends();
update();
T.cell(T.$('#cell'), 2);
