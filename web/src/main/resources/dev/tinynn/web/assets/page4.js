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
  T.exercise(T.$('#check-order'), T.$('#order-feedback'), 'order', () => current().join(','));
}

function animate(run) {
  const rows = run.rowSteps, ends = run.epochEnds;
  const frames = rows.length + ends.length - 1;   // the rows of epoch 0, then the end of epochs 1 … last
  const history = ends.map(e => [e.epoch, e.tutorialLoss]);
  const top = Math.max(...history.map(h => h[1]));
  T.player(T.$('#player'), frames, f => {
    const body = T.$('#step tbody');
    let marker;
    if (f < rows.length) {
      const s = rows[f];
      T.$('#step-caption').textContent = `Epoch 0, row ${s.row + 1} of ${rows.length}`;
      T.table(body, [['hours, y', `${T.fmt(s.x[0])}, ${T.fmt(s.y)}`], ['w, b before', `${T.fmt(s.weightsBefore[0])}, ${T.fmt(s.biasBefore)}`],
        ['z = w·x + b', s.z], ['p = σ(z)', s.p], ['error = p − y', s.error],
        ['w −= lr·error·x', s.weightsAfter[0]], ['b −= lr·error', s.biasAfter]], ([k, v]) => [T.el('th', {scope: 'row', class: 'text', text: k}), v]);
      marker = 0;
    } else {
      const e = ends[f - rows.length + 1];
      T.$('#step-caption').textContent = `End of epoch ${e.epoch} of ${ends.length - 1}`;
      T.table(body, [['w', e.weights[0]], ['b', e.bias], ['Σ(y − p)² this epoch', e.tutorialLoss], ['cross-entropy, mean', e.loss]],
        ([k, v]) => [T.el('th', {scope: 'row', class: 'text', text: k}), v]);
      marker = e.epoch;
    }
    const c = T.chart(T.$('#loss-curve'), {x0: 0, x1: ends.length - 1, y0: 0, y1: top, w: 420, h: 240});
    c.polyline(history, 'curve');
    c.add('line', {class: 'threshold', x1: c.sx(marker), x2: c.sx(marker), y1: c.sy(0), y2: c.sy(top)});
    c.text(c.w / 2, c.h - 8, 'epoch'); c.text(c.m + 4, c.m - 10, 'Σ(y − p)²', 'start');
  });
}
T.backends();
draw();
T.cell(T.$('#cell'), 4);
