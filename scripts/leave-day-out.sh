#!/usr/bin/env bash
# Measures the detector on real captures it has never seen (docs/detection.md, "Real captures never seen"):
# leave one CIC-IDS2017 day out of the default recipe's training, evaluate on that day alone; a simulator-only model
# on every CIC day; or a given model on every CIC day. Training uses scripts/train-default-model.sh's flags, with
# the CIC CSV filtered by the Timestamp day (zcat/awk, header kept). One summary line per evaluation on stdout.
#
# Usage: scripts/leave-day-out.sh holdout DAY [DAY...]   e.g. holdout 2017-07-05 (Wednesday, all DoS)
#        scripts/leave-day-out.sh sim-only                simulator-only model, evaluated on each CIC day
#        scripts/leave-day-out.sh per-day MODEL_DIR       a trained model, evaluated on each CIC day
# Env:   WORK (default a new mktemp dir; models, filtered CSVs and eval JSON are kept there), SHARED_DATA,
#        SKIP_BUILD=1, EXTRA_TRAIN_FLAGS / EXTRA_EVAL_FLAGS (appended to train / eval), MODEL (holdout: evaluate
#        this model instead of training one, e.g. a variant trained without the day elsewhere), SPLIT (holdout: the
#        training split of the remaining days, default day as in the recipe; none trains on every remaining row).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${SHARED_DATA:-../shared/data}"
csv="$data/flows/cicids2017_improved_sample_mon-thu.csv.gz"
cic_days=(2017-07-03 2017-07-04 2017-07-05 2017-07-06)
case "${1:-}" in
holdout) [ $# -gt 1 ] || { echo "holdout: name the day(s) to hold out, e.g. 2017-07-05" >&2; exit 2; } ;;
sim-only) ;;
per-day)
  [ $# -eq 2 ] || { echo "per-day: name the model directory" >&2; exit 2; }
  model_dir="$2"
  ;;
*)
  sed -n '2,13p' "$0" >&2
  exit 2
  ;;
esac
work="${WORK:-$(mktemp -d /tmp/leave-day-out.XXXXXX)}"
mkdir -p "$work"
echo "leave-day-out: working in $work" >&2
[ -n "${SKIP_BUILD:-}" ] || dotnet build src/AutoShield.Cli -c Release -nologo -clp:ErrorsOnly >&2
cli=(dotnet src/AutoShield.Cli/bin/Release/net10.0/autoshield.dll)

# The simulator part of scripts/train-default-model.sh, unchanged in every run.
sim=(--simulate all:1-2@60s --simulate benign-exported:3-6@120s
  --simulate brute-force:11-14@120s --simulate lateral-movement:11-14@120s
  --simulate c2-beacon:11-14@10m --simulate data-exfiltration:11-14@5m)
recipe=(--epochs 16 --anomaly-epochs 4 --seed 1 --width 32 --calibrate-benign-fpr 0.005)

# filter_days MODE OUT DAY...: MODE keep writes only rows of the days, drop all rows but theirs; header kept.
filter_days() {
  local mode="$1" out="$2"
  shift 2
  zcat "$csv" | awk -F, -v mode="$mode" -v days="$*" '
    BEGIN { n = split(days, d, " "); for (i = 1; i <= n; i++) want[d[i]] = 1 }
    NR == 1 { print; next }
    { hit = (substr($8, 1, 10) in want); if ((mode == "keep") == hit) print }' >"$out"
}

# summarize NAME JSON: one line; floods = labels mapped to SYN_FLOOD, scans = PORT_SCAN, FPR = benign flagged.
summarize() {
  jq -r --arg name "$1" '
    def share(c): [.by_label[] | select(.mapped_class == c)] as $l
      | ($l | map(.windows) | add // 0) as $w | ($l | map(.flagged) | add // 0) as $f
      | if $w == 0 then "-" else "\($f)/\($w) (\((1000 * $f / $w | round) / 10)%)" end;
    "\($name): windows \(.windows); flood windows flagged \(share("SYN_FLOOD")); port-scan windows flagged \(share("PORT_SCAN")); benign FPR \((10000 * .false_positive_rate | round) / 100)%; by label: "
    + ([.by_label | to_entries[] | "\(.key) \(.value.flagged)/\(.value.windows)"] | join(", "))' "$2"
}

# evaluate NAME MODEL DAY: the model on one CIC day, no split (every window of the day is scored).
evaluate() {
  local name="$1" model="$2" day="$3"
  local day_csv="$work/cic-$day.csv"
  [ -s "$day_csv" ] || filter_days keep "$day_csv" "$day"
  # shellcheck disable=SC2086
  "${cli[@]}" eval --model "$model" --data "$day_csv" --split none --output json ${EXTRA_EVAL_FLAGS:-} >"$work/eval-$name-$day.json"
  summarize "$name on $day" "$work/eval-$name-$day.json"
}

train() {
  local out="$1"
  shift
  # shellcheck disable=SC2086
  "${cli[@]}" train --model cnn-lstm "$@" "${sim[@]}" "${recipe[@]}" --out "$out" ${EXTRA_TRAIN_FLAGS:-} >&2
}

case "${1:-}" in
holdout)
  shift
  name="without-$(echo "$*" | tr ' ' '+')"
  model="${MODEL:-$work/model-$name}"
  if [ -z "${MODEL:-}" ]; then
    filter_days drop "$work/cic-$name.csv" "$@"
    train "$model" --data "$work/cic-$name.csv" --split "${SPLIT:-day}" --test-fraction 0.3
  fi
  for day in "$@"; do evaluate "$name" "$model" "$day"; done
  ;;
sim-only)
  model="${MODEL:-$work/model-sim-only}"
  [ -n "${MODEL:-}" ] || train "$model"
  for day in "${cic_days[@]}"; do evaluate sim-only "$model" "$day"; done
  ;;
per-day)
  for day in "${cic_days[@]}"; do evaluate "$(basename "$model_dir")" "$model_dir" "$day"; done
  ;;
esac
