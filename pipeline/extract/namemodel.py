"""A statistical proposer of names no rule finds, trained on the project's own gold.

The rules find a person by a title, a family name, a list or a gazetteer row; ordinary news
names singers, players and scientists by their names alone ("Cẩm Ly", "Jota", "Jonas Salk"),
one at a time. This model learns from the gold what the rules cannot list: a run of capitalised
syllables, read with the words around it ("… khi Jota đưa được bóng", "nghệ sĩ Tự Long và Hồng
Đào có"), is scored for each entity type by a multinomial logistic regression over sparse
features of its syllables, its shape and its neighbours.

* **Candidates** are maximal runs of syllables opening with a capital letter inside one sentence
  (``runs``): the same runs at training and at run time, whatever the rules found, so the model
  does not go stale when a rule changes. At run time they are offered below every rule (rule
  ``proposer.names``, priority 0): the resolver keeps one only where no rule's candidate lies.
* **Training** (``train``, run by ``scripts/train_names.py``) reads the gold sets named in the
  model file: a run whose folded text is a required gold entity's name or alias is that type,
  an optional one is left out, any other run is ``NONE``. Full-batch gradient descent with a fixed
  number of steps over sorted features: the same gold gives the same file, byte for byte.
* **Which types are proposed** and from what probability is ``tag.names_types`` and
  ``tag.names_threshold``, or a type's own ``tag.names_type_thresholds`` (``defaults.toml``);
  measured in the README (Accuracy).

Prediction is a sum of a few dozen weight rows in pure Python: no numpy at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Paragraph
from ..normalize import fold
from .candidates import Candidate
from .text import slug, vietnamese_syllable

__all__ = ["NameModel", "Run", "runs", "features", "labelled_runs", "train", "model_json", "LABELS"]

NONE = "NONE"
# What the model tells apart. TREATY and TERM runs are left out of training: too few to learn.
LABELS = (NONE, "PERSON", "ORG", "GPE", "LOC", "EVENT")
# Letters Vietnamese writes and Latin-script foreign names often do not ("Jota", "Fornals").
_FOREIGN_LETTERS = re.compile(r"[fjwz]")
_VIETNAMESE_MARKS = frozenset("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_DIGIT = re.compile(r"\d")
_REPEATS = re.compile(r"(.)\1+")  # a shape's run of one character, cut to two


@dataclass(frozen=True, slots=True)
class Run:
    """A maximal run of capitalised syllables of one sentence: ``syllables[i:j]``."""

    syllables: tuple[tuple[int, int], ...]  # (start, end) of every syllable of the sentence
    i: int
    j: int

    @property
    def start(self) -> int:
        return self.syllables[self.i][0]

    @property
    def end(self) -> int:
        return self.syllables[self.j - 1][1]


def _syllables(text: str, tokens: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out = []
    for a, b in tokens:
        word = text[a:b]
        if " " not in word:  # most tokens are one syllable
            out.append((a, b))
            continue
        pos = a
        for part in word.split(" "):
            if part:
                out.append((pos, pos + len(part)))
            pos += len(part) + 1
    return tuple(out)


def runs(para: Paragraph) -> Iterator[Run]:
    """Every maximal run of syllables opening with a capital letter, sentence by sentence."""
    text = para.text
    for sent in para.sentences:
        sylls = _syllables(text, sent.tokens)
        i = 0
        while i < len(sylls):
            if not text[sylls[i][0]].isupper():
                i += 1
                continue
            j = i + 1
            while j < len(sylls) and text[sylls[j][0]].isupper():
                j += 1
            yield Run(sylls, i, j)
            i = j


def _shape(word: str) -> str:
    s = "".join("X" if c.isupper() else "x" if c.islower() else "9" if c.isdigit() else c for c in word)
    return _REPEATS.sub(r"\1\1", s)


def _letters(words: list[str], lower: list[str]) -> list[str]:
    """The features of a run's letters: foreign letters, no Vietnamese marks, foreign syllables, an acronym, a digit."""
    out = []
    if any(_FOREIGN_LETTERS.search(w) for w in lower):
        out.append("foreign-letters")
    if not any(set(w) & _VIETNAMESE_MARKS for w in lower):
        out.append("no-vietnamese-marks")
    # a word that is no Vietnamese syllable ("Dani Carvajal", not "Nam Anh" written without marks)
    foreign = [w.isalpha() and not vietnamese_syllable(w) for w in lower]
    if all(foreign):
        out += ["foreign-syllables", f"foreign-syllables,len={min(len(words), 5)}"]
    elif any(foreign):
        out.append("some-foreign-syllables")
    if any(len(w) > 1 and w.isupper() for w in words):
        out.append("acronym")
    if any(_DIGIT.search(w) for w in words):
        out.append("digit")
    return out


