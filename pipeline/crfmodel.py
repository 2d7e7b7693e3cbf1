"""underthesea's word segmentation model, scored in Python from its weights.

underthesea segments words with a linear-chain CRF (two labels: a syllable opens a word, or
continues the one before). Its Rust featurizer turns every syllable into 43 feature *strings*
("T[-1,0].lower=hà nội") that cross into Python and back into the Rust tagger: about 17 million
Python strings for 600 articles, three quarters of ``word_tokenize``'s time. Yet the model is
small (50 671 weighted features) and every feature is a function of one, two or three
neighbouring syllables. ``CrfSegmenterModel`` reads the weights from the model file underthesea
ships (CRFsuite's documented binary layout) and folds them into tables keyed by what a feature
looks at:

* per syllable: its weights at each of the five offsets it is seen from (its text, its lower
  case, whether it is a number, title-cased, a dictionary word), summed once per syllable;
* per pair and triple of syllables: their text, lower case, dictionary membership, title case;
* the sentence's edges: the ``BOS``/``EOS`` values the featurizer writes for positions outside it.

A sentence then costs a few dictionary lookups per syllable and a two-label Viterbi. The labels
are those of underthesea's tagger (``tests/test_wordseg.py`` compares them over every line of the
corpus and of a bench sample); the feature definitions follow underthesea_core's featurizer
(``istitle``: the first character is its own upper case; ``isdigit``: parses as a 32-bit integer;
``is_in_dict``: the lower-cased text is a dictionary entry) and are checked against it there.

If the model file is not in the layout this module knows (another underthesea release),
``load`` raises ``ValueError`` and the caller uses underthesea's own featurizer and tagger.
"""

from __future__ import annotations

import re
import struct
from itertools import product
from pathlib import Path

__all__ = ["CrfSegmenterModel", "TEMPLATES"]

_BOS, _EOS = "BOS", "EOS"
# The featurizer's templates this scorer computes, in the order of underthesea's features.bin.
TEMPLATES = (
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]", "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]", "T[-2,0]", "T[-1,1]",
    "T[0,2]", "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower", "T[-2,-1].lower",
    "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower", "T[-1].isdigit", "T[0].isdigit", "T[1].isdigit",
    "T[-2].istitle", "T[-1].istitle", "T[0].istitle", "T[1].istitle", "T[2].istitle", "T[0,1].istitle",
    "T[0,2].istitle", "T[-2].is_in_dict", "T[-1].is_in_dict", "T[0].is_in_dict", "T[1].is_in_dict",
    "T[2].is_in_dict", "T[-2,-1].is_in_dict", "T[-1,0].is_in_dict", "T[0,1].is_in_dict", "T[1,2].is_in_dict",
    "T[-2,0].is_in_dict", "T[-1,1].is_in_dict", "T[0,2].is_in_dict",
)
_UNI = (-2, -1, 0, 1, 2)  # offsets of the one-syllable templates
_BI = (-2, -1, 0, 1)  # T[k,k+1]
_TRI = (-2, -1, 0)  # T[k,k+2]
_TEMPLATE = re.compile(r"T\[(-?\d)(?:,(-?\d))?\](?:\.(lower|isdigit|istitle|is_in_dict))?$")
_INT32 = re.compile(r"[+-]?[0-9]+")
_ZERO10, _ZERO8 = (0.0,) * 10, (0.0,) * 8


