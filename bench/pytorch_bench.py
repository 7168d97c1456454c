#!/usr/bin/python3
"""PyTorch side of the speed comparison in docs/benchmarks.md (issue 10), run by hand.

Times the same training work as `lstm-repro bench --suite vanilla` and `--suite jsb`, on one
thread: nn.LSTM (no peepholes; ours has them, 3H weights more) + a linear head with logistic
outputs, forward, backward (full BPTT) and one SGD step with Nesterov momentum 0.9 at rate 0.01
per minibatch of B sequences, gradients zeroed. Reports time steps per second, counting every
real step of every sequence once (so B = 32 is per sequence-step, as in our bench).

  adding: input 2, lengths uniform in [T, T + T/10] (T = 100), one target at the last step,
          squared error; inputs drawn like the adding problem's (values in [-1, 1], two marks).
  jsb:    the JSB Chorales training split from the project's data file (88 inputs, 88 outputs,
          next-frame prediction, binary cross-entropy at every step); minibatches of B chorales
          in a fixed random order.
Minibatches are padded to their longest sequence with the loss masked (PyTorch's usual CPU path;
the padded steps are computed but not counted), or with --packed run as packed sequences, which
measured 2-3x slower at these sizes.

Usage (Debian: apt-get install python3-torch; use the system python):
  /usr/bin/python3 bench/pytorch_bench.py                        # every case, float32 and float64
  /usr/bin/python3 bench/pytorch_bench.py --suite jsb --hidden 64 --batch 32 --dtype float32
Prints one line per case: suite, H, B, dtype, steps/s median [min, max] over the repetitions,
steps per second of process CPU time (the better estimate on a shared machine) and the CPU share
(CPU time over wall time; 1.0 on an idle core).
"""
import argparse
import json
import os
import random
import statistics
import sys
import time

import torch
import torch.nn as nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JSB_FILE = os.path.join(ROOT, "tasks/src/main/resources/org/lstmrepro/tasks/data/jsb-chorales-quarter.json")
LOWEST_NOTE, UNITS = 21, 88
PACKED = False


