// Page 1: the table, and one row at a time travelling Data → Neuron → Sigmoid → Loss → Update, from the
// server's trace of epochs 0 and 1. The Data box shows the w and b the row meets; the Update box keeps
// the last update until the next one; a sentence under the flow says what the numbers show.
'use strict';
const STAGES = 5;
async function draw() {
  const [page, run] = await Promise.all([T.get('/api/page/1'), T.get('/api/train', {epochs: 2, rowEpochs: 2})]);
  T.fill(document, page);
  T.table(T.$('#data tbody'), page.rows, r => [r.hours, r.passed]);
  const steps = run.rowSteps, rows = page.rows.length;
  const says = T.$('#flow-says');
  T.player(T.$('#player'), steps.length * STAGES, frame => {
    const at = Math.floor(frame / STAGES), s = steps[at], stage = frame % STAGES, before = steps[at - 1];
    document.querySelectorAll('#flow .stage').forEach(n => n.classList.toggle('active', Number(n.dataset.stage) === stage));
    const text = [
      `epoch ${s.epoch}, row ${s.row + 1}: hours ${T.fmt(s.x[0])}, y = ${T.fmt(s.y)}; now w = ${T.fmt(s.weightsBefore[0])}, b = ${T.fmt(s.biasBefore)}`,
      `z = ${T.fmt(s.weightsBefore[0])}·${T.fmt(s.x[0])} + ${T.fmt(s.biasBefore)} = ${T.fmt(s.z)}`,
      `p = ${T.fmt(s.p)}`,
      `(${T.fmt(s.y)} − ${T.fmt(s.p)})² = ${T.fmt(s.squaredError)}`,
      `w → ${T.fmt(s.weightsAfter[0])}, b → ${T.fmt(s.biasAfter)}`];
    for (let k = 0; k < 4; k++) T.$('#s' + k).textContent = k <= stage ? text[k] : '';
    const update = T.$('#s4');
    if (stage === 4) { update.textContent = text[4]; update.classList.remove('last'); }
    else if (before) { update.textContent = `last: w → ${T.fmt(before.weightsAfter[0])}, b → ${T.fmt(before.biasAfter)}`; update.classList.add('last'); }
    else { update.textContent = ''; }
    says.textContent = sentence(s, stage, at, rows, steps.length);
  }, {duration: () => 600, label: f => {
    const s = steps[Math.floor(f / STAGES)];
    return `epoch ${s.epoch}, row ${s.row + 1}, ${['data', 'neuron', 'sigmoid', 'loss', 'update'][f % STAGES]}`;
  }});
}

// What this step's numbers show, in words: which way the guess leans, whether it is right, what the update does.
function sentence(s, stage, at, rows, total) {
  const guess = s.p >= 0.5 ? 'Pass' : 'Fail', truth = s.y === 1 ? 'passed' : 'failed';
  const right = (s.p >= 0.5) === (s.y === 1);
  if (stage < 2) return `Row ${s.row + 1} of epoch ${s.epoch} meets the neuron as it is now (w = ${T.fmt(s.weightsBefore[0])}, b = ${T.fmt(s.biasBefore)}).`;
  if (stage === 2) return `p = ${T.fmt(s.p)} is ${s.p >= 0.5 ? 'at or above' : 'below'} 0.5, so the neuron says ${guess} for ${T.fmt(s.x[0])} hours; the student ${truth}: ${right ? 'right' : 'wrong'}.`;
  if (stage === 3) return `The loss is ${T.fmt(s.squaredError)}: ${s.squaredError < 0.25 ? 'the guess is on the right side of 0.5' : 'the guess is on the wrong side of 0.5'}, and the further p is from y, the bigger the loss.`;
  const next = at + 1 < total ? (s.row + 1 === rows ? ` Next: epoch ${s.epoch + 1} starts again at row 1 with these w and b.` : ' Next: the next row.')
    : ' That was the last row shown; page 4 plays the whole training run.';
  const up = s.weightsAfter[0] >= s.weightsBefore[0];
  return `The update moves w ${up ? 'up' : 'down'}, from ${T.fmt(s.weightsBefore[0])} to ${T.fmt(s.weightsAfter[0])}, and b to ${T.fmt(s.biasAfter)}, so this row's p will be ${s.y === 1 ? 'higher' : 'lower'} next time.${next}`;
}
T.backends();
draw();
