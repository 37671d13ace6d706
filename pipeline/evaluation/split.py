"""One fixed, stratified train/dev/test split of a labelled corpus, shared by every evaluation."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

SPLIT_SEED = 20181101
FRACTIONS = {"train": 0.6, "dev": 0.2, "test": 0.2}


def split_records(
    records: Iterable[dict[str, Any]], *, seed: int = SPLIT_SEED
) -> dict[str, list[dict[str, Any]]]:
    """Split records (deduplicated by `id`) into train/dev/test, stratified by `label`.

    Within each label the ids are sorted, then shuffled with `seed`, so the split depends only on
    the set of (id, label) pairs, never on input order.
    """
    by_label: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for record in records:
        by_label[str(record.get("label"))].setdefault(str(record["id"]), record)
    parts: dict[str, list[dict[str, Any]]] = {name: [] for name in FRACTIONS}
    for label in sorted(by_label):
        ids = sorted(by_label[label])
        random.Random(f"{seed}:{label}").shuffle(ids)
        n_test = round(len(ids) * FRACTIONS["test"])
        n_dev = round(len(ids) * FRACTIONS["dev"])
        parts["test"] += [by_label[label][i] for i in ids[:n_test]]
        parts["dev"] += [by_label[label][i] for i in ids[n_test : n_test + n_dev]]
        parts["train"] += [by_label[label][i] for i in ids[n_test + n_dev :]]
    for name in parts:
        parts[name].sort(key=lambda r: str(r["id"]))
    return parts
