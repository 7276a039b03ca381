#!/usr/bin/env python3
"""Times one batch epoch of tinynn's neuron in NumPy, at the benchmarks' sizes, for comparison.

The same math as tinynn's batch epoch with cross-entropy:
    z = X@w + b;  p = sigmoid(z);  L = mean(max(z,0) - y*z + log1p(exp(-|z|)))
    delta = p - y;  g = X.T@delta / n;  gb = sum(delta)/n;  w -= lr*g;  b -= lr*gb
in float64, on data of the same shapes (random in [-1, 1), the tutorial's tables at 4x1 and 4x2).

Several ways of writing the epoch are timed (plain expressions; expressions writing into
preallocated buffers with out=; np.dot/@ variants) and the best median is reported as "NumPy's
best", beside every variant's median. Each variant runs until about --seconds of samples are
collected, after a warm-up; each sample times a batch of epochs with time.perf_counter_ns.

The JSON also records which BLAS NumPy used and which kernel it picked for this CPU (threadpoolctl
if it is importable, else OpenBLAS's own get_corename through ctypes, else numpy.show_config()),
and whether OPENBLAS_CORETYPE or OPENBLAS_L2_SIZE were set: benchmarks/run unsets both for this
command, because forcing an older kernel (some machines set OPENBLAS_CORETYPE=Haswell to work
around old OpenBLAS builds) slows a current NumPy by about 30%.

usage: numpy_epoch.py [--quick] [--out FILE.json] [--sizes 4x1,1000000x16]
"""
import argparse
import ctypes
import json
import os
import platform
import sys
import time

import numpy as np

SIZES = ["4x1", "4x2", "1000x2", "100000x16", "1000000x16"]
LR = 0.1


def data(size):
    n, d = (int(v) for v in size.split("x"))
    if size == "4x1":
        return np.array([[1.0], [2.0], [3.0], [4.0]]), np.array([0.0, 0.0, 1.0, 1.0])
    if size == "4x2":
        return np.array([[1.0, 5.0], [2.0, 6.0], [3.0, 7.0], [4.0, 8.0]]), np.array([0.0, 0.0, 1.0, 1.0])
    rng = np.random.default_rng(20260520)
    x = rng.uniform(-1, 1, size=(n, d))
    truth = rng.uniform(-2, 2, size=d)
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-(x @ truth)))).astype(np.float64)
    return np.ascontiguousarray(x), y


def plain(x, y):
    n, d = x.shape
    state = {"w": np.full(d, 0.1), "b": 0.0}

    def epoch():
        w, b = state["w"], state["b"]
        z = x @ w + b
        p = 1 / (1 + np.exp(-z))
        loss = np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z))))
        delta = p - y
        g = x.T @ delta / n
        gb = delta.sum() / n
        state["w"] = w - LR * g
        state["b"] = b - LR * gb
        return loss

    return epoch


def buffered(x, y):
    n, d = x.shape
    w = np.full(d, 0.1)
    bias = np.zeros(1)
    z, p, t, delta = (np.empty(n) for _ in range(4))
    g = np.empty(d)

    def epoch():
        np.dot(x, w, out=z)
        np.add(z, bias[0], out=z)
        np.negative(z, out=p)
        np.exp(p, out=p)
        np.add(p, 1, out=p)
        np.reciprocal(p, out=p)
        np.abs(z, out=t)
        np.negative(t, out=t)
        np.exp(t, out=t)
        np.log1p(t, out=t)
        np.maximum(z, 0, out=delta)
        np.add(t, delta, out=t)
        np.multiply(y, z, out=delta)
        np.subtract(t, delta, out=t)
        loss = t.sum() / n
        np.subtract(p, y, out=delta)
        np.dot(delta, x, out=g)
        np.multiply(g, LR / n, out=g)
        np.subtract(w, g, out=w)
        bias[0] -= LR * delta.sum() / n
        return loss

    return epoch