def features(text: str, run: Run, sylls: Sequence[str] | None = None, lows: Sequence[str] | None = None) -> list[str]:
    """The sparse features of one run: its syllables and shape, two syllables either side in order,
    and six either side as a bag. ``sylls`` and ``lows``: the texts of ``run.syllables`` and their lower
    case, if the caller has them (a sentence's syllables, cut once for all its runs instead of once per run)."""
    if sylls is None or lows is None:
        sylls = [text[a:b] for a, b in run.syllables]
        lows = [w.lower() for w in sylls]
    words = sylls[run.i:run.j]
    lower = list(lows[run.i:run.j])
    out = ["bias", f"len={min(len(words), 5)}", "run=" + " ".join(lower), "first=" + lower[0], "last=" + lower[-1]]
    out += ["s=" + w for w in lower]
    out += ["shape=" + _shape(w) for w in words]
    out += _letters(words, lower)
    i, j = run.i, run.j
    p1 = lows[i - 1] if i >= 1 else "<s>"
    p2 = lows[i - 2] if i >= 2 else "<s>"
    n1 = lows[j] if j < len(lows) else "</s>"
    n2 = lows[j + 1] if j + 1 < len(lows) else "</s>"
    out += ["p1=" + p1, "p2=" + p2 + " " + p1, "n1=" + n1, "n2=" + n1 + " " + n2]
    # The words a little further off, unordered ("ngã tư Dương Đình Nghệ - Phạm Hùng", "Jason
    # Statham hơn Rosie tới 20 tuổi"): raises the mean entity F1 of leave-one-batch-out (README).
    out += ["l=" + w for w in lows[max(0, i - 6):i]]
    out += ["r=" + w for w in lows[j:j + 6]]
    if i == 0:
        out.append("sentence-start" if len(words) > 1 else "sentence-start-one")
    return out


class LogisticModel:
    """A multinomial logistic regression's weights, read from a model file written by ``model_json``
    (the names model here, the events' acceptance in ``pipeline/events/acceptance.py``). Build once."""

    __slots__ = ("labels", "weights", "trained_on")

    def __init__(self, labels: Sequence[str], weights: dict[str, Sequence[float]], trained_on: Sequence[str]):
        self.labels = tuple(labels)
        self.weights = {f: tuple(w) for f, w in weights.items()}
        self.trained_on = tuple(trained_on)

    @classmethod
    def load(cls, path: str | Path) -> "NameModel":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["labels"], data["weights"], data["trained_on"])

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        weights = self.weights
        rows = [w for w in map(weights.get, set(feats)) if w is not None]
        z = [sum(column) for column in zip(*rows)] if rows else [0.0] * len(self.labels)
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {label: v / total for label, v in zip(self.labels, e)}


