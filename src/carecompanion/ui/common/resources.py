"""Finding the files in ``resources/``, the same way from a source checkout, a wheel or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    # This file is carecompanion/ui/common/resources.py: three parents up is the package.
    package_dir = Path(__file__).resolve().parents[2]
    candidates = [
        package_dir / "resources",  # installed wheel (force-included) or PyInstaller bundle
        package_dir.parent.parent / "resources",  # source checkout: src/carecompanion/..
    ]
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        candidates.insert(0, Path(bundle_root) / "carecompanion" / "resources")
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    raise FileNotFoundError("CareCompanion's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {'/'.join(parts)}")
    return path
