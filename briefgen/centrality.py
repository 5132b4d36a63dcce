"""Which sentences say what many sentences say: TF-IDF centroid centrality with MMR against redundancy."""

from __future__ import annotations

import numpy as np

REDUNDANT = 0.5  # cosine above which a sentence repeats one already chosen


def vectors(texts: list[str]):
    """Row-normalised TF-IDF vectors; None when the texts share no usable word."""
    from .tfidf import tfidf  # SciPy is imported only when a summary is made

    try:
        return tfidf(texts)
    except ValueError:  # only stop words
        return None


def centrality(matrix) -> np.ndarray:
    """Each row's cosine to the centroid of all rows."""
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if not norm:
        return np.zeros(matrix.shape[0])
    return np.asarray(matrix @ (centroid / norm)).ravel()


def pick(
    matrix,
    count: int,
    weights: list[float] | None = None,
    first: int | None = None,
    balance: float = 0.7,
) -> list[int]:
    """Row indices of up to count rows of a vectors() matrix by maximal marginal relevance: central (times
    weight, when given) and unlike those already picked; `first` is picked before anything else. Near-repeats
    are never picked."""
    size = matrix.shape[0]
    if not size or count <= 0:
        return []
    relevance = centrality(matrix)
    if weights is not None:
        relevance = relevance * np.asarray(weights, dtype=np.float32)
    chosen: list[int] = [] if first is None else [first]
    closest = np.zeros(size, dtype=np.float32)
    if first is not None:
        closest = np.asarray((matrix @ matrix[first].T).todense()).ravel()
    while len(chosen) < min(count, size):
        score = balance * relevance - (1 - balance) * closest
        score[closest > REDUNDANT] = -np.inf
        score[chosen] = -np.inf
        best = int(np.argmax(score))
        if not np.isfinite(score[best]):
            break
        chosen.append(best)
        closest = np.maximum(closest, np.asarray((matrix @ matrix[best].T).todense()).ravel())
    return chosen
