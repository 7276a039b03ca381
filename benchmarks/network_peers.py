#!/usr/bin/env python3
"""Times the network benchmarks' peers: one batch epoch of the same one-hidden-layer network (sigmoid
hidden units, a sigmoid output, cross-entropy, learning rate 0.1, float64) in NumPy, PyTorch and
scikit-learn, each written the way its users write it, after checking that it trains the same network;
and NumPy's `@` on two square matrices, the dgemm ceiling, on every core and on one.

The networks come from the files dev.tinynn.bench.NetworkExchange writes (NET.f64 and NET.json: the
data, the initial weights, and tinynn's weights after one batch epoch and, for the online networks,
after one online epoch). Before a peer is timed on a network it trains one epoch from the initial
weights, and its weights must agree with tinynn's within the file's tolerance (1e-9, relative to
max(1, |w|)); otherwise the peer is not timed there, the JSON records the largest difference, and the
script exits 1 after the others ran.

    numpy    the epoch written out with @, as in the tutorial's NumPy tab
    torch    nn.Sequential(Linear(d, H), Sigmoid(), Linear(H, 1)), BCEWithLogitsLoss, optim.SGD,
             one optimizer step per epoch on all rows (zero_grad, forward, backward, step);
             torch.set_num_threads(--threads); and its per-row loop for the online networks
    sklearn  MLPClassifier(hidden_layer_sizes=(H,), activation="logistic", solver="sgd", alpha=0,
             batch_size=n, learning_rate="constant", learning_rate_init=0.1, momentum=0,
             nesterovs_momentum=False, shuffle=False): one partial_fit per epoch. Its defaults would
             change the update: alpha=1e-4 adds an L2 term to every weight's gradient, momentum=0.9
             with Nesterov adds past steps, batch_size=min(200, n) takes n/200 steps per epoch and
             shuffle=True reorders them. Its first partial_fit draws its own weights (and takes a
             step); ours are set after it, and SGD without momentum keeps no state from that step.

The JSON records which BLAS each library ran and its kernel (threadpoolctl when importable, else
OpenBLAS's get_corename through ctypes), and whether OPENBLAS_CORETYPE or OPENBLAS_L2_SIZE were set:
benchmarks/run unsets both for this command, as for numpy_epoch.py.

usage: network_peers.py --exchange DIR --out FILE.json [--peers numpy,torch,sklearn] [--dgemm]
                        [--nets NET,...] [--online NET,...] [--threads N] [--quick]
"""
import argparse
import json
import os
import platform
import sys
import time

import numpy as np

from numpy_epoch import blas_info, loaded_blas

LR = 0.1


class Network:
    """One network's exchange file: data, initial weights, tinynn's weights after one epoch."""

    def __init__(self, directory, net):
        with open(os.path.join(directory, net + ".json")) as f:
            self.meta = json.load(f)
        n, d, h = self.meta["rows"], self.meta["features"], self.meta["hidden"]
        self.net, self.n, self.d, self.h = net, n, d, h
        self.tolerance = self.meta["tolerance"]
        values = np.fromfile(os.path.join(directory, net + ".f64"), dtype="<f8")
        at = 0

        def take(count, shape=None):
            nonlocal at
            part = values[at:at + count]
            at += count
            return part.reshape(shape) if shape else part

        self.x = np.ascontiguousarray(take(n * d, (n, d)))
        self.y = take(n).copy()

        def layers():
            return [take(d * h, (d, h)).copy(), take(h).copy(), take(h).copy(), take(1).copy()]

        self.initial = layers()
        self.after_batch = layers()
        self.after_online = layers() if self.meta["online"] else None
        if at != values.size:
            raise ValueError(f"{net}.f64 has {values.size} values, its layout {at}")

    def check(self, layers, online=False):
        """The largest difference from tinynn's weights, relative to max(1, |w|), and whether it is within tolerance."""
        expected = self.after_online if online else self.after_batch
        worst = 0.0
        for got, want in zip(layers, expected):
            got = np.asarray(got, dtype=np.float64).reshape(want.shape)
            worst = max(worst, float(np.max(np.abs(got - want) / np.maximum(1.0, np.abs(want)))))
        return {"max_difference": worst, "tolerance": self.tolerance, "ok": bool(worst <= self.tolerance)}


