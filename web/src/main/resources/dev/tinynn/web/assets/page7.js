// Page 7: the chain rule for one row, factor by factor, with the backend's numbers (pick the row: each
// factor changes); two inputs' shares; the chain rule as an editable code cell; the final quiz.
'use strict';
const rowPicker = T.$('#row');
function chain(page) {
  T.fill(document, page);
  const s = page.chain.squaredError, c = page.chain.crossEntropy;
  T.table(T.$('#chain tbody'), [
    ['how the loss moves with p', s.dldp, c.dldp], ['how p moves with z: p·(1 − p)', s.dpdz, c.dpdz],
    ['how the loss moves with z: the two multiplied', s.dldz, c.dldz], ['how z moves with w: hours', s.dzdw, c.dzdw],
    ['how the loss moves with w: the product', s.product, c.product], ['the same, from the ' + page.backend + ' backend', s.backend, c.backend]],
    ([k, a, b]) => [T.el('th', {scope: 'row', class: 'text', text: k}), a, b]);
}
const refresh = T.coalesce(() => T.get('/api/page/7', {row: rowPicker.value}), chain);
async function draw() {
  const page = await T.get('/api/page/7', {row: T.state('row', '3')});
  rowPicker.replaceChildren(...page.rows.map((hours, i) => T.el('option', {value: i + 1, text: `row ${i + 1}: ${T.fmt(hours)} hours`})));
  rowPicker.value = String(page.row.row);
  chain(page);
  const g = page.summed;
  T.table(T.$('#summed tbody'), [['the update used: Σ(p − y)·x, Σ(p − y)', g.tutorial], ['cross-entropy gradient', g.crossEntropy],
    ['squared-error gradient', g.squaredError]], ([k, v]) => [T.el('td', {class: 'text', text: k}), v[0], v[1]]);
  T.quiz(T.$('#quiz'), 'q7', page.quiz);
}
rowPicker.addEventListener('change', () => { T.setState({row: rowPicker.value}); refresh(); });
T.backends();
draw();
T.cell(T.$('#cell'), 7);
