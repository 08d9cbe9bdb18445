#!/usr/bin/env bash
# Reproduces models/default: the simulator's training seeds plus the training side of the CIC-IDS2017 sample's
# per-day split (docs/detection.md). Deterministic: the same machine gives bit-identical weights.
# Usage: scripts/train-default-model.sh [out-dir]   (default models/default; needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-models/default}"
data="${SHARED_DATA:-../shared/data}"
[ -n "${SKIP_BUILD:-}" ] || dotnet build src/AutoShield.Cli -c Release -nologo -clp:ErrorsOnly >&2
exec src/AutoShield.Cli/bin/Release/net10.0/autoshield train --model cnn-lstm \
  --data "$data/flows/cicids2017_improved_sample_mon-thu.csv.gz" --split day --test-fraction 0.3 \
  --simulate all:1-2@60s --simulate benign-exported:3-6@120s \
  --simulate brute-force:11-14@120s --simulate lateral-movement:11-14@120s \
  --simulate c2-beacon:11-14@10m --simulate data-exfiltration:11-14@5m \
  --epochs 16 --anomaly-epochs 4 --seed 1 --width 32 --calibrate-benign-fpr 0.005 --out "$out" "${@:2}"