def numpy_peer(net):
    """The epoch written out in NumPy; returns (one epoch, a function reading [W1, b1, w2, b2])."""
    x, y, n = net.x, net.y, net.n
    state = {}

    def reset():
        w1, b1, w2, b2 = (a.copy() for a in net.initial)
        state.update(w1=w1, b1=b1, w2=w2, b2=b2[0])

    def epoch():
        w1, b1, w2, b2 = state["w1"], state["b1"], state["w2"], state["b2"]
        a1 = 1 / (1 + np.exp(-(x @ w1 + b1)))
        z = a1 @ w2 + b2
        p = 1 / (1 + np.exp(-z))
        loss = np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z))))
        delta = p - y
        d1 = np.outer(delta, w2) * a1 * (1 - a1)
        state["w2"] = w2 - LR * (a1.T @ delta / n)
        state["b2"] = b2 - LR * (delta.sum() / n)
        state["w1"] = w1 - LR * (x.T @ d1 / n)
        state["b1"] = b1 - LR * (d1.sum(axis=0) / n)
        return loss

    def layers():
        return [state["w1"], state["b1"], state["w2"], [state["b2"]]]

    return reset, epoch, layers


def torch_model(net):
    import torch
    from torch import nn

    model = nn.Sequential(nn.Linear(net.d, net.h), nn.Sigmoid(), nn.Linear(net.h, 1)).double()
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    loss_fn = nn.BCEWithLogitsLoss()
    x = torch.from_numpy(net.x)
    y = torch.from_numpy(net.y).unsqueeze(1)

    def reset():
        w1, b1, w2, b2 = net.initial
        with torch.no_grad():
            model[0].weight.copy_(torch.from_numpy(w1.T.copy()))
            model[0].bias.copy_(torch.from_numpy(b1))
            model[2].weight.copy_(torch.from_numpy(w2.reshape(1, -1)))
            model[2].bias.copy_(torch.from_numpy(b2))

    def step(rows_x, rows_y):
        optimizer.zero_grad()
        loss = loss_fn(model(rows_x), rows_y)
        loss.backward()
        optimizer.step()
        return loss

    def layers():
        return [model[0].weight.detach().numpy().T, model[0].bias.detach().numpy(),
                model[2].weight.detach().numpy().ravel(), model[2].bias.detach().numpy()]

    return reset, step, layers, x, y


def torch_peer(net):
    reset, step, layers, x, y = torch_model(net)
    return reset, lambda: step(x, y).item(), layers


def torch_online_peer(net):
    reset, step, layers, x, y = torch_model(net)

    def epoch():
        for i in range(net.n):
            step(x[i:i + 1], y[i:i + 1])

    return reset, epoch, layers


