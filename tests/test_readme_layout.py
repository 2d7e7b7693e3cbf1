"""The README's Layout names every module and script, so a reader can find where a behaviour lives."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _layout_blocks() -> dict[str, str]:
    """The Layout code block, split by its top-level folder (``pipeline/``, ``scripts/`` …)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Layout\n"):]
    block = section.split("```\n")[1]
    blocks: dict[str, str] = {}
    current = ""
    for line in block.splitlines():
        head = re.match(r"(\w+)/\s", line)
        if head:
            current = head.group(1)
        blocks[current] = blocks.get(current, "") + line + "\n"
    return blocks


def _named_modules(block: str) -> set[str]:
    """Module paths a block names: ``dir/{a,b}.py`` gives dir/a.py and dir/b.py; a bare ``x.py`` gives x.py."""
    names: set[str] = set()
    for folder, members in re.findall(r"(\w+)/\{([^}]*)\}\.py", block):
        names.update(f"{folder}/{m.strip()}.py" for m in members.split(","))
    names.update(re.findall(r"(?<![/{,\w])(\w+\.py)\b", block))
    return names


def test_the_layout_names_every_module_of_the_package():
    named = _named_modules(_layout_blocks()["pipeline"])
    package = ROOT / "pipeline"
    modules = {p.relative_to(package).as_posix() for p in package.rglob("*.py")
               if p.name != "__init__.py" or p.parent.name == "engines"}
    assert modules - named == set(), "modules missing from the README's Layout"
    assert named - modules == set(), "the README's Layout names modules that do not exist"


def test_the_layout_names_every_script():
    named = _named_modules(_layout_blocks()["scripts"])
    scripts = {p.name for p in (ROOT / "scripts").glob("*.py")}
    assert scripts - named == set(), "scripts missing from the README's Layout"
    assert named - scripts == set(), "the README's Layout names scripts that do not exist"


def test_a_module_left_out_would_be_seen():
    """The parser is not vacuous: it reads the brace lists and the bare names it is given."""
    block = "pipeline/   a.py  stages/{x,y}.py\n"
    assert _named_modules(block) == {"a.py", "stages/x.py", "stages/y.py"}
