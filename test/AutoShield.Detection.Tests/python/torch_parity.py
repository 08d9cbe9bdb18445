"""Runs AutoShield's exported networks in PyTorch for the C# parity tests.

usage: torch_parity.py REQUEST.json RESPONSE.json

The request holds {"cases": [...]}, each with a name, the architecture, the state dict, inputs [N, ...], labels
and class weights; the response holds {"results": {name: ...}}, one process for every case (importing torch is
the slow part). Each result holds the eval-mode outputs (no_grad, so torch may take its fused inference path), and from a second, grad-enabled
eval-mode run: the loss (weighted cross-entropy for classifiers, mean squared error for the autoencoder), the
parameter gradients in torch layout, and the input gradient.
"""
import json
import sys

import torch

from autoshield_torch import build, load_state


def run_case(case):
    model = build(case["architecture"])
    load_state(model, case["state"])
    model.eval()
    inputs = torch.tensor(case["inputs"]["values"], dtype=torch.float32).reshape(case["inputs"]["shape"])

    with torch.no_grad():
        outputs = model(inputs)

    x = inputs.clone().requires_grad_(True)
    y = model(x)
    if case["architecture"]["kind"] == "dense-autoencoder":
        loss = torch.mean((y - inputs) ** 2)
    else:
        weights = torch.tensor(case["classWeights"], dtype=torch.float32)
        labels = torch.tensor(case["labels"], dtype=torch.long)
        loss = torch.nn.functional.cross_entropy(y, labels, weight=weights)
    loss.backward()

    return {
        "outputs": outputs.reshape(-1).tolist(),
        "loss": loss.item(),
        "gradients": {name: p.grad.reshape(-1).tolist() for name, p in model.named_parameters()},
        "inputGradient": x.grad.reshape(-1).tolist(),
    }


def main(request_path, response_path):
    with open(request_path, encoding="utf-8") as f:
        request = json.load(f)
    torch.set_num_threads(1)
    response = {
        "torchVersion": torch.__version__,
        "results": {case["name"]: run_case(case) for case in request["cases"]},
    }
    with open(response_path, "w", encoding="utf-8") as f:
        json.dump(response, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
