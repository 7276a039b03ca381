// Page 1: the table, and one row at a time travelling Data → Neuron → Sigmoid → Loss → Update, from the server's trace.
'use strict';
async function draw() {
  const [page, run] = await Promise.all([T.get('/api/page/1'), T.get('/api/train', {epochs: 1})]);
  T.fill(document, page);
  T.table(T.$('#data tbody'), page.rows, r => [r.hours, r.passed]);
  const steps = run.rowSteps;
  T.player(T.$('#player'), steps.length * 5, frame => {
    const s = steps[Math.floor(frame / 5)], stage = frame % 5;
    document.querySelectorAll('#flow .stage').forEach(n => n.classList.toggle('active', Number(n.dataset.stage) === stage));
    const text = [
      `row ${s.row + 1}: hours ${T.fmt(s.x[0])}, y = ${T.fmt(s.y)}`,
      `z = ${T.fmt(s.weightsBefore[0])}·${T.fmt(s.x[0])} + ${T.fmt(s.biasBefore)} = ${T.fmt(s.z)}`,
      `p = ${T.fmt(s.p)}`,
      `(${T.fmt(s.y)} − ${T.fmt(s.p)})² = ${T.fmt(s.squaredError)}`,
      `w → ${T.fmt(s.weightsAfter[0])}, b → ${T.fmt(s.biasAfter)}`];
    for (let k = 0; k < 5; k++) T.$('#s' + k).textContent = k <= stage ? text[k] : '';
  });
}
T.backends();
draw();
