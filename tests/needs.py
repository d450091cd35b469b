"""What a test needs from outside the repository, and the clear failure when it is not there.

A test never skips for a missing tool or file: a green run that tested nothing would hide it.
It fails with one line saying what is missing and how to get it (`bash .ci/run` installs the
Debian packages; `make test` the Python ones; ../shared comes with the project's checkout).
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_DIR = SHARED / "seed"


def missing(what: str, how: str) -> NoReturn:
    """Fail the calling test: `what` is missing; `how` says how to install or provide it."""
    pytest.fail(f"{what} is missing: {how}", pytrace=False)



def command(name: str, package: str) -> str:
    """The path of the program `name`, or fail saying which Debian package brings it."""
    import shutil

    return shutil.which(name) or missing(f"the program {name}", f"apt-get install {package} (bash .ci/run does it)")
