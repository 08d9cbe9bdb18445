#!/usr/bin/env python3
"""RandomForest baseline for `autoshield eval --baseline random-forest`.

Reads one request (JSON) naming raw little-endian files written by AutoShield: training features (float32,
rows x features), training labels (int32), test features; fits scikit-learn's RandomForestClassifier with a
fixed random_state and writes the test rows' class probabilities (float32, rows x classes, columns in class
index order) and a small JSON summary.
"""
import json
import sys
import time


def main(request_path: str) -> int:
    try:
        import numpy as np
        from sklearn.ensemble import RandomForestClassifier
    except ImportError as error:  # the caller turns this into a clear message
        print(f"missing python module: {error.name} (apt-get install python3-sklearn)", file=sys.stderr)
        return 3

    with open(request_path, encoding="utf-8") as handle:
        request = json.load(handle)
    features = request["features"]
    classes = request["classes"]
    train_x = np.fromfile(request["train_x"], dtype="<f4").reshape(-1, features)
    train_y = np.fromfile(request["train_y"], dtype="<i4")
    test_x = np.fromfile(request["test_x"], dtype="<f4").reshape(-1, features)
    if len(train_y) != train_x.shape[0]:
        print(f"{len(train_y)} labels for {train_x.shape[0]} training rows", file=sys.stderr)
        return 2

    model = RandomForestClassifier(
        n_estimators=request["trees"],
        min_samples_leaf=request.get("min_samples_leaf", 1),
        class_weight="balanced",
        random_state=request["seed"],
        n_jobs=request.get("jobs", 1),
    )
    started = time.perf_counter()
    model.fit(train_x, train_y)
    fit_seconds = time.perf_counter() - started
    started = time.perf_counter()
    present = model.predict_proba(test_x) if len(test_x) else np.zeros((0, len(model.classes_)))
    predict_seconds = time.perf_counter() - started

    probabilities = np.zeros((test_x.shape[0], classes), dtype="<f4")
    for column, label in enumerate(model.classes_):
        probabilities[:, int(label)] = present[:, column]
    probabilities.tofile(request["out"])

    import sklearn
    with open(request["summary"], "w", encoding="utf-8") as handle:
        json.dump({
            "sklearn_version": sklearn.__version__,
            "fit_seconds": fit_seconds,
            "predict_seconds": predict_seconds,
            "train_rows": int(train_x.shape[0]),
            "test_rows": int(test_x.shape[0]),
        }, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