def _read_crfsuite(path: Path) -> tuple[list[str], list[str], list[tuple[int, int, int, float]]]:
    """(labels, attributes, features) of a CRFsuite model file (``crf1dm`` layout)."""
    data = path.read_bytes()
    try:
        (magic, _size, kind, _version, _nf, _nl, _na, off_features, off_labels, off_attrs,
         _off_lrefs, _off_arefs) = struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a CRFsuite first-order model")
        chunk, _csize, count = struct.unpack_from("<4sII", data, off_features)
        if chunk != b"FEAT":
            raise ValueError("no FEAT chunk")
        features = list(struct.iter_unpack("<iiid", data[off_features + 12: off_features + 12 + 20 * count]))

        def strings(offset: int) -> list[str]:
            chunk, _s, _flag, _order, n, backward = struct.unpack_from("<4sIIIII", data, offset)
            if chunk != b"CQDB":
                raise ValueError("no CQDB chunk")
            out = []
            for i, (at,) in enumerate(struct.iter_unpack("<I", data[offset + backward: offset + backward + 4 * n])):
                key_id, size = struct.unpack_from("<II", data, offset + at)
                if key_id != i:
                    raise ValueError("string table out of order")
                out.append(data[offset + at + 8: offset + at + 7 + size].decode("utf-8"))
            return out

        return strings(off_labels), strings(off_attrs), features
    except (struct.error, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: unreadable CRFsuite model ({exc})") from exc


def _istitle(token: str) -> str:
    first = token[:1]
    return "True" if first.upper() == first else "False"


def _isdigit(token: str) -> str:
    return "True" if _INT32.fullmatch(token) and -2**31 <= int(token) < 2**31 else "False"


def _flag_table(flag_weights: dict[tuple[str, int, str], dict[str, list[float]]], table: str,
                offsets: tuple[int, ...], names: tuple[str, ...]) -> dict[tuple[str, ...], list[float]]:
    """For every combination of the flags ``names`` ("True"/"False" each), their summed weights
    at each offset of ``table``, flag by flag in the order of ``names``."""
    out = {}
    for values in product(("True", "False"), repeat=len(names)):
        vec = [0.0] * (2 * len(offsets))
        for i, k in enumerate(offsets):
            for name, value in zip(names, values):
                w = flag_weights.get((name, k, value), {}).get(table)
                if w:
                    vec[2 * i] += w[0]
                    vec[2 * i + 1] += w[1]
        out[values] = vec
    return out


class CrfSegmenterModel:
    """The folded weights of one model; ``tags(tokens)`` gives the label index of each token
    (0: opens a word, 1: continues one)."""

    __slots__ = ("_dictionary", "_uni_raw", "_uni_lower", "_uni_flags", "_uni_edge",
                 "_bi_raw", "_bi_lower", "_bi_flags", "_bi_edge",
                 "_tri_raw", "_tri_flags", "_tri_edge", "_trans", "_uni_full", "_bi_full", "_tri_full", "_known", "inside")

    def __init__(self, labels: list[str], attributes: list[str],
                 features: list[tuple[int, int, int, float]], dictionary: set[str] | frozenset[str]) -> None:
        if labels != ["B-W", "I-W"]:
            raise ValueError(f"unexpected labels {labels}")
        self.inside = 1
        self._dictionary = dictionary
        weights: dict[int, list[float]] = {}
        self._trans = [[0.0, 0.0], [0.0, 0.0]]
        for kind, src, dst, w in features:
            if kind == 0:
                weights.setdefault(src, [0.0, 0.0])[dst] += w
            elif kind == 1:
                self._trans[src][dst] += w
        # Tables: key -> flat list of floats, [offset index * 2 + label].
        self._uni_raw: dict[str, list[float]] = {}
        self._uni_lower: dict[str, list[float]] = {}
        self._uni_edge: dict[str, list[float]] = {_BOS: [0.0] * 10, _EOS: [0.0] * 10}
        self._bi_raw: dict[str, list[float]] = {}
        self._bi_lower: dict[str, list[float]] = {}
        self._bi_edge: dict[str, list[float]] = {_BOS: [0.0] * 8, _EOS: [0.0] * 8}
        self._tri_raw: dict[str, list[float]] = {}
        self._tri_edge: dict[str, list[float]] = {_BOS: [0.0] * 6, _EOS: [0.0] * 6}
        flag_weights: dict[tuple[str, int, str], dict[str, list[float]]] = {}
        templates: dict[str, tuple] = {}  # 43 template names, parsed once each
        for attr_id, (wb, wi) in weights.items():
            name, _, value = attributes[attr_id].partition("=")
            template = templates.get(name)
            if template is None:
                template = templates[name] = self._template(name)
            self._fold(template, value, wb, wi, flag_weights)
        # Flag combinations (number, title case, dictionary) of one syllable, and title case and
        # dictionary membership of pairs and triples: every combination, from the flag weights.
        self._uni_flags = _flag_table(flag_weights, "uni", _UNI, ("isdigit", "istitle", "is_in_dict"))
        self._bi_flags = _flag_table(flag_weights, "bi", _BI, ("istitle", "is_in_dict"))
        self._tri_flags = _flag_table(flag_weights, "tri", _TRI, ("istitle", "is_in_dict"))
        # Most syllables are written in lower case: their whole vector, flags included, depends
        # on the syllable alone, so it is summed here once (the same sum ``_syllable`` makes).
        self._uni_full = {w: self._syllable(w, w, "True" if w in dictionary else "False")
                          for w in {*self._uni_raw, *self._uni_lower} if w == w.lower()}
        # The same for pairs and triples of lower-case syllables (split on the space that joins
        # them: a key whose syllables hold a space of their own is left to the general path).
        self._bi_full = {k: self._pair(k, k, all(_istitle(p) == "True" for p in parts))
                         for k in {*self._bi_raw, *self._bi_lower} if k == k.lower() and len(parts := k.split(" ")) == 2}
        self._tri_full = {k: self._triple(k, k, all(_istitle(p) == "True" for p in parts))
                          for k in self._tri_raw if k == k.lower() and len(parts := k.split(" ")) == 3}
        # Every text the model has a weight for (syllables, pairs, triples): a lower-case one
        # outside this set is scored by its flags alone.
        self._known = frozenset({*self._uni_raw, *self._uni_lower, *self._bi_raw, *self._bi_lower, *self._tri_raw})

    @classmethod
    def load(cls, model_dir: Path, dictionary: set[str] | frozenset[str],
             templates: list[str]) -> "CrfSegmenterModel":
        """The model of ``model_dir``; ``templates`` are the featurizer's (``features.bin``): any
        other set than the 43 this module computes raises ``ValueError``."""
        if list(templates) != list(TEMPLATES):
            raise ValueError(f"{model_dir}: feature templates other than the 43 this scorer computes")
        labels, attributes, features = _read_crfsuite(Path(model_dir) / "models.bin")
        return cls(labels, attributes, features, dictionary)

    def _template(self, name: str) -> tuple[str, int, int, str, dict[str, list[float]] | None]:
        """(table, offset, offset index, kind, the value table it adds to) of a template name."""
        m = _TEMPLATE.match(name)
        if m is None or name not in TEMPLATES:
            raise ValueError(f"unknown feature template {name!r}")
        a, b, kind = int(m.group(1)), m.group(2), m.group(3) or "raw"
        table, offsets = (("uni", _UNI), ("bi", _BI), ("tri", _TRI))[0 if b is None else int(b) - a]
        values = {("uni", "raw"): self._uni_raw, ("uni", "lower"): self._uni_lower, ("bi", "raw"): self._bi_raw,
                  ("bi", "lower"): self._bi_lower, ("tri", "raw"): self._tri_raw}.get((table, kind))
        return table, a, offsets.index(a), kind, values

    def _fold(self, template: tuple[str, int, int, str, dict[str, list[float]] | None], value: str,
              wb: float, wi: float, flag_weights: dict[tuple[str, int, str], dict[str, list[float]]]) -> None:
        table, a, i, kind, values = template
        if value in (_BOS, _EOS):
            target = {"uni": self._uni_edge, "bi": self._bi_edge, "tri": self._tri_edge}[table][value]
            if (table, kind) == ("uni", "raw"):  # a syllable that is literally "BOS" or "EOS"
                raw = self._uni_raw.setdefault(value, [0.0] * 10)
                raw[2 * i] += wb
                raw[2 * i + 1] += wi
        elif values is None:  # isdigit, istitle, is_in_dict
            flag_weights.setdefault((kind, a, value), {})[table] = [wb, wi]
            return
        else:
            target = values.get(value)
            if target is None:
                target = values[value] = [0.0] * {"uni": 10, "bi": 8, "tri": 6}[table]
        target[2 * i] += wb
        target[2 * i + 1] += wi

    def _syllable(self, token: str, low: str, in_dict: str) -> tuple[float, ...]:
        """A syllable's weights at the five offsets: text + lower case + flags, in that order."""
        r = self._uni_raw.get(token, _ZERO10)
        lo = self._uni_lower.get(low, _ZERO10)
        f = self._uni_flags[(_isdigit(token), _istitle(token), in_dict)]
        return tuple([a + b + c for a, b, c in zip(r, lo, f)])

    def _pair(self, raw: str, low: str, title: bool) -> tuple[float, ...] | list[float]:
        """Two syllables' weights at the four offsets: text + lower case + flags, in that order."""
        f = self._bi_flags[("True" if title else "False", "True" if low in self._dictionary else "False")]
        r, lo = self._bi_raw.get(raw), self._bi_lower.get(low)
        if r is None and lo is None:
            return f  # 0.0 + 0.0 + x is x
        return tuple([a + b + c for a, b, c in zip(r or _ZERO8, lo or _ZERO8, f)])

    def _triple(self, raw: str, low: str, title: bool) -> tuple[float, ...] | list[float]:
        """Three syllables' weights at the three offsets: text + flags."""
        f = self._tri_flags[("True" if title else "False", "True" if low in self._dictionary else "False")]
        r = self._tri_raw.get(raw)
        return f if r is None else tuple([a + b for a, b in zip(r, f)])

    def tags(self, tokens: list[str]) -> list[int]:
        """The label index of each token (0 opens a word, 1 continues one)."""
        n = len(tokens)
        if n == 0:
            return []
        lower = [t.lower() for t in tokens]
        title = [t[:1].upper() == t[:1] for t in tokens]
        is_low = [t == lo for t, lo in zip(tokens, lower)]
        uni = self._syllable_vectors(tokens, lower, is_low)
        bi = self._pair_vectors(tokens, lower, title, is_low)
        tri = self._triple_vectors(tokens, lower, title, is_low)
        # Token t sees position t+k of the padded lists (index t+k+2) at offset k: one term per
        # template group, added in a fixed order.
        groups = (uni, uni[1:], uni[2:], uni[3:], uni[4:], bi, bi[1:], bi[2:], bi[3:], tri, tri[1:], tri[2:])
        sb = [u0[0] + u1[2] + u2[4] + u3[6] + u4[8] + b0[0] + b1[2] + b2[4] + b3[6] + t0[0] + t1[2] + t2[4]
              for u0, u1, u2, u3, u4, b0, b1, b2, b3, t0, t1, t2 in zip(*groups)]
        si = [u0[1] + u1[3] + u2[5] + u3[7] + u4[9] + b0[1] + b1[3] + b2[5] + b3[7] + t0[1] + t1[3] + t2[5]
              for u0, u1, u2, u3, u4, b0, b1, b2, b3, t0, t1, t2 in zip(*groups)]
        return self._viterbi(sb, si)

    def _syllable_vectors(self, tokens: list[str], lower: list[str], is_low: list[bool]) -> list:
        """One vector per position, the sentence's edges included (two on each side). A lower-case
        syllable the model has no weight for is its flags alone (0.0 + 0.0 + x is x)."""
        dictionary, full, uni_flags, known = self._dictionary, self._uni_full, self._uni_flags, self._known
        bos, eos = self._uni_edge[_BOS], self._uni_edge[_EOS]
        uni = [bos, bos]
        for tok, low, lo_case in zip(tokens, lower, is_low):
            v = full.get(tok) if lo_case else None
            if v is None:
                in_dict = "True" if low in dictionary else "False"
                v = (self._syllable(tok, low, in_dict) if not lo_case or tok in known
                     else uni_flags[(_isdigit(tok), _istitle(tok), in_dict)])
            uni.append(v)
        return uni + [eos, eos]

    def _pair_vectors(self, tokens: list[str], lower: list[str], title: list[bool], is_low: list[bool]) -> list:
        """One vector per pair start, from -2 to n (edges: BOS before 0, EOS from n - 1)."""
        dictionary, bi_full, bi_flags, known = self._dictionary, self._bi_full, self._bi_flags, self._known
        bi = [self._bi_edge[_BOS]] * 2
        for j in range(len(tokens) - 1):
            key = lower[j] + " " + lower[j + 1]
            both_low = is_low[j] and is_low[j + 1]
            v = bi_full.get(key) if both_low else None
            if v is None:
                title2 = title[j] and title[j + 1]
                if both_low and key not in known:
                    v = bi_flags[("True" if title2 else "False", "True" if key in dictionary else "False")]
                else:
                    v = self._pair(tokens[j] + " " + tokens[j + 1], key, title2)
            bi.append(v)
        return bi + [self._bi_edge[_EOS]] * 2

    def _triple_vectors(self, tokens: list[str], lower: list[str], title: list[bool], is_low: list[bool]) -> list:
        """One vector per triple start, from -2 to n - 1 (edges: BOS before 0, EOS from n - 2)."""
        dictionary, tri_full, tri_flags, known = self._dictionary, self._tri_full, self._tri_flags, self._known
        tri = [self._tri_edge[_BOS]] * 2
        for j in range(len(tokens) - 2):
            key = lower[j] + " " + lower[j + 1] + " " + lower[j + 2]
            all_low = is_low[j] and is_low[j + 1] and is_low[j + 2]
            v = tri_full.get(key) if all_low else None
            if v is None:
                title3 = title[j] and title[j + 1] and title[j + 2]
                if all_low and key not in known:
                    v = tri_flags[("True" if title3 else "False", "True" if key in dictionary else "False")]
                else:
                    v = self._triple(tokens[j] + " " + tokens[j + 1] + " " + tokens[j + 2], key, title3)
            tri.append(v)
        return tri + [self._tri_edge[_EOS]] * min(len(tokens), 2)

    def _viterbi(self, state_b: list[float], state_i: list[float]) -> list[int]:
        (t00, t01), (t10, t11) = self._trans
        b, i = state_b[0], state_i[0]
        back: list[tuple[int, int]] = []
        for sb, si in zip(state_b[1:], state_i[1:]):
            # Ties go to the lower label, as CRFsuite's decoder does.
            from_b, from_i = b + t00, i + t10
            nb, pb = (from_b, 0) if from_b >= from_i else (from_i, 1)
            from_b, from_i = b + t01, i + t11
            ni, pi = (from_b, 0) if from_b >= from_i else (from_i, 1)
            back.append((pb, pi))
            b, i = nb + sb, ni + si
        label = 0 if b >= i else 1
        out = [label]
        for pb, pi in reversed(back):
            label = pi if label else pb
            out.append(label)
        out.reverse()
        return out
