#!/usr/bin/env python3
"""Times one online epoch (one update per row, in order) of scikit-learn's SGDClassifier, the peer
of tinynn's online epoch (`--updates online`), at the benchmarks' sizes.

    SGDClassifier(loss="log_loss", penalty=None, learning_rate="constant", eta0=lr,
                  max_iter=1, tol=None, shuffle=False).fit(X, y, coef_init=w0, intercept_init=b0)

is the same arithmetic as tinynn's online epoch with cross-entropy: for each row i in order,
z = x_i.w + b, w -= lr*(p - y)*x_i, b -= lr*(p - y). Before timing, the script trains one epoch on
the tutorial's study-hours table (hours 1, 2, 3, 4; labels 0, 0, 1, 1) from w = 0.1, b = 0 at
lr = 0.1 and records the weights, so that they can be compared with
`tinynn train --updates online --epochs 1 --initial-weights 0.1 --learning-rate 0.1`.

The data at the larger sizes are made as numpy_epoch.py makes them (same shapes and seed as its
own; not the JMH benchmarks' numbers, which come from Java's SplittableRandom). Each size is timed
as a median of repeated fits, after a warm-up; a fit includes scikit-learn's input checks, as
anyone calling it pays them.

usage: sklearn_online.py [--quick] [--out FILE.json] [--sizes 1000x2,100000x16,1000000x16]
Run with a Python that has scikit-learn (on Debian, /usr/bin/python3 with python3-sklearn).
"""
import argparse
import json
import platform
import sys
import time
import warnings

import numpy as np

SIZES = ["1000x2", "100000x16", "1000000x16"]
LR = 0.1


def data(size):
    n, d = (int(v) for v in size.split("x"))
    rng = np.random.default_rng(20260520)
    x = rng.uniform(-1, 1, size=(n, d))
    truth = rng.uniform(-2, 2, size=d)
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-(x @ truth)))).astype(np.float64)
    return np.ascontiguousarray(x), y


def one_epoch(x, y, w0, b0):
    from sklearn.linear_model import SGDClassifier

    model = SGDClassifier(loss="log_loss", penalty=None, learning_rate="constant", eta0=LR,
                          max_iter=1, tol=None, shuffle=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # max_iter=1 always "did not converge": one epoch is the point
        model.fit(x, y, coef_init=w0, intercept_init=b0)
    return model


def median_ns(x, y, seconds):
    w0 = np.full(x.shape[1], 0.1)
    b0 = np.zeros(1)
    one_epoch(x, y, w0, b0)
    deadline = time.perf_counter() + seconds / 4
    while time.perf_counter() < deadline:
        one_epoch(x, y, w0, b0)
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(samples) < 5:
        t0 = time.perf_counter_ns()
        one_epoch(x, y, w0, b0)
        samples.append(time.perf_counter_ns() - t0)
    return float(np.median(samples))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1 s per size instead of 4")
    parser.add_argument("--out", default="sklearn.json")
    parser.add_argument("--sizes", default=",".join(SIZES))
    args = parser.parse_args()
    try:
        import sklearn
    except ImportError:
        print(f"scikit-learn is not installed for {sys.executable}", file=sys.stderr)
        return 3
    hours = np.array([[1.0], [2.0], [3.0], [4.0]])
    check = one_epoch(hours, np.array([0.0, 0.0, 1.0, 1.0]), np.array([0.1]), np.zeros(1))
    result = {"python": platform.python_version(), "executable": sys.executable, "numpy": np.__version__,
              "sklearn": sklearn.__version__,
              "check": {"data": "study-hours", "initial_weights": [0.1], "initial_bias": 0.0, "learning_rate": LR,
                        "weights": check.coef_[0].tolist(), "bias": float(check.intercept_[0])},
              "sizes": {}}
    print(f"scikit-learn {sklearn.__version__}: one online epoch on study-hours from w = 0.1, b = 0:"
          f" w = {check.coef_[0][0]!r}, b = {check.intercept_[0]!r}", flush=True)
    seconds = 1.0 if args.quick else 4.0
    for size in args.sizes.split(","):
        x, y = data(size)
        ns = median_ns(x, y, seconds)
        result["sizes"][size] = {"online_epoch_ns": ns}
        print(f"sklearn {size:>11}: {ns:>14,.0f} ns per online epoch", flush=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
