"""TF-IDF vectors of short texts with SciPy's sparse matrices, as scikit-learn's TfidfVectorizer makes them.

The summary and the key dates used scikit-learn's `TfidfVectorizer(stop_words="english", token_pattern=...,
sublinear_tf=True, dtype=float32)`; importing scikit-learn takes about a second (it imports scipy.stats),
which every new process paid. This module makes the same matrix with the same steps in the same order (its
data, indices, index pointers and dtypes are equal, `tests/test_tfidf.py` checks it against scikit-learn),
so every later product and sum, and every sentence picked, stays the same. SciPy's sparse module alone
imports in a fraction of that time.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections import Counter
from functools import reduce
from importlib import resources
from itertools import chain
from operator import add

import numpy as np

WORDS = r"(?u)\b[^\W\d_]{2,}\b"  # words of letters: numbers and clock times say nothing central


@functools.cache
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, kept as data (briefgen/data/stop_words_en.txt)."""
    text = resources.files("briefgen").joinpath("data/stop_words_en.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@functools.lru_cache(maxsize=1 << 17)  # a long-running process meets the same sentences in every build
def _words(text: str, pattern: str) -> tuple[str, ...]:
    """The text's words in order, lower-cased, without stop words (CountVectorizer's analyzer)."""
    stop = stop_words()
    return tuple(word for word in re.findall(pattern, text.lower()) if word not in stop)


def _counts(texts: list[str], pattern: str) -> tuple[dict[str, int], array, list[int], list[int]]:
    """Each text's word counts, words numbered in the order first seen (CountVectorizer._count_vocab)."""
    counts = [Counter(_words(text, pattern)) for text in texts]  # a Counter keeps each word where it first occurs
    vocabulary = {word: number for number, word in enumerate(dict.fromkeys(chain.from_iterable(counts)))}
    columns: list[int] = []
    values = array("i")
    pointers = [0]
    for counted in counts:
        columns.extend(map(vocabulary.__getitem__, counted))
        values.extend(counted.values())
        pointers.append(len(columns))
    return vocabulary, values, columns, pointers


def count_matrix(texts: list[str], pattern: str = WORDS):
    """Word counts, one row per text and one column per word in alphabetical order; ValueError when no
    text has a word that is not a stop word."""
    from scipy import sparse

    vocabulary, values, columns, pointers = _counts(texts, pattern)
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    matrix = sparse.csr_array(
        (np.frombuffer(values, dtype=np.intc), np.asarray(columns, dtype=np.int32), np.asarray(pointers, np.int32)),
        shape=(len(pointers) - 1, len(vocabulary)),
        dtype=np.float32,
    )
    matrix.sort_indices()
    matrix = sparse.csr_matrix(matrix)
    alphabetical = np.empty(len(vocabulary), dtype=matrix.indices.dtype)
    for rank, (_, first_seen) in enumerate(sorted(vocabulary.items())):
        alphabetical[first_seen] = rank
    matrix.indices = alphabetical.take(matrix.indices, mode="clip")
    return matrix[:, np.arange(len(vocabulary))]  # as _limit_features leaves it: every word kept


def tfidf(texts: list[str], pattern: str = WORDS):
    """Sublinear term frequency times smoothed inverse document frequency, rows scaled to unit length."""
    matrix = count_matrix(texts, pattern)
    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(np.float32, copy=False)
    frequency += 1.0
    idf = np.full_like(frequency, fill_value=matrix.shape[0] + 1, dtype=np.float32)
    idf /= frequency
    np.log(idf, out=idf)
    idf += 1.0
    np.log(matrix.data, matrix.data)
    matrix.data += 1.0
    matrix.data *= idf[matrix.indices]
    _unit_rows(matrix.data, matrix.indptr)
    return matrix


def _unit_rows(data: np.ndarray, pointers: np.ndarray) -> None:
    """Each row divided by its length, the squares summed in order in double precision, as scikit-learn's
    _inplace_csr_row_normalize_l2 does (a different order of summation could change the last bit)."""
    squares = (data * data).tolist()  # float32 products, exactly representable as Python floats
    bounds = pointers.tolist()
    # reduce() adds one square after the other to 0.0, as a loop would (sum() compensates from Python 3.12)
    totals = [reduce(add, squares[start:end], 0.0) for start, end in zip(bounds, bounds[1:], strict=False)]
    lengths = np.sqrt(np.asarray(totals, dtype=np.float64))
    lengths[lengths == 0] = 1.0  # a row of zeros (or of squares too small for float32) is left as it is
    data[:] = (data.astype(np.float64) / np.repeat(lengths, np.diff(pointers))).astype(np.float32)