def adding_sequences(count, length, rng):
    """(inputs [L, 2], target scalar) pairs shaped like the adding problem's."""
    out = []
    for _ in range(count):
        n = rng.randint(length, length + length // 10)
        x = torch.zeros(n, 2)
        x[:, 0] = torch.tensor([rng.uniform(-1, 1) for _ in range(n)])
        x[0, 1] = x[n - 1, 1] = -1.0
        i1, i2 = rng.sample(range(min(10, n)), 1)[0], rng.sample(range(10, min(n, length // 2)), 1)[0]
        x[i1, 1] = x[i2, 1] = 1.0
        out.append((x, 0.5 + (x[i1, 0] + x[i2, 0]).item() / 4.0))
    return out


def jsb_sequences():
    """The training chorales as (inputs [L-1, 88], targets [L-1, 88]) pairs, frames as 88 binary units."""
    with open(JSB_FILE) as f:
        train = json.load(f)["train"]
    out = []
    for chorale in train:
        frames = torch.zeros(len(chorale), UNITS)
        for t, notes in enumerate(chorale):
            for note in notes:
                frames[t, note - LOWEST_NOTE] = 1.0
        out.append((frames[:-1], frames[1:]))
    return out


class Model(nn.Module):
    def __init__(self, inputs, hidden, outputs):
        super().__init__()
        self.lstm = nn.LSTM(inputs, hidden)
        self.head = nn.Linear(hidden, outputs)


def make_batches(suite, batch, rng, pool):
    if suite == "adding":
        seqs = adding_sequences(pool, 100, rng)
    else:
        seqs = jsb_sequences()
        rng.shuffle(seqs)
    batches = [seqs[i:i + batch] for i in range(0, len(seqs) - batch + 1, batch)]
    return batches


def prepare(suite, batches, dtype):
    """Tensors per minibatch, built before timing: (packed input, targets, mask or last index, steps)."""
    prepared = []
    for b in batches:
        lengths = torch.tensor([len(s[0]) for s in b])
        xs = nn.utils.rnn.pad_sequence([s[0].to(dtype) for s in b])            # [L, B, I]
        packed = nn.utils.rnn.pack_padded_sequence(xs, lengths, enforce_sorted=False) if PACKED else xs
        if suite == "adding":
            target = torch.tensor([s[1] for s in b], dtype=dtype)
            prepared.append((packed, target, lengths - 1, int(lengths.sum())))
        else:
            ds = nn.utils.rnn.pad_sequence([s[1].to(dtype) for s in b])
            mask = (torch.arange(xs.shape[0])[:, None] < lengths[None, :]).to(dtype)  # [L, B]
            prepared.append((packed, ds, mask, int(lengths.sum())))
    return prepared


def train_batch(model, opt, suite, item):
    packed, target, extra, _ = item
    opt.zero_grad()
    out, _ = model.lstm(packed)
    ys = nn.utils.rnn.pad_packed_sequence(out)[0] if PACKED else out           # [L, B, H]
    if suite == "adding":
        last = ys[extra, torch.arange(ys.shape[1])]                            # [B, H]
        y = torch.sigmoid(model.head(last)).squeeze(1)
        loss = 0.5 * ((y - target) ** 2).sum()
    else:
        logits = model.head(ys)
        per = nn.functional.binary_cross_entropy_with_logits(logits, target, reduction="none").sum(2)
        loss = (per * extra).sum()
    loss.backward()
    opt.step()


def measure(suite, hidden, batch, dtype, warmup, repetitions, seconds, pool):
    torch.manual_seed(1)
    rng = random.Random(1)
    inputs, outputs = (2, 1) if suite == "adding" else (UNITS, UNITS)
    model = Model(inputs, hidden, outputs).to(dtype)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True)
    data = prepare(suite, make_batches(suite, batch, rng, pool), dtype)
    i = 0

    def run(units):
        nonlocal i
        steps = 0
        for _ in range(units):
            item = data[i]
            i = (i + 1) % len(data)
            train_batch(model, opt, suite, item)
            steps += item[3]
        return steps

    end = time.perf_counter() + warmup
    units, per_unit = 1, 0.0
    while time.perf_counter() < end:
        t0 = time.perf_counter()
        run(units)
        per_unit = (time.perf_counter() - t0) / units
        units *= 2
    units = max(1, int(seconds / max(per_unit, 1e-9)))
    rates, cpu_rates, shares = [], [], []
    for _ in range(repetitions):
        w0, c0 = time.perf_counter(), time.process_time()
        steps = run(units)
        w1, c1 = time.perf_counter(), time.process_time()
        rates.append(steps / (w1 - w0))
        cpu_rates.append(steps / max(c1 - c0, 1e-9))
        shares.append((c1 - c0) / (w1 - w0))
    return (statistics.median(rates), min(rates), max(rates), statistics.median(cpu_rates),
            statistics.median(shares))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--suite", choices=["adding", "jsb", "all"], default="all")
    p.add_argument("--hidden", type=lambda s: [int(v) for v in s.split(",")])
    p.add_argument("--batch", type=lambda s: [int(v) for v in s.split(",")], default=[1, 32])
    p.add_argument("--dtype", choices=["float32", "float64", "both"], default="both")
    p.add_argument("--warmup", type=float, default=2.0)
    p.add_argument("--repetitions", type=int, default=5)
    p.add_argument("--repetition-seconds", type=float, default=1.0)
    p.add_argument("--pool", type=int, default=256, help="adding: pre-generated sequences")
    p.add_argument("--packed", action="store_true",
                   help="run minibatches as packed sequences (default: padded to the longest, loss masked;"
                        " measured faster for these shapes)")
    a = p.parse_args()
    global PACKED
    PACKED = a.packed
    torch.set_num_threads(1)
    suites = ["adding", "jsb"] if a.suite == "all" else [a.suite]
    dtypes = {"float32": [torch.float32], "float64": [torch.float64],
              "both": [torch.float32, torch.float64]}[a.dtype]
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} thread, python {sys.version.split()[0]},"
          f" {'packed' if PACKED else 'padded'} minibatches")
    print("suite      H   B  dtype     steps/s (wall) median [min, max]   steps per CPU second  CPU share")
    for suite in suites:
        hidden = a.hidden or ([8, 32, 128] if suite == "adding" else [20, 64, 200])
        for h in hidden:
            for b in a.batch:
                for dt in dtypes:
                    med, lo, hi, cpu, share = measure(suite, h, b, dt, a.warmup, a.repetitions,
                                                      a.repetition_seconds, max(a.pool, b))
                    print(f"{suite:7s} {h:4d} {b:3d}  {str(dt).split('.')[1]:8s} {med:12,.0f} [{lo:,.0f}, {hi:,.0f}]"
                          f"  {cpu:12,.0f}  {share:.2f}", flush=True)


if __name__ == "__main__":
    main()
