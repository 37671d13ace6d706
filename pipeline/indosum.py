"""IndoSum helpers: recognise IndoSum records and turn their tokens back into natural text.

IndoSum articles are tokenized (paragraphs -> sentences -> tokens) with every punctuation mark
split off. `detokenize` undoes that with a small set of spacing rules; `sentences` applies it to
one article, carrying the state of open quotes from sentence to sentence within a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["detokenize", "is_indosum", "sentences"]

# Tokens written with no space before them.
_CLOSERS = frozenset({".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "...", "..", "…"})
# Tokens written with no space after them.
_OPENERS = frozenset({"(", "[", "{"})
# Currency symbols glued to the amount that follows (`$ 20` -> `$20`, `US$ 5` -> `US$5`).
_CURRENCY_RE = re.compile(r"(?:[A-Z]{0,3}\$|€|£|¥)")
_NUMBER_RE = re.compile(r"\d[\d.,]*")
# English clitics split off by the tokenizer (`Eminem 's` -> `Eminem's`).
_CLITIC_RE = re.compile(r"(?:['’](?:s|t|re|ve|ll|m|d)|n['’]t)", re.IGNORECASE)
_ALPHA_RE = re.compile(r"[^\W\d_]+")
_DIGITS_RE = re.compile(r"\d+")

# Punctuation that ends a quoted clause: a quote after it and before a lowercase word closes.
_QUOTE_ENDERS = frozenset({",", ".", "?", "!", "...", "..", "…"})
# Quote marks. Curly ones say which side they are on; straight ones are decided by the state
# of their group (open or not). `''` (two apostrophe tokens) is used as a double quote.
_DOUBLE_OPEN, _DOUBLE_CLOSE, _DOUBLE_EITHER = "“", "”", frozenset({'"', "''"})
_SINGLE_OPEN, _SINGLE_CLOSE, _SINGLE_EITHER = "‘", "’", frozenset({"'", "`"})


@dataclass
class _QuoteState:
    """Which quote groups are open; carried across the sentences of one paragraph."""

    open: dict[str, bool] = field(default_factory=lambda: {"double": False, "single": False})


def _merge_tokens(tokens: Sequence[str]) -> list[str]:
    """Drop whitespace tokens and merge token pairs that form one written unit."""
    merged: list[str] = []
    for raw in tokens:
        token = raw.strip()
        if not token:
            continue
        if merged and token == merged[-1] == "-":
            merged[-1] = "--"  # dateline dash `- -` is one `--`
        elif merged and token == merged[-1] == "'":
            merged[-1] = "''"
        else:
            merged.append(token)
    return merged


def _join_inside(left: str, sep: str, right: str) -> bool:
    """Whether `left sep right` is one written unit (`27 / 3`, `anak - anak`, `18 : 9`)."""
    if sep == "/":
        return bool(re.search(r"\w$", left)) and bool(re.match(r"\w", right))
    if sep == ":":
        return bool(_DIGITS_RE.fullmatch(left)) and bool(_DIGITS_RE.fullmatch(right))
    if sep == "-":
        return bool(_ALPHA_RE.fullmatch(left)) and left.lower() == right.lower()
    return False


def _glue_infixes(tokens: list[str]) -> list[str]:
    """Glue `a / b`, `kata - kata` and `18 : 9` triples into single tokens."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        while (
            i + 2 < len(tokens)
            and tokens[i + 1] in {"/", ":", "-"}
            and _join_inside(_last_piece(token), tokens[i + 1], tokens[i + 2])
        ):
            token = token + tokens[i + 1] + tokens[i + 2]
            i += 2
        out.append(token)
        i += 1
    return out


def _last_piece(token: str) -> str:
    """The last part of an already glued token (`28/9` -> `9`), for chained joins."""
    return re.split(r"[/:]", token)[-1] if re.search(r"\w[/:]\w", token) else token


def _quote_side(group: str, prev: str | None, nxt: str | None, state: _QuoteState) -> str:
    """Decide whether an ambiguous straight quote opens or closes."""
    if state.open[group]:
        return "close"
    if prev is not None and (nxt is None or nxt in _CLOSERS):
        return "close"  # `tradisional . "` at the end, or `tradisional " ,`
    if prev in _QUOTE_ENDERS and nxt is not None and nxt[:1].islower():
        return "close"  # `siap , " kata Andi` whose opening quote was lost
    return "open"


def _attach(tokens: list[str], state: _QuoteState) -> list[tuple[str, bool]]:
    """Pair every token with whether a space goes before it."""
    pieces: list[tuple[str, bool]] = []
    glue_next = False  # set after an opener: no space before the next token
    for i, token in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        space = not glue_next
        glue_next = False
        if token in _CLOSERS or _CLITIC_RE.fullmatch(token):
            space = False
        elif token in _OPENERS:
            glue_next = True
        elif _CURRENCY_RE.fullmatch(token) and nxt is not None and _NUMBER_RE.match(nxt):
            glue_next = True
        elif token in (_DOUBLE_OPEN, _SINGLE_OPEN):
            state.open["double" if token == _DOUBLE_OPEN else "single"] = True
            glue_next = True
        elif token in (_DOUBLE_CLOSE, _SINGLE_CLOSE):
            state.open["double" if token == _DOUBLE_CLOSE else "single"] = False
            space = False
        elif token in _DOUBLE_EITHER or token in _SINGLE_EITHER:
            group = "double" if token in _DOUBLE_EITHER else "single"
            if group == "single" and prev is not None and _DIGITS_RE.fullmatch(prev):
                if not state.open[group]:
                    pieces.append((token, False))  # minute mark: `(Dendi 69')`
                    continue
            if _quote_side(group, prev, nxt, state) == "open":
                state.open[group] = True
                glue_next = True
            else:
                state.open[group] = False
                space = False
        pieces.append((token, space and bool(pieces)))
    return pieces


def _detokenize(tokens: Sequence[str], state: _QuoteState) -> str:
    pieces = _attach(_glue_infixes(_merge_tokens(tokens)), state)
    return "".join((" " + token) if space else token for token, space in pieces)


def detokenize(tokens: Sequence[str]) -> str:
    """Join IndoSum tokens into natural text (`Senin ( 27 / 3 ) .` -> `Senin (27/3).`)."""
    return _detokenize(tokens, _QuoteState())


def is_indosum(obj: dict) -> bool:
    """Whether `obj` has IndoSum's `paragraphs`: a list of lists of lists of str."""
    paragraphs = obj.get("paragraphs") if isinstance(obj, dict) else None
    return (
        isinstance(paragraphs, list)
        and all(isinstance(p, list) for p in paragraphs)
        and all(isinstance(s, list) for p in paragraphs for s in p)
        and all(isinstance(t, str) for p in paragraphs for s in p for t in s)
    )


def sentences(obj: dict) -> list[list[str]]:
    """The detokenized sentences of each paragraph of one IndoSum article.

    The shape matches `obj["paragraphs"]` (and so `gold_labels`); a sentence made only of
    whitespace tokens becomes "".
    """
    if not is_indosum(obj):
        raise ValueError(
            "not an IndoSum record: 'paragraphs' must be a list of lists of lists of str"
        )
    result: list[list[str]] = []
    for paragraph in obj["paragraphs"]:
        state = _QuoteState()  # a quote left open at a paragraph's end is not closed later
        result.append([_detokenize(sentence, state) for sentence in paragraph])
    return result
