"""PyTorch twins of AutoShield's C# detection networks.

Parameter names and shapes match the C# networks' TorchParameters, so a state dict exported by
AutoShield.Detection.Interop.TorchStateDict loads with strict=True.
"""
import math

import torch
import torch.nn as nn


def sinusoidal_positions(steps, width):
    """PE[t, 2i] = sin(t * 10000^(-2i/d)), PE[t, 2i+1] = cos(...), in float64 then rounded (as the C# side)."""
    table = torch.zeros(steps, width, dtype=torch.float64)
    positions = torch.arange(steps, dtype=torch.float64)
    for i in range(width):
        pair = (i // 2) * 2
        angle = positions * math.exp(-math.log(10000.0) * pair / width)
        table[:, i] = torch.sin(angle) if i % 2 == 0 else torch.cos(angle)
    return table.float()


class CnnLstm(nn.Module):
    """Conv1d over features ('same') -> ReLU -> LSTM over rows -> last hidden -> dropout -> Linear."""

    def __init__(self, input_width, steps, classes, conv_channels, kernel_size, hidden_size, dropout):
        super().__init__()
        self.conv = nn.Conv1d(input_width, conv_channels, kernel_size, padding="same")
        self.lstm = nn.LSTM(conv_channels, hidden_size, batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden_size, classes)

    def forward(self, x):
        features = torch.relu(self.conv(x.transpose(1, 2))).transpose(1, 2)
        hidden, _ = self.lstm(features)
        return self.head(self.dropout(hidden[:, -1]))


class TransformerClassifier(nn.Module):
    """Linear input projection + sinusoidal positions -> post-norm GELU encoder layers -> pooling -> Linear."""

    def __init__(self, input_width, steps, classes, model_width, heads, layers, feed_forward, pooling, dropout):
        super().__init__()
        self.input = nn.Linear(input_width, model_width)
        self.register_buffer("positions", sinusoidal_positions(steps, model_width), persistent=False)
        layer = nn.TransformerEncoderLayer(
            model_width, heads, feed_forward, dropout, activation="gelu", batch_first=True, norm_first=False)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(model_width, classes)
        self.pooling = pooling

    def forward(self, x):
        encoded = self.encoder(self.input(x) + self.positions)
        pooled = encoded.mean(dim=1) if self.pooling == "Mean" else encoded[:, -1]
        return self.head(pooled)


class DenseAutoencoder(nn.Module):
    """in -> hidden -> code -> hidden -> in, ReLU between; forward returns the reconstruction of x [B, in]."""

    def __init__(self, input_size, hidden_size, code_size):
        super().__init__()
        sizes = [input_size, hidden_size, code_size, hidden_size, input_size]
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = torch.relu(x)
        return x


def build(architecture):
    """Builds the network an architecture object (as the C# side writes it) describes."""
    kind = architecture["kind"]
    if kind == "cnn-lstm":
        return CnnLstm(architecture["inputWidth"], architecture["steps"], architecture["classes"],
                       architecture["convChannels"], architecture["kernelSize"], architecture["hiddenSize"],
                       architecture["dropout"])
    if kind == "transformer":
        return TransformerClassifier(architecture["inputWidth"], architecture["steps"], architecture["classes"],
                                     architecture["modelWidth"], architecture["heads"], architecture["layers"],
                                     architecture["feedForwardWidth"], architecture["pooling"], architecture["dropout"])
    if kind == "dense-autoencoder":
        return DenseAutoencoder(architecture["inputSize"], architecture["hiddenSize"], architecture["codeSize"])
    raise ValueError(f"unknown architecture kind {kind!r}")


def load_state(model, state):
    """Loads {"name": {"shape": [...], "values": [...]}} into the model, strictly."""
    tensors = {name: torch.tensor(t["values"], dtype=torch.float32).reshape(t["shape"]) for name, t in state.items()}
    model.load_state_dict(tensors, strict=True)
