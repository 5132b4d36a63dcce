"""briefgen.tfidf makes the very matrix scikit-learn's TfidfVectorizer made for the summary and key dates."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st

from briefgen import tfidf

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")


def _sklearn(texts: list[str]):
    vectorizer = sklearn_text.TfidfVectorizer(
        stop_words="english", token_pattern=tfidf.WORDS, sublinear_tf=True, dtype=np.float32
    )
    return vectorizer.fit_transform(texts)


def _assert_same(ours, theirs) -> None:
    assert type(ours) is type(theirs)
    assert ours.shape == theirs.shape
    for name in ("data", "indices", "indptr"):
        mine, other = getattr(ours, name), getattr(theirs, name)
        assert mine.dtype == other.dtype, name
        assert mine.tobytes() == other.tobytes(), name  # bit for bit, in the same order
    assert ours.has_sorted_indices == theirs.has_sorted_indices


def _fixture_sentences() -> list[str]:
    lines = []
    for path in sorted(FIXTURES.rglob("*.md")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def test_the_matrix_of_real_sentences_is_scikit_learns_bit_for_bit():
    texts = _fixture_sentences()
    assert len(texts) > 100
    _assert_same(tfidf.tfidf(texts), _sklearn(texts))


def test_products_of_the_matrix_are_scikit_learns():
    texts = _fixture_sentences()[:300]
    ours, theirs = tfidf.tfidf(texts), _sklearn(texts)
    centroid = np.asarray(ours.mean(axis=0)).ravel()
    assert (ours @ centroid).tobytes() == (theirs @ np.asarray(theirs.mean(axis=0)).ravel()).tobytes()
    assert (ours @ ours[3].T).todense().tobytes() == (theirs @ theirs[3].T).todense().tobytes()


def test_only_stop_words_is_refused_as_scikit_learn_refuses_it():
    with pytest.raises(ValueError):
        tfidf.tfidf(["the and of", "it is 2019"])


def test_the_stop_words_are_scikit_learns():
    assert tfidf.stop_words() == sklearn_text.ENGLISH_STOP_WORDS


@given(st.lists(st.text(alphabet="ab cdé\nÉ1_-the", max_size=40), min_size=1, max_size=12))
def test_any_texts_give_scikit_learns_matrix(texts):
    try:
        theirs = _sklearn(texts)
    except ValueError:
        with pytest.raises(ValueError):
            tfidf.tfidf(texts)
        return
    _assert_same(tfidf.tfidf(texts), theirs)
