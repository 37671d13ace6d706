"""Train, save and load the Indonesian Punkt parameters shipped in `pipeline/data/punkt_id.json`.

Retrain with::

    python -m pipeline.punkt_train pipeline/data/punkt_id.json \\
        ../shared/data/indosum/dev.01.jsonl ../shared/data/indosum/dev.02.jsonl

Punkt learns unsupervised from raw text, so training reads only the detokenized article text,
never the gold sentence boundaries. The output holds learned types only (no article text) and
is byte-identical on re-runs.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # nltk is imported only when Punkt is first needed
    from nltk.tokenize.punkt import PunktParameters

__all__ = [
    "indosum_texts",
    "load_params",
    "main",
    "params_from_dict",
    "params_to_dict",
    "save_params",
    "train_punkt",
]

FORMAT_VERSION = 1
# A word type must occur this often in training to keep its orthographic context; rarer types
# fall back to "no evidence", which Punkt treats like an unseen word. Keeps the file small.
MIN_ORTHO_COUNT = 20
_ABBREV_SHAPE = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")


# `import nltk` runs nltk's whole package __init__, which imports scipy.stats and scikit-learn for
# features Punkt never uses (collocation tests, SklearnClassifier, the transition parser): 0.9 s of
# the clean stage's start-up, paid before any worker can start. nltk guards each of these imports
# with `except ImportError`, so they can be skipped. (Measured: 0.9 s -> 0.2 s.)
_NLTK_OPTIONAL = ("scipy.stats", "sklearn")
_IMPORT_LOCK = threading.Lock()


def punkt() -> ModuleType:
    """`nltk.tokenize.punkt`; if nltk is not loaded yet, it is loaded without its optional imports.

    The masked modules are absent from nltk only (in this process: nltk's Fisher exact test,
    `SklearnClassifier` and the like, none of which berita uses); anyone may import them later.
    """
    with _IMPORT_LOCK:
        if "nltk" not in sys.modules:
            masked = [name for name in _NLTK_OPTIONAL if name not in sys.modules]
            for name in masked:
                sys.modules[name] = None  # type: ignore[assignment]  # makes the import fail
            try:
                import nltk  # noqa: F401
            finally:
                for name in masked:
                    if sys.modules.get(name, 0) is None:
                        del sys.modules[name]
        from nltk.tokenize import punkt as module
    return module


def train_punkt(texts: Iterable[str]) -> PunktParameters:
    """Learn Punkt parameters (abbreviations, collocations, starters, orthography) from texts.

    Each text is one document; lines are paragraphs.
    """
    trainer = punkt().PunktTrainer()
    # Chosen on the gold sentences of the training folds (never on the held-out ones); the
    # curated abbreviations in pipeline.segment are added on top at load time.
    # Abbreviations: Punkt's cut-off 0.3 with the penalty for types also seen without a
    # period. Ignoring the penalty or a cut-off of 0.1 learns ordinary words that end sentences
    # (F1 on folds 1-2 drops by 0.0003 / 0.0011); 1.0 changes nothing measurable.
    trainer.ABBREV = 0.3
    trainer.IGNORE_ABBREV_PENALTY = False
    # Collocations only after abbreviations (`prof. dr`, `vol. 5`), initials and numbers. With
    # all `word. word` pairs (INCLUDE_ALL_COLLOCS) this corpus yields pairs across real
    # sentence ends such as `gawang. Gol`, which suppress true boundaries (F1 -0.003).
    trainer.INCLUDE_ALL_COLLOCS = False
    trainer.INCLUDE_ABBREV_COLLOCS = True
    trainer.MIN_COLLOC_FREQ = 1
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    # Drop orthographic evidence for rare types (only the ortho table is pruned: 1 keeps all).
    trainer.freq_threshold(
        ortho_thresh=MIN_ORTHO_COUNT, type_thresh=1, colloc_thres=1, sentstart_thresh=1
    )
    params = trainer.get_params()
    # Indonesian writes no ordinal numbers as `5.`: a number with a period before a capitalised
    # word ends a sentence (`menit ke-51. Berawal ...`), so number collocations are dropped.
    params.collocations = {pair for pair in params.collocations if pair[0] != "##number##"}
    # Keep abbreviations made of letters (and inner periods): product codes such as `4g.` or
    # `8k.` end sentences far more often than they abbreviate anything.
    params.abbrev_types = {a for a in params.abbrev_types if _ABBREV_SHAPE.fullmatch(a)}
    return params


def params_to_dict(params: PunktParameters, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """A JSON-ready, deterministic view of Punkt parameters (sorted lists, no sets)."""
    return {
        "format": FORMAT_VERSION,
        "meta": dict(meta or {}),
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": sorted([k, v] for k, v in params.ortho_context.items() if v),
    }


def params_from_dict(data: dict[str, Any]) -> PunktParameters:
    """Rebuild Punkt parameters from `params_to_dict` output."""
    if data.get("format") != FORMAT_VERSION:
        raise ValueError(
            f"unsupported Punkt parameter format {data.get('format')!r}; expected {FORMAT_VERSION}"
        )
    params = punkt().PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {(a, b) for a, b in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    for key, value in data["ortho_context"]:
        params.ortho_context[key] = int(value)
    return params


def save_params(
    params: PunktParameters, path: str | Path, *, meta: dict[str, Any] | None = None
) -> None:
    """Write parameters as sorted JSON, one entry per line (byte-identical on re-runs)."""
    data = params_to_dict(params, meta)
    lines = []
    for key, value in sorted(data.items()):
        if isinstance(value, list) and value:
            entries = ",\n".join("    " + _compact(entry) for entry in value)
            lines.append(f"  {_compact(key)}: [\n{entries}\n  ]")
        else:
            lines.append(f"  {_compact(key)}: {_compact(value)}")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    tmp.replace(target)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def load_params(path: str | Path) -> PunktParameters:
    """Read parameters written by `save_params`."""
    return params_from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def indosum_texts(paths: Sequence[str | Path]) -> Iterator[tuple[str, str]]:
    """(id, text) for each IndoSum article in the JSONL files; one line per paragraph."""
    from pipeline.indosum import sentences

    for path in paths:
        with Path(path).open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                obj = json.loads(line)
                paragraphs = (" ".join(s for s in p if s) for p in sentences(obj))
                yield obj["id"], "\n".join(p for p in paragraphs if p)


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m pipeline.punkt_train OUT.json FILE...`: retrain from IndoSum JSONL files."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 2 or args[0] in {"-h", "--help"}:
        print("usage: python -m pipeline.punkt_train OUT.json INDOSUM.jsonl...", file=sys.stderr)
        return 2
    out, inputs = args[0], args[1:]
    missing = [p for p in inputs if not Path(p).is_file()]
    if missing:
        print(f"error: input file not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    ids: list[str] = []

    def texts() -> Iterator[str]:
        seen: set[str] = set()
        for doc_id, text in indosum_texts(inputs):
            if doc_id not in seen:  # the dev folds share some articles
                seen.add(doc_id)
                ids.append(doc_id)
                yield text

    params = train_punkt(texts())
    meta = {
        "trained_on": sorted(Path(p).name for p in inputs),
        "articles": len(ids),
        "min_ortho_count": MIN_ORTHO_COUNT,
        "source": "IndoSum (Kurniawan & Louvan 2018), detokenized by pipeline.indosum",
    }
    save_params(params, out, meta=meta)
    print(
        f"wrote {out}: {len(params.abbrev_types)} abbreviations, "
        f"{len(params.collocations)} collocations, {len(params.sent_starters)} sentence "
        f"starters, {len(params_to_dict(params)['ortho_context'])} orthographic entries "
        f"from {len(ids)} articles",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
