// Page 8: one neuron's line on XOR, frame by frame; then a hidden layer trained live by the server
// (POST /api/network, a few epochs per request), its decision region and each hidden unit's drawn
// as heat maps. The page keeps the network and sends it back; at most one request is in flight,
// and the latest settings win.
'use strict';
const FAIL = [245, 147, 34], PASS = [8, 119, 189], WHITE = [255, 255, 255];

// A colour from FAIL (t = 0) through white (0.5) to PASS (1).
function colour(t) {
  const u = Math.min(1, Math.max(0, t));
  const [a, b, s] = u < 0.5 ? [FAIL, WHITE, u * 2] : [WHITE, PASS, (u - 0.5) * 2];
  return `rgb(${a.map((v, k) => Math.round(v + (b[k] - v) * s)).join(',')})`;
}

// Draws `values` (size × size, row by row from the top left, each mapped to 0..1 by `scale`) on a canvas.
function heat(canvas, size, values, scale) {
  const g = canvas.getContext('2d');
  const cw = canvas.width / size, ch = canvas.height / size;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      g.fillStyle = colour(scale(values[r * size + c]));
      g.fillRect(Math.floor(c * cw), Math.floor(r * ch), Math.ceil(cw), Math.ceil(ch));
    }
  }
}

// The plane's coordinates on a canvas: [x0, x1] across, [y0, y1] up.
function plane(canvas, [x0, x1], [y0, y1]) {
  return {px: x => (x - x0) / (x1 - x0) * canvas.width, py: y => (y1 - y) / (y1 - y0) * canvas.height};
}

function points(canvas, at, rows, radius) {
  const g = canvas.getContext('2d');
  for (const [x1, x2, y] of rows) {
    g.beginPath();
    g.arc(at.px(x1), at.py(x2), radius, 0, 2 * Math.PI);
    g.fillStyle = colour(y);
    g.fill();
    g.lineWidth = 1.5;
    g.strokeStyle = '#1d2433';
    g.stroke();
  }
}

// Part 1: the one neuron's line w1·x1 + w2·x2 + b = 0 at each frame, and its p for each row.
async function neuron() {
  const page = await T.get('/api/page/8');
  T.fill(document, page);
  const canvas = T.$('#neuron-map');
  const range = [-0.5, 1.5];
  const at = plane(canvas, range, range);
  const frames = page.neuron.frames;
  const draw = k => {
    const f = frames[k];
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    const [w1, w2] = f.weights;
    // Two points of the line, far outside the view, so it crosses the whole canvas.
    const ends = Math.abs(w2) > Math.abs(w1)
      ? [-10, 10].map(x => [x, -(w1 * x + f.bias) / w2]) : [-10, 10].map(y => [-(w2 * y + f.bias) / w1, y]);
    g.beginPath();
    g.moveTo(at.px(ends[0][0]), at.py(ends[0][1]));
    g.lineTo(at.px(ends[1][0]), at.py(ends[1][1]));
    g.lineWidth = 2;
    g.strokeStyle = '#1d2433';
    g.stroke();
    points(canvas, at, page.points, 9);
    T.$('#neuron-caption').textContent = `After ${f.epoch} epochs: w1 = ${T.fmt(f.weights[0])}, w2 = ${T.fmt(f.weights[1])},`
      + ` b = ${T.fmt(f.bias)}; ${f.rowsRight} of 4 rows right`;
    canvas.setAttribute('aria-label', `The four rows and the one neuron's line after ${f.epoch} epochs: ${f.rowsRight} of 4 right`);
    T.table(T.$('#neuron-rows tbody'), page.points, ([x1, x2, y], i) => {
      const p = f.probabilities[i];
      const pass = p >= 0.5;
      return [x1, x2, y, p, T.el('td', {class: 'text', text: (pass ? 'Pass' : 'Fail') + (pass === (y === 1) ? ', right' : ', wrong')})];
    });
  };
  T.player(T.$('#neuron-player'), frames.length, draw,
    {key: 'neuronFrame', label: k => 'after ' + frames[k].epoch + ' epochs'});
}

// Part 2: the network, trained a few epochs per request. At most one request is out at a time
// (T.coalesce); a wish made meanwhile (more epochs, or new settings) is sent when the answer is in,
// and an answer to settings since changed is dropped.
const PLAY_EPOCHS = 20;
const net = {network: null, epoch: 0, loss: [], playing: false, wish: 0, fresh: true, generation: 0};
const settings = () => ({
  data: T.$('#net-data').value, hidden: Number(T.$('#net-hidden').value),
  activation: T.$('#net-activation').value, learningRate: Number(T.$('#net-rate').value)});

