"""Runs AutoShield's exported networks in PyTorch for the C# parity tests.

usage: torch_parity.py REQUEST.json RESPONSE.json

The request holds the architecture, the state dict, inputs [N, ...], labels and class weights. The response holds
the eval-mode outputs (no_grad, so torch may take its fused inference path), and from a second, grad-enabled
eval-mode run: the loss (weighted cross-entropy for classifiers, mean squared error for the autoencoder), the
parameter gradients in torch layout, and the input gradient.
"""
import json
import sys

import torch

from autoshield_torch import build, load_state


def main(request_path, response_path):
    with open(request_path, encoding="utf-8") as f:
        request = json.load(f)
    torch.set_num_threads(1)
    model = build(request["architecture"])
    load_state(model, request["state"])
    model.eval()
    inputs = torch.tensor(request["inputs"]["values"], dtype=torch.float32).reshape(request["inputs"]["shape"])

    with torch.no_grad():
        outputs = model(inputs)

    x = inputs.clone().requires_grad_(True)
    y = model(x)
    if request["architecture"]["kind"] == "dense-autoencoder":
        loss = torch.mean((y - inputs) ** 2)
    else:
        weights = torch.tensor(request["classWeights"], dtype=torch.float32)
        labels = torch.tensor(request["labels"], dtype=torch.long)
        loss = torch.nn.functional.cross_entropy(y, labels, weight=weights)
    loss.backward()

    response = {
        "torchVersion": torch.__version__,
        "outputs": outputs.reshape(-1).tolist(),
        "loss": loss.item(),
        "gradients": {name: p.grad.reshape(-1).tolist() for name, p in model.named_parameters()},
        "inputGradient": x.grad.reshape(-1).tolist(),
    }
    with open(response_path, "w", encoding="utf-8") as f:
        json.dump(response, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