def sklearn_peer(net):
    import warnings

    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(hidden_layer_sizes=(net.h,), activation="logistic", solver="sgd", alpha=0.0,
                          batch_size=net.n, learning_rate="constant", learning_rate_init=LR, momentum=0.0,
                          nesterovs_momentum=False, shuffle=False, max_iter=1)
    classes = np.array([0.0, 1.0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.partial_fit(net.x, net.y, classes=classes)  # draws its own weights; ours are set in reset()

    def reset():
        w1, b1, w2, b2 = net.initial
        model.coefs_ = [w1.copy(), w2.reshape(-1, 1).copy()]
        model.intercepts_ = [b1.copy(), b2.copy()]

    def epoch():
        model.partial_fit(net.x, net.y)
        return model.loss_

    def layers():
        return [model.coefs_[0], model.intercepts_[0], model.coefs_[1].ravel(), model.intercepts_[1]]

    return reset, epoch, layers


PEERS = {"numpy": numpy_peer, "torch": torch_peer, "sklearn": sklearn_peer}


def median_ns(reset, epoch, seconds, least):
    """The median time of one epoch, after a warm-up; at least `least` samples, else about `seconds` of them."""
    reset()
    epoch()
    deadline = time.perf_counter() + seconds / 4
    while time.perf_counter() < deadline:
        epoch()
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(samples) < least:
        reset()
        t0 = time.perf_counter_ns()
        epoch()
        samples.append(time.perf_counter_ns() - t0)
    return float(np.median(samples)), len(samples)


def checked_time(name, net, make, seconds, least, online=False):
    reset, epoch, layers = make(net)
    reset()
    epoch()
    check = net.check(layers(), online)
    result = {"check": check}
    kind = "online" if online else "batch"
    if check["ok"]:
        result["epoch_ns"], result["samples"] = median_ns(reset, epoch, seconds, least)
        print(f"{name:>8} {kind:>6} {net.net:>11}: {result['epoch_ns']:>16,.0f} ns per epoch"
              f" (weights within {check['max_difference']:.1e})", flush=True)
    else:
        print(f"{name:>8} {kind:>6} {net.net:>11}: NOT TIMED: after one epoch its weights differ from tinynn's by"
              f" {check['max_difference']:.3e} (allowed {check['tolerance']})", file=sys.stderr, flush=True)
    return result


def blas_threads(count):
    """Sets NumPy's BLAS thread count: threadpoolctl if importable, else OpenBLAS's own call through ctypes."""
    try:
        import threadpoolctl

        threadpoolctl.threadpool_limits(count, user_api="blas")
        return
    except ImportError:
        pass
    for _, lib in loaded_blas():
        for setter in ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads"):
            if hasattr(lib, setter):
                getattr(lib, setter)(count)
                return
    raise RuntimeError("cannot set the BLAS thread count: no threadpoolctl and no OpenBLAS found")


def blas_libraries():
    """Every BLAS library loaded by now, with its kernel (threadpoolctl), or [] without threadpoolctl."""
    try:
        import threadpoolctl
    except ImportError:
        return []
    return [f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} ({i.get('filepath')})"
            for i in threadpoolctl.threadpool_info() if i.get("user_api") == "blas"]


def dgemm(threads, seconds):
    """GFLOP/s of NumPy's @ on two n×n float64 matrices (n = 256, 1024), on `threads` threads and on one."""
    out = {}
    rng = np.random.default_rng(1)
    for n in (256, 1024):
        a = rng.uniform(-1, 1, size=(n, n))
        b = rng.uniform(-1, 1, size=(n, n))
        c = np.empty((n, n))
        row = {}
        for label, count in (("all", threads), ("one", 1)):
            blas_threads(count)
            ns, _ = median_ns(lambda: None, lambda: np.matmul(a, b, out=c), seconds, 5)
            row[label + "_ns"] = ns
            row[label + "_gflops"] = 2.0 * n ** 3 / ns
        blas_threads(threads)
        out[str(n)] = row
        print(f"   numpy  dgemm {n:>5}: {row['all_gflops']:6.1f} GFLOP/s on {threads} threads,"
              f" {row['one_gflops']:6.1f} on one", flush=True)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exchange", required=True, help="the folder NetworkExchange wrote")
    parser.add_argument("--out", required=True)
    parser.add_argument("--peers", default="numpy")
    parser.add_argument("--nets", default="", help="the batch networks (default: every NET.json in the folder)")
    parser.add_argument("--online", default="", help="the online networks for PyTorch's per-row loop")
    parser.add_argument("--dgemm", action="store_true", help="also time NumPy's @ (the dgemm ceiling)")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--quick", action="store_true", help="1 s and 3 samples per network instead of 4 s and 5")
    args = parser.parse_args()
    seconds, least = (1.0, 3) if args.quick else (4.0, 5)
    peers = [p for p in args.peers.split(",") if p]
    np.dot(np.ones((64, 64)), np.ones(64))  # loads the BLAS library before asking about it
    blas_threads(args.threads)
    result = {"python": platform.python_version(), "executable": sys.executable, "numpy": np.__version__,
              "blas": blas_info(), "threads": args.threads,
              "environment": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
              "batch": {}, "online": {}}
    print(f"network peers on {sys.executable}: NumPy {np.__version__}, BLAS {result['blas']['library']}"
          f" {result['blas']['version']}, kernel {result['blas']['kernel']}, {args.threads} threads", flush=True)
    if "torch" in peers or args.online:
        import torch

        torch.set_num_threads(args.threads)
        result["torch"] = torch.__version__
        result["torch_threads"] = torch.get_num_threads()
        config = torch.__config__.show()
        result["torch_config"] = [line.strip(" -") for line in config.splitlines() if "CPU capability" in line] + [
            item[item.index("BLAS_INFO"):].strip() for item in config.replace("\n", ",").split(",") if "BLAS_INFO" in item]
    if "sklearn" in peers:
        import sklearn

        result["sklearn"] = sklearn.__version__
    if args.dgemm:
        result["dgemm"] = dgemm(args.threads, seconds)
    nets = [n for n in args.nets.split(",") if n] or sorted(
        (f[:-5] for f in os.listdir(args.exchange) if f.endswith(".json")),
        key=lambda name: json.load(open(os.path.join(args.exchange, name + ".json")))["rows"]
        * json.load(open(os.path.join(args.exchange, name + ".json")))["hidden"] ** 2)
    failed = False
    for name in nets:
        net = Network(args.exchange, name)
        for peer in peers:
            timed = checked_time(peer, net, PEERS[peer], seconds, least)
            result["batch"].setdefault(peer, {})[name] = timed
            failed |= not timed["check"]["ok"]
    for name in (n for n in args.online.split(",") if n):
        net = Network(args.exchange, name)
        timed = checked_time("torch", net, torch_online_peer, seconds, least, online=True)
        result["online"].setdefault("torch", {})[name] = timed
        failed |= not timed["check"]["ok"]
    result["blas_libraries"] = blas_libraries()  # PyTorch or scikit-learn may have loaded another BLAS
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
