"""`make lock`: pip's package sources reach uv unchanged, and the lock files hold every declared pin."""

from __future__ import annotations

import re

import pytest

from tools.lock import LOCKS, ROOT, pip_settings, uv_sources

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#\\]+)", re.MULTILINE)


@pytest.mark.parametrize(
    ("config_list", "expected"),
    [
        ("", ["--index-strategy", "unsafe-best-match"]),
        (
            "global.extra-index-url='file:///a/simple file:///b/simple'\nglobal.find-links='/w'\n"
            "global.cert='/c.crt'\n:env:.find-links='/env-wheels'",
            ["--extra-index-url", "file:///a/simple", "--extra-index-url", "file:///b/simple",
             "--find-links", "/env-wheels", "--index-strategy", "unsafe-best-match"],
        ),
        (
            "install.index-url='https://mirror.example/simple'\nglobal.index-url='https://other.example/simple'",
            ["--index-url", "https://mirror.example/simple", "--index-strategy", "unsafe-best-match"],
        ),
        (":env:.no-index='true'\nglobal.find-links='/w'", ["--no-index", "--find-links", "/w",
                                                          "--index-strategy", "unsafe-best-match"]),
    ],
)
def test_uv_is_given_the_sources_pip_uses(config_list: str, expected: list[str]) -> None:
    """A PIP_* variable beats [install], which beats [global], as in pip; several values stay several."""
    assert uv_sources(pip_settings(config_list)) == expected


def _pins(text: str) -> dict[str, str]:
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in PIN.findall(text)}


@pytest.mark.parametrize(("lock", "requirements"), LOCKS.items())
def test_every_declared_pin_is_in_its_lock(lock: str, requirements: tuple[str, ...]) -> None:
    """A pin added to a requirements file without `make lock` would never be installed: this fails first."""
    locked = _pins((ROOT / lock).read_text(encoding="utf-8"))
    declared = {name: version for file in requirements
                for name, version in _pins((ROOT / file).read_text(encoding="utf-8")).items()}
    assert {name: locked.get(name) for name in declared} == declared, f"run make lock: {lock} is older than its pins"


def test_every_locked_package_has_a_hash() -> None:
    for lock in LOCKS:
        blocks = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / lock).read_text(encoding="utf-8"))
        assert [block.split()[0] for block in blocks if "==" in block and "--hash=sha256:" not in block] == []
