"""Build pipeline/data/english_words.txt: common English words that are no given name.

    python scripts/build_english_words.py WORDS_CHECKOUT FAKER_CHECKOUT > pipeline/data/english_words.txt

WORDS_CHECKOUT: first20hours/google-10000-english at d0736d492489198e4f9d650c7ab4143bc14c1e9e (20k.txt, the
20 000 most frequent words of Google's trillion-word corpus, by frequency). FAKER_CHECKOUT: joke2k/faker at
8ad78a632a4116e6392e6d5743524c683a2e02a1 (faker/providers/person/*/__init__.py: the given names of every locale
written in Latin letters). Kept: a word of four letters or more, letters only, that no locale gives as a first
name, that is no unaccented Vietnamese syllable ("long", "thanh", "minh": Vietnamese names written without marks)
and no word of tagger.toml foreign_given_names. Surnames are not taken out: an English surname is a common word as
often ("Power", "Black", "Glass"), and the run needs a first word that is no given name (tagger: ``english_run``).
"""
import ast
import re
import sys
import tomllib
from pathlib import Path

VIETNAMESE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|tr|th|kh|ph|gh|gi|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")


def given_names(faker: Path) -> set[str]:
    names: set[str] = set()
    for init in sorted((faker / "faker/providers/person").glob("*/__init__.py")):
        for node in ast.walk(ast.parse(init.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id.startswith("first_names")
                                                    for t in node.targets):
                names |= {c.value.lower() for c in ast.walk(node.value) if isinstance(c, ast.Constant)
                          and isinstance(c.value, str) and re.fullmatch(r"[A-Z][a-z]+", c.value)}
    return names


def main(words_dir: str, faker_dir: str) -> None:
    rules = tomllib.loads((Path(__file__).parent.parent / "pipeline/data/tagger.toml").read_text(encoding="utf-8"))
    exclude = given_names(Path(faker_dir)) | {n.lower() for n in rules["foreign_given_names"]}
    words = (Path(words_dir) / "20k.txt").read_text(encoding="utf-8").split()
    kept = sorted({w for w in words if len(w) >= 4 and w.isascii() and w.isalpha() and w not in exclude
                   and not VIETNAMESE_SYLLABLE.fullmatch(w)})
    print("# Common English words that are no given name: scripts/build_english_words.py (sources and pins there).")
    print("\n".join(kept))


if __name__ == "__main__":
    main(*sys.argv[1:3])
