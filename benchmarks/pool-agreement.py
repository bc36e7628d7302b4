"""Agreement of two scorings of the same pool: tau-b of their losses and of their accuracies.

usage: python3 benchmarks/pool-agreement.py A.json B.json
A and B are pool files of one super-net: a run's pool-epoch-NNNN.json or the evaluation.json of
`lmnas evaluate` (both hold "pool": [{"arch", "supernet_loss", "supernet_accuracy"}, ...]).
"""
import itertools
import json
import sys


def pool(path):
    with open(path) as f:
        return {row["arch"]: row for row in json.load(f)["pool"]}


def tau_b(x, y):
    concordant = discordant = ties_x = ties_y = 0
    for i, j in itertools.combinations(range(len(x)), 2):
        dx = (x[i] > x[j]) - (x[i] < x[j])
        dy = (y[i] > y[j]) - (y[i] < y[j])
        if dx == 0 and dy == 0:
            continue
        if dx == 0:
            ties_x += 1
        elif dy == 0:
            ties_y += 1
        elif dx == dy:
            concordant += 1
        else:
            discordant += 1
    n0 = concordant + discordant
    return (concordant - discordant) / (((n0 + ties_x) * (n0 + ties_y)) ** 0.5)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    a, b = pool(sys.argv[1]), pool(sys.argv[2])
    archs = sorted(a.keys() & b.keys())
    if not archs:
        sys.exit(f"{sys.argv[1]} and {sys.argv[2]} share no architecture")
    for score in ("supernet_loss", "supernet_accuracy"):
        x = [a[k][score] for k in archs]
        y = [b[k][score] for k in archs]
        diff = max(abs(p - q) for p, q in zip(x, y))
        print(f"{score}: n={len(archs)} tau-b={tau_b(x, y):.4f} max|difference|={diff:.6f}")


if __name__ == "__main__":
    main()
