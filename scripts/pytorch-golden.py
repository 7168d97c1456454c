#!/usr/bin/python3
"""Writes the golden PyTorch fixtures of the interchange tests (run by hand, never by the build).

For torch.nn.LSTM (our vanilla:NP), torch.nn.GRU and torch.nn.RNN (tanh), each followed by a linear
output layer: random float64 parameters, one random sequence with targets at some steps, and the
squared-error loss 0.5 * sum over target steps of ||y - d||^2, its outputs and its gradient with
respect to every tensor, all computed by PyTorch (autograd). They are written in the interchange
formats of docs/formats.md (parameter, sequence and gradient files) into
reports/src/test/resources/golden/pytorch/, where GoldenPyTorchTest compares our gradient command's
results with them, without Python.

    /usr/bin/python3 scripts/pytorch-golden.py     # Debian's python3-torch (apt-get install python3-torch)
"""
import json
import pathlib

import torch

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "reports/src/test/resources/golden/pytorch"
I, H, K, T = 3, 4, 2, 12
TARGET_STEPS = (3, 7, T - 1)
SOURCE = f"scripts/pytorch-golden.py with torch {torch.__version__}"


def tensor(x):
    x = x.detach()
    return {"shape": list(x.shape), "values": [float(v) for v in x.reshape(-1).tolist()]}


def write(name, doc):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / name).write_text(json.dumps(doc, indent=1) + "\n")


def case(name, model, config, layer, tensors_of, seed):
    torch.manual_seed(seed)
    with torch.no_grad():
        for p in layer.parameters():
            p.uniform_(-0.5, 0.5)
        if hasattr(layer, "bias_hh_l0") and model in ("vanilla", "rnn"):
            layer.bias_hh_l0.zero_()  # our single bias is PyTorch's bias_ih + bias_hh
    out = torch.nn.Linear(H, K)
    with torch.no_grad():
        out.weight.uniform_(-0.5, 0.5)
        out.bias.uniform_(-0.5, 0.5)
    x = torch.rand(T, I) * 2 - 1
    targets = [None] * T
    for s in TARGET_STEPS:
        targets[s] = (torch.rand(K) * 0.9 + 0.05).tolist()
    h, _ = layer(x.unsqueeze(1))
    y = out(h.squeeze(1))
    loss = sum(0.5 * ((y[s] - torch.tensor(targets[s])) ** 2).sum() for s in TARGET_STEPS)
    loss.backward()
    params = {k: tensor(v) for k, v in tensors_of(layer, False).items()}
    grads = {k: tensor(v) for k, v in tensors_of(layer, True).items()}
    params["output.weight"], params["output.bias"] = tensor(out.weight), tensor(out.bias)
    grads["output.weight"], grads["output.bias"] = tensor(out.weight.grad), tensor(out.bias.grad)
    config = dict(config, inputSize=I, hiddenSize=H, outputSize=K, outputActivation="linear", loss="squared-error")
    write(f"{name}-params.json", {"format": "lstm-repro/params/v1", "source": SOURCE, "model": model,
                                  "config": config, "tensors": params})
    write(f"{name}-sequence.json", {"format": "lstm-repro/sequence/v1", "source": SOURCE,
                                    "inputs": x.tolist(), "targets": targets})
    write(f"{name}-gradient.json", {"format": "lstm-repro/gradient/v1", "source": SOURCE, "model": model,
                                    "rule": "bptt", "loss": loss.item(), "outputs": y.detach().tolist(),
                                    "gradients": grads})


def single_bias(layer, grad):
    pick = (lambda p: p.grad) if grad else (lambda p: p)
    return {"weight_ih": pick(layer.weight_ih_l0), "weight_hh": pick(layer.weight_hh_l0),
            # PyTorch adds bias_ih and bias_hh: the gradient of either is our bias's
            "bias": pick(layer.bias_ih_l0)}


def gru_tensors(layer, grad):
    pick = (lambda p: p.grad) if grad else (lambda p: p)
    return {"weight_ih": pick(layer.weight_ih_l0), "weight_hh": pick(layer.weight_hh_l0),
            "bias_ih": pick(layer.bias_ih_l0), "bias_hh": pick(layer.bias_hh_l0)}


case("lstm-np", "vanilla", {"variant": "NP"}, torch.nn.LSTM(I, H), single_bias, 1)
case("gru", "gru", {}, torch.nn.GRU(I, H), gru_tensors, 2)
case("rnn", "rnn", {}, torch.nn.RNN(I, H, nonlinearity="tanh"), single_bias, 3)
print("wrote", ", ".join(sorted(p.name for p in OUT.glob("*.json"))))
