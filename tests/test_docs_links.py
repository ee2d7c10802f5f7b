"""Every relative link in the README and in docs/*.md leads to a file of the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
# [text](target "title") and ![alt](target), and reference definitions "[name]: target".
_INLINE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$", re.MULTILINE)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


def relative_links(markdown: str) -> list[str]:
    """The link targets in ``markdown`` that point into the repository (code blocks skipped)."""
    text = _FENCE.sub("", markdown)
    targets = _INLINE.findall(text) + _REFERENCE.findall(text)
    return [t for t in targets if not _EXTERNAL.match(t)]


def test_link_finder_sees_inline_image_and_reference_links() -> None:
    text = (
        "see [a](docs/a.md#part) and ![b](img/b.png) and [c](https://x.org) [d](#top)\n"
        "```\n[not](a/link.md)\n```\n[e]: other/e.md\n"
    )
    assert relative_links(text) == ["docs/a.md#part", "img/b.png", "other/e.md"]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_points_at_a_file(document: Path) -> None:
    broken = []
    for target in relative_links(document.read_text(encoding="utf-8")):
        path = (document.parent / target.split("#", 1)[0]).resolve()
        if not path.exists() or not path.is_relative_to(ROOT):
            broken.append(target)
    assert broken == [], f"{document.relative_to(ROOT)} links to missing files: {broken}"