def dot_variant(x, y):
    n, d = x.shape
    xt = np.ascontiguousarray(x.T)  # d×n copy made once, so both products read contiguous rows
    state = {"w": np.full(d, 0.1), "b": 0.0}

    def epoch():
        w, b = state["w"], state["b"]
        z = np.dot(w, xt) + b
        e = np.exp(-np.abs(z))
        p = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
        loss = np.mean(np.maximum(z, 0) - y * z + np.log1p(e))
        delta = p - y
        g = np.dot(xt, delta) / n
        state["w"] = w - LR * g
        state["b"] = b - LR * delta.sum() / n
        return loss

    return epoch


VARIANTS = {"expressions": plain, "out= buffers": buffered, "X transposed once, one exp": dot_variant}


def time_variant(epoch, seconds):
    t0 = time.perf_counter_ns()
    epoch()
    once = max(time.perf_counter_ns() - t0, 1)
    batch = max(1, int(2e6 / once))  # about 2 ms per sample
    deadline = time.perf_counter() + seconds / 4
    while time.perf_counter() < deadline:  # warm-up
        epoch()
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(samples) < 5:
        t0 = time.perf_counter_ns()
        for _ in range(batch):
            epoch()
        samples.append((time.perf_counter_ns() - t0) / batch)
    return float(np.median(samples))


def loaded_blas():
    """(path, library) for every BLAS shared library this process has loaded by now, opened with ctypes in path order."""
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and ".so" in line})
    for path in paths:
        yield path, ctypes.CDLL(path)


def blas_info():
    """Which BLAS library NumPy loaded, its version and the CPU kernel it chose."""
    try:
        import threadpoolctl

        blas = [i for i in threadpoolctl.threadpool_info() if i.get("user_api") == "blas"]
        if blas:
            info = blas[0]
            return {"source": "threadpoolctl", "library": info.get("internal_api"), "version": info.get("version"),
                    "kernel": info.get("architecture"), "threads": info.get("num_threads"),
                    "file": info.get("filepath")}
    except ImportError:
        pass
    for path, lib in loaded_blas():
        for corename, config in (("scipy_openblas_get_corename64_", "scipy_openblas_get_config64_"),
                                 ("scipy_openblas_get_corename", "scipy_openblas_get_config"),
                                 ("openblas_get_corename", "openblas_get_config")):
            if hasattr(lib, corename):
                getattr(lib, corename).restype = ctypes.c_char_p
                getattr(lib, config).restype = ctypes.c_char_p
                return {"source": "OpenBLAS get_corename via ctypes", "library": "openblas",
                        "version": getattr(lib, config)().decode().split()[1],
                        "kernel": getattr(lib, corename)().decode(), "file": path}
    blas = np.show_config(mode="dicts").get("Build Dependencies", {}).get("blas", {})
    return {"source": "numpy.show_config", "library": blas.get("name"), "version": blas.get("version"),
            "kernel": "unknown (" + str(blas.get("openblas configuration")) + ")"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1 s per variant instead of 4")
    parser.add_argument("--out", default="numpy.json")
    parser.add_argument("--sizes", default=",".join(SIZES))
    args = parser.parse_args()
    seconds = 1.0 if args.quick else 4.0
    np.dot(np.ones((64, 64)), np.ones(64))  # makes sure the BLAS library is loaded before asking about it
    result = {"numpy": np.__version__, "python": platform.python_version(), "executable": sys.executable,
              "blas": blas_info(),
              "environment": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
              "sizes": {}}
    print(f"numpy {np.__version__}: BLAS {result['blas']['library']} {result['blas']['version']},"
          f" kernel {result['blas']['kernel']}", flush=True)
    for size in args.sizes.split(","):
        x, y = data(size)
        medians = {name: time_variant(make(x, y), seconds) for name, make in VARIANTS.items()}
        best = min(medians, key=medians.get)
        result["sizes"][size] = {"best_ns": medians[best], "best": best, "variants_ns": medians}
        print(f"numpy {size:>11}: best {medians[best]:>14,.0f} ns ({best})", flush=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