async function ask() {
  const fresh = net.fresh, epochs = net.wish, generation = net.generation;
  net.fresh = false;
  const s = settings();
  try {
    // hidden goes as a list of layer sizes, [4], as tinynn train --json writes it.
    const answer = await T.post('/api/network',
      {backend: T.backend(), ...s, hidden: [s.hidden], epochs, network: fresh ? null : net.network});
    T.$('#status').textContent = '';
    return {answer, fresh, epochs, generation};
  } catch (e) {
    T.$('#status').textContent = e.message;
    pause();
    throw e;
  }
}
function trained({answer, fresh, epochs, generation}) {
  if (generation !== net.generation) return;
  if (fresh) { net.epoch = 0; net.loss = []; }
  net.network = answer.network;
  net.epoch += epochs;
  net.loss.push(...answer.loss);
  show(answer);
  if (net.playing) requestAnimationFrame(() => { if (net.playing) train(PLAY_EPOCHS); });
}
const send = T.coalesce(ask, trained);
// Asks for `epochs` more epochs (the latest wish wins while a request is out).
function train(epochs) {
  net.wish = epochs;
  send();
}

function show(answer) {
  const grid = answer.grid;
  const map = T.$('#net-map');
  heat(map, grid.size, grid.output, p => p);
  points(map, plane(map, grid.x, grid.y), answer.points, answer.points.length > 20 ? 3.5 : 9);
  const activation = settings().activation;
  const box = T.$('#net-units');
  if (box.children.length !== grid.units.length) {
    box.replaceChildren(...grid.units.map((_, j) => T.el('figure', {},
      T.el('canvas', {width: 64, height: 64, role: 'img', 'aria-label': `Hidden unit ${j + 1}'s value on the plane`}),
      T.el('figcaption', {text: 'unit ' + (j + 1)}))));
  }
  grid.units.forEach((values, j) => {
    const top = activation === 'relu' ? Math.max(1e-12, ...values) : 1;
    const scale = activation === 'tanh' ? a => (a + 1) / 2 : a => a / top;
    heat(box.children[j].querySelector('canvas'), grid.size, values, scale);
  });
  const words = `epoch ${net.epoch}, loss ${net.loss.length ? T.fmt(net.loss[net.loss.length - 1]) : '–'},`
    + ` ${answer.rowsRight} of ${answer.rows} rows right`;
  T.$('#net-where').textContent = words;
  // Screen readers hear where training is when it is paused or stepped, never every request.
  T.$('#net-told').textContent = net.playing ? '' : words;
  map.setAttribute('aria-label', `The network's decision region after ${net.epoch} epochs: ${answer.rowsRight} of ${answer.rows} rows right`);
  curve();
}

// The loss per epoch, at most 300 points of it.
function curve() {
  const svg = T.$('#net-loss');
  const loss = net.loss;
  const top = Math.max(1e-9, ...loss.slice(0, 50), ...loss.slice(-1));
  const c = T.chart(svg, {x0: 0, x1: Math.max(1, loss.length), y0: 0, y1: top * 1.05, h: 200});
  c.text(c.w / 2, c.h - 8, 'epoch (0 to ' + loss.length + ')');
  c.text(8, c.m - 10, 'loss', 'start');
  const every = Math.max(1, Math.ceil(loss.length / 300));
  const pts = loss.filter((_, i) => i % every === 0 || i === loss.length - 1).map((v, k, all) =>
    [k === all.length - 1 ? loss.length : k * every + 1, v]);
  if (pts.length) c.clip(c.polyline(pts, 'curve'));
}

function play() {
  net.playing = true;
  T.$('#net-play').textContent = 'Pause';
  T.$('#net-told').textContent = '';
  train(PLAY_EPOCHS);
}
function pause() {
  net.playing = false;
  T.$('#net-play').textContent = 'Play';
  T.$('#net-told').textContent = T.$('#net-where').textContent;
}
// A new start: what is in flight is ignored when it comes back.
function reset() {
  net.generation++;
  net.fresh = true;
  const s = settings();
  T.setState({data: s.data, hidden: s.hidden, activation: s.activation, rate: s.learningRate});
  train(0);
}

function controls() {
  const chosen = {'#net-data': 'data', '#net-hidden': 'hidden', '#net-activation': 'activation', '#net-rate': 'rate'};
  for (const [css, key] of Object.entries(chosen)) {
    const input = T.$(css);
    const value = T.state(key, null);
    if (value !== null && (!input.options || [...input.options].some(o => o.value === value))) {
      input.value = value;
    }
    input.addEventListener('change', reset);
  }
  const hidden = T.$('#net-hidden');
  const shown = () => { T.$('#net-hidden-value').textContent = hidden.value; };
  hidden.addEventListener('input', shown);
  shown();
  T.$('#net-settings').addEventListener('submit', e => e.preventDefault());
  T.$('#net-play').addEventListener('click', () => (net.playing ? pause() : play()));
  T.$('#net-step').addEventListener('click', () => { pause(); train(1); });
  T.$('#net-reset').addEventListener('click', () => { pause(); reset(); });
  reset();
}

T.backends();
neuron();
controls();
T.cell(T.$('#cell'), 8);
