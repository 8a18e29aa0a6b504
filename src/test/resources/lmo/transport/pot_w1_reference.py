"""Regenerates pot-w1-reference.properties: POT's ot.sinkhorn on the W1 workload of ../shared/bench.

usage: /usr/bin/python3 pot_w1_reference.py > pot-w1-reference.properties     (POT 0.8.2 from Debian python3-pot)

W1 (../shared/bench/README.md, common.py): x_i = (frac(i a1), frac(i a2)), y_j = (0.5 frac(j b1) + 0.5,
0.5 frac(j b2) + 0.25), i, j = 0 .. n-1, uniform weights 1/n, M = |x - y|^2 (from the differences) divided by its
max, reg = 0.01 (POT: K = exp(-M / reg)), 200 (and 20) iterations with stopThr = 0 (never stops early).
POT's sinkhorn_knopp starts from u = 1/n and repeats v = b / K^T u, u = a / K v; the plan is diag(u) K diag(v).
"""
import sys

import numpy as np
import ot

A1, A2 = 0.6180339887498949, 0.4142135623730951
B1, B2 = 0.7548776662466927, 0.5698402909980532


def kron(n, a1, a2):
    i = np.arange(n, dtype=np.float64)
    t1, t2 = i * a1, i * a2
    return np.stack([t1 - np.floor(t1), t2 - np.floor(t2)], axis=1)


def main():
    n, reg, iters = 1000, 0.01, 200
    x = kron(n, A1, A2)
    q = kron(n, B1, B2)
    y = np.stack([0.5 * q[:, 0] + 0.5, 0.5 * q[:, 1] + 0.25], axis=1)
    C = (x[:, 0, None] - y[None, :, 0]) ** 2 + (x[:, 1, None] - y[None, :, 1]) ** 2
    cmax = C.max()
    M = C / cmax
    a = np.full(n, 1.0 / n)
    b = np.full(n, 1.0 / n)
    P = ot.sinkhorn(a, b, M, reg, numItermax=iters, stopThr=0.0, warn=False)
    Plog = ot.sinkhorn(a, b, M, reg, method="sinkhorn_log", numItermax=iters, stopThr=0.0, warn=False)
    out = sys.stdout
    out.write("# POT %s ot.sinkhorn on W1, written by pot_w1_reference.py (do not edit)\n" % ot.__version__)
    out.write("n=%d\nreg=%r\niterations=%d\n" % (n, reg, iters))
    out.write("sum_x=%r\nsum_y=%r\n" % (float(x.sum()), float(y.sum())))
    out.write("cmax=%r\n" % float(cmax))
    out.write("cost_normalized=%r\n" % float(np.sum(P * M)))
    out.write("cost_normalized_sinkhorn_log=%r\n" % float(np.sum(Plog * M)))
    out.write("row_error_l1=%r\n" % float(np.abs(P.sum(1) - a).sum()))
    out.write("col_error_l1=%r\n" % float(np.abs(P.sum(0) - b).sum()))
    # after 20 iterations the plan is far from converged, so this value checks the iteration order too
    P20 = ot.sinkhorn(a, b, M, reg, numItermax=20, stopThr=0.0, warn=False)
    out.write("cost_normalized_20=%r\n" % float(np.sum(P20 * M)))
    out.write("col_error_l1_20=%r\n" % float(np.abs(P20.sum(0) - b).sum()))


if __name__ == "__main__":
    main()
