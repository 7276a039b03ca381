// Page 2: raw = hours·w + b from the server as the sliders move; the exercise (its neuron's raw score shown
// once answered); the page's sample as a code cell.
'use strict';
const inputs = ['hours', 'w', 'b'];
const defaults = {hours: '2', w: '0.5', b: '-1'};
async function update() {
  const values = Object.fromEntries(inputs.map(k => [k, T.$('#' + k).value]));
  T.setState(values);
  inputs.forEach(k => { T.$('#' + k + '-out').textContent = values[k]; });
  const page = await T.get('/api/page/2', values);
  T.fill(document, page);
  T.table(T.$('#neurons tbody'), page.neurons, n => [n.w, n.exercise && !T.answered.has('raw2') ? '?' : n.z]);
}
inputs.forEach(k => { const input = T.$('#' + k); input.value = T.state(k, defaults[k]); input.addEventListener('input', update); });
T.exercise(T.$('#check'), T.$('#feedback'), 'raw2', () => T.$('#answer').value);
document.addEventListener('answered', update);
T.$('#answer').addEventListener('keydown', e => { if (e.key === 'Enter') T.$('#check').click(); });
T.backends();
update();
T.cell(T.$('#cell'), 2);
