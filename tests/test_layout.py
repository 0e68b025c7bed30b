"""The code's shape stays readable: short modules, pages that only compose, and a README whose Layout
section names every module that exists (so a newcomer's map of the tree is never out of date)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

MAX_MODULE_LINES = 250
MAX_PAGE_LINES = 60
PACKAGES = ("data_sources", "dashboard")


def modules() -> list[str]:
    return sorted(str(path.relative_to(REPO)) for package in PACKAGES for path in (REPO / package).rglob("*.py"))


def line_count(path: str) -> int:
    return len((REPO / path).read_text(encoding="utf-8").splitlines())


def test_no_module_is_longer_than_a_screenful_or_so():
    long = {path: line_count(path) for path in modules() if line_count(path) > MAX_MODULE_LINES}
    assert long == {}, f"split these modules (over {MAX_MODULE_LINES} lines)"


def test_pages_only_compose():
    pages = sorted((REPO / "dashboard" / "views").glob("*.py"))
    assert pages, "no pages found"
    long = {page.name: line_count(str(page.relative_to(REPO))) for page in pages}
    assert {name: lines for name, lines in long.items() if lines > MAX_PAGE_LINES} == {}


def readme_layout() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## Layout\n(.*?)^## ", readme, flags=re.S | re.M)
    assert found, "README.md has no Layout section"
    return found.group(1)


@pytest.mark.parametrize("path", modules())
def test_the_readme_layout_names_every_module(path):
    stem = path.rsplit("/", 1)[-1].removesuffix(".py")
    if stem in ("__init__", "__main__"):
        return
    assert re.search(rf"\b{re.escape(stem)}\b", readme_layout()), f"README's Layout does not mention {path}"


def test_the_readme_layout_names_only_folders_that_exist():
    block = re.search(r"```\n(.*?)```", readme_layout(), flags=re.S)
    assert block
    folders = re.findall(r"^\s*([a-z_.]+)/\s", block.group(1), flags=re.M)
    assert folders
    tops = {path.name for path in REPO.iterdir()}
    nested = {path.name for package in (*PACKAGES, "tests") for path in (REPO / package).rglob("*") if path.is_dir()}
    assert [folder for folder in folders if folder not in tops | nested] == []
