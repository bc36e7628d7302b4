"""The SPOS training step of the engine's benchmark workload, written as a PyTorch user would.

Same network as SposWorkload (NB201 skeleton, C=16, N=1, Fashion-MNIST-shaped 1x28x28 input,
ten classes), same optimizer (SGD lr 0.025, momentum 0.9 without Nesterov, weight decay 5e-4,
gradient-norm clip 5), same batch. The batches are random tensors prepared up front, so the
figure is the step alone. Plain PyTorch idioms on purpose: avg_pool2d for avg_pool_3x3 and every
edge of the drawn cell computed, even edges that cannot reach the output.

usage: python3 spos_step_peer.py [--steps N] [--warmup N] [--threads N] [--batch N] [--pairs M]

--pairs M adds M landmark pairs per step as the paper's code does it: two more paths forwarded on
a second batch and lambda * hinge(better - worse) always backpropagated.
Prints one line starting with RESULT, which benchmarks/peer-pairs.sh reads.
"""
import argparse
import random
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

OPS = ("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")
EDGES = ((1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2))  # (to, from), NB201 order


class ReluConvBn(nn.Sequential):
    def __init__(self, c_in, c_out, kernel, stride):
        super().__init__(nn.ReLU(), nn.Conv2d(c_in, c_out, kernel, stride, kernel // 2, bias=False),
                         nn.BatchNorm2d(c_out))


class MixedEdge(nn.Module):
    """Every candidate op of one edge; forward runs the chosen one."""

    def __init__(self, c):
        super().__init__()
        self.conv1 = ReluConvBn(c, c, 1, 1)
        self.conv3 = ReluConvBn(c, c, 3, 1)

    def forward(self, x, op):
        if op == "skip_connect":
            return x
        if op == "nor_conv_1x1":
            return self.conv1(x)
        if op == "nor_conv_3x3":
            return self.conv3(x)
        if op == "avg_pool_3x3":
            return F.avg_pool2d(x, 3, stride=1, padding=1, count_include_pad=False)
        return torch.zeros_like(x)


class SearchCell(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.edges = nn.ModuleList(MixedEdge(c) for _ in EDGES)

    def forward(self, x, arch):
        nodes = [x]
        for to in (1, 2, 3):
            nodes.append(sum(self.edges[i](nodes[src], arch[i])
                             for i, (dst, src) in enumerate(EDGES) if dst == to))
        return nodes[3]


class Reduction(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.a = ReluConvBn(c_in, c_out, 3, 2)
        self.b = ReluConvBn(c_out, c_out, 3, 1)
        self.shortcut = nn.Conv2d(c_in, c_out, 1, bias=False)

    def forward(self, x):
        return self.b(self.a(x)) + self.shortcut(F.avg_pool2d(x, 2))


class SuperNet(nn.Module):
    def __init__(self, c=16, classes=10):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, c, 3, padding=1, bias=False), nn.BatchNorm2d(c))
        self.cells = nn.ModuleList([SearchCell(c), SearchCell(2 * c), SearchCell(4 * c)])
        self.reductions = nn.ModuleList([Reduction(c, 2 * c), Reduction(2 * c, 4 * c)])
        self.last = nn.BatchNorm2d(4 * c)
        self.classifier = nn.Linear(4 * c, classes)

    def forward(self, x, arch):
        x = self.cells[0](self.stem(x), arch)
        x = self.cells[1](self.reductions[0](x), arch)
        x = self.cells[2](self.reductions[1](x), arch)
        return self.classifier(F.relu(self.last(x)).mean((2, 3)))


def resident_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=600)
    p.add_argument("--warmup", type=int, default=50)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--pairs", type=int, default=0)
    p.add_argument("--lam", type=float, default=10.0)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    draw = random.Random(0)
    net = SuperNet().train()
    opt = torch.optim.SGD(net.parameters(), lr=0.025, momentum=0.9, weight_decay=5e-4)
    batches = [(torch.randn(a.batch, 1, 28, 28), torch.randint(10, (a.batch,))) for _ in range(16)]

    def arch():
        return [draw.choice(OPS) for _ in EDGES]

    millis, losses = [], []
    for s in range(a.warmup + a.steps):
        t0 = time.perf_counter()
        x, y = batches[s % len(batches)]
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(net(x, arch()), y)
        loss.backward()
        xr, yr = batches[(s + 7) % len(batches)]
        for _ in range(a.pairs):
            better = F.cross_entropy(net(xr, arch()), yr)
            worse = F.cross_entropy(net(xr, arch()), yr)
            (a.lam * F.relu(better - worse)).backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        opt.step()
        losses.append(loss.item())
        if s >= a.warmup:
            millis.append(1000 * (time.perf_counter() - t0))
    total = sum(millis) / 1000
    print(f"RESULT peer torch={torch.__version__} threads={a.threads} batch={a.batch} "
          f"pairs={a.pairs} steps={a.steps} steps/s={a.steps / total:.2f} "
          f"median_ms={statistics.median(millis):.2f} rss_mib={resident_mib():.1f} "
          f"last_loss={statistics.mean(losses[-50:]):.4f}")


if __name__ == "__main__":
    main()
