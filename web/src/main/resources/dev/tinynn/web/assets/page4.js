// Page 4: the loss example, ordering the cards (drag or arrow keys), the animated training run from the server's trace.
'use strict';
async function draw() {
  const [page, run] = await Promise.all([T.get('/api/page/4'), T.get('/api/train', {epochs: 1000})]);
  T.fill(document, {...page, run});
  cards(page.cards);
  T.table(T.$('#learning-rates tbody'), page.learningRates, r => [r.lr, r.w, r.b, r.lossBefore, r.lossAfter]);
  const g = page.gradients;
  T.table(T.$('#gradients tbody'), [
    ['the update used: Σ(p − y)·x, Σ(p − y)', g.tutorial],
    ['cross-entropy gradient (' + page.backend + ')', g.crossEntropy],
    ['squared-error gradient (' + page.backend + ')', g.squaredError]], ([name, v]) => [T.el('td', {class: 'text', text: name}), v[0], v[1]]);
  animate(run);
}

function cards(texts) {
  const list = T.$('#cards');
  const order = (T.state('order', '') || '0,1,2,3').split(',').map(Number);
  list.replaceChildren(...order.map(i => T.el('li', {tabindex: '0', draggable: 'true', 'data-card': i,
    'aria-label': texts[i]}, T.el('span', {class: 'pos', 'aria-hidden': 'true'}), T.el('span', {text: texts[i]}))));
  const renumber = () => {
    [...list.children].forEach((li, k) => { li.querySelector('.pos').textContent = (k + 1) + '.'; li.setAttribute('aria-label', (k + 1) + ': ' + texts[li.dataset.card]); });
    T.setState({order: current().join(',')});
  };
  const current = () => [...list.children].map(li => Number(li.dataset.card));
  let dragged = null;
  list.addEventListener('dragstart', e => { dragged = e.target.closest('li'); dragged.classList.add('dragging'); e.dataTransfer.setData('text/plain', dragged.dataset.card); });
  list.addEventListener('dragend', () => { if (dragged) dragged.classList.remove('dragging'); dragged = null; renumber(); });
  list.addEventListener('dragover', e => {
    e.preventDefault();
    const over = e.target.closest('li');
    if (!dragged || !over || over === dragged) return;
    const box = over.getBoundingClientRect();
    if (e.clientY < box.top + box.height / 2) over.before(dragged); else over.after(dragged);
  });
  list.addEventListener('drop', e => { e.preventDefault(); renumber(); });
  list.addEventListener('keydown', e => {
    const li = e.target.closest('li');
    if (!li) return;
    if (e.key === 'ArrowUp' && li.previousElementSibling) { li.previousElementSibling.before(li); }
    else if (e.key === 'ArrowDown' && li.nextElementSibling) { li.nextElementSibling.after(li); }
    else return;
    e.preventDefault(); li.focus(); renumber();
  });
  renumber();
  T.exercise(T.$('#check-order'), T.$('#order-feedback'), 'order', () => current().join(','), () => list.firstElementChild.focus());
}

// The run: the rows of epoch 0 one by one, then the end of every epoch, numbered 0 to last as
// `tinynn train` prints them. At normal speed a row takes 0.7 s and an epoch's end 16 ms: about 19 s in all.
function animate(run) {
  const rows = run.rowSteps, ends = run.epochEnds, last = ends.length - 1;
  const frames = rows.length + ends.length;
  const history = ends.map(e => [e.epoch, e.tutorialLoss]);
  const top = Math.max(...history.map(h => h[1]));
  const c = T.chart(T.$('#loss-curve'), {x0: 0, x1: last, y0: 0, y1: top, w: 420, h: 260, m: 44});
  c.polyline(history, 'curve');
  c.ticks(T.nice(0, last), T.nice(0, top, 3));
  c.text(c.w / 2, c.h - 6, 'epoch');
  c.text(c.m - 30, c.m - 16, 'Σ(y − p)² during the epoch', 'start');
  const marker = c.add('line', {class: 'threshold', y1: c.sy(0), y2: c.sy(top)});
  const row = ([k, v]) => [T.el('th', {scope: 'row', class: 'text', text: k}), v];
  T.player(T.$('#player'), frames, f => {
    const body = T.$('#step tbody');
    let epoch;
    if (f < rows.length) {
      const s = rows[f];
      T.$('#step-caption').textContent = `Epoch 0, row ${s.row + 1} of ${rows.length}`;
      T.table(body, [['hours, y', `${T.fmt(s.x[0])}, ${T.fmt(s.y)}`], ['w, b before', `${T.fmt(s.weightsBefore[0])}, ${T.fmt(s.biasBefore)}`],
        ['z = w·x + b', s.z], ['p = σ(z)', s.p], ['error = p − y', s.error],
        ['w −= lr·error·x', s.weightsAfter[0]], ['b −= lr·error', s.biasAfter]], row);
      epoch = 0;
    } else {
      const e = ends[f - rows.length];
      T.$('#step-caption').textContent = `End of epoch ${e.epoch} (epochs 0 to ${last})`;
      const lines = [['w', e.weights[0]], ['b', e.bias], ['Σ(y − p)² during the epoch', e.tutorialLoss],
        ['mean cross-entropy during the epoch', e.loss]];
      if (e.epoch === last) lines.push(['cross-entropy at the final weights', run.finalLoss]);
      T.table(body, lines, row);
      epoch = e.epoch;
    }
    marker.setAttribute('x1', c.sx(epoch)); marker.setAttribute('x2', c.sx(epoch));
  }, {duration: f => f < rows.length ? 700 : 16,
    label: f => f < rows.length ? `epoch 0, row ${f + 1}` : `end of epoch ${ends[f - rows.length].epoch}`});
}
T.backends();
draw();
T.cell(T.$('#cell'), 4);