class NameModel(LogisticModel):
    """Weights read from the model file (``pipeline/data/names_model.json``). Build once."""

    __slots__ = ()

    def propose(self, para: Paragraph, types: frozenset[str], threshold: float, score: float,
                not_names: frozenset[str], taken: Callable[[int, int], bool] = lambda s, e: False,
                thresholds: Mapping[str, float] | None = None) -> list[Candidate]:
        """A candidate for each run whose likeliest type is one of ``types`` at ``threshold`` or
        more (``thresholds[type]`` where it has one); runs for which ``taken(start, end)`` is true
        (a rule found something there) are not scored."""
        floor = {t: (thresholds or {}).get(t, threshold) for t in types}
        text = para.text
        out = []
        sentence: tuple[tuple[int, int], ...] = ()  # the runs of one sentence share its syllables: cut them once
        sylls: list[str] = []
        lows: list[str] = []
        for run in runs(para):
            if taken(run.start, run.end):
                continue
            name = text[run.start:run.end]
            if fold(name) in not_names or name == text.strip():
                continue  # a title or a word the rules know is none; a line that is a name is a byline
            if run.syllables is not sentence:
                sentence, sylls = run.syllables, [text[a:b] for a, b in run.syllables]
                lows = [w.lower() for w in sylls]
            probs = self.probabilities(features(text, run, sylls, lows))
            label = max(self.labels, key=lambda k: (probs[k], k))
            if label in floor and probs[label] >= floor[label]:
                out.append(Candidate(run.start, run.end, label, f"{label.lower()}:new:{slug(name)}", name,
                                     method="names", score=score))
        return out


def train(examples: Sequence[tuple[list[str], str]], labels: Sequence[str], *, min_count: int = 2,
          steps: int = 300, rate: float = 0.5, l2: float = 1.0) -> dict[str, list[float]]:
    """Multinomial logistic regression by full-batch AdaGrad: ``{feature: weight per label}``.

    Features seen fewer than ``min_count`` times are left out; weights are rounded to four places
    and features whose weights all round to zero dropped, so the file stays small and diffable.
    """
    import numpy as np  # training only: the run-time proposer reads plain lists

    counts = Counter(f for feats, _ in examples for f in set(feats))
    vocab = {f: k for k, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    rows, cols = [], []
    for r, (feats, _) in enumerate(examples):
        for f in sorted(set(feats)):
            k = vocab.get(f)
            if k is not None:
                rows.append(r)
                cols.append(k)
    rows_a, cols_a = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    n, d, k = len(examples), len(vocab), len(labels)
    y = np.zeros((n, k))
    y[np.arange(n), [labels.index(lab) for _, lab in examples]] = 1.0
    w = np.zeros((d, k))
    squares = np.full((d, k), 1e-8)
    for _ in range(steps):
        z = np.zeros((n, k))
        np.add.at(z, rows_a, w[cols_a])
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = np.zeros((d, k))
        np.add.at(grad, cols_a, (p - y)[rows_a])
        grad = (grad + l2 * w) / n
        squares += grad * grad
        w -= rate * grad / np.sqrt(squares)
    out: dict[str, list[float]] = {}
    for f, i in vocab.items():
        row = [round(float(v), 4) + 0.0 for v in w[i]]
        if any(row):
            out[f] = row
    return out


def labelled_runs(paragraphs: Iterable[Paragraph], required: dict[str, str],
                  optional: frozenset[str]) -> Iterator[tuple[list[str], str]]:
    """Training examples of one segmented document: (features, label) of every run.

    ``required`` maps a gold entity's folded name or alias to its type, ``optional`` holds the
    folded forms of optional entities: their runs are left out, as are types outside ``LABELS``.
    """
    for para in paragraphs:
        for run in runs(para):
            key = fold(para.text[run.start:run.end])
            if key in optional and key not in required:
                continue
            label = required.get(key, NONE)
            if label in LABELS:
                yield features(para.text, run), label


def model_json(weights: dict[str, list[float]], trained_on: Sequence[str]) -> str:
    """The model file: one feature a line, sorted, so a retrained model is a readable diff."""
    head = json.dumps({"about": "pipeline/extract/namemodel.py; retrain with scripts/train_names.py",
                       "trained_on": list(trained_on), "labels": list(LABELS)}, ensure_ascii=False)
    lines = [f"{json.dumps(f, ensure_ascii=False)}: {json.dumps(w)}" for f, w in sorted(weights.items())]
    return head[:-1] + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n"
