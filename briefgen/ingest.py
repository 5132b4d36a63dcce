"""Seed files to Documents: decoding, front matter, titles and document dates."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import errno
import hashlib
import itertools
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import ftfy
import yaml

from . import safeyaml
from .brief import DocumentRecord
from .findings import EDITOR_DOC
from .lexicon import lexicon
from .settings import MAX_SEED_BYTES

# Page names a seed may not take: the Sources listing and the Editor's additions page.
RESERVED_IDS = ("index", EDITOR_DOC)
SEED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
SYMLINK_REFUSED = "a symbolic link; seeds are read only from inside the folder"
NOT_REGULAR = "not a regular file (a pipe, device or socket)"
HARD_LINK_REFUSED = "a hard link: the same file may stand outside the folder (refused)"
# Front matter holds a few short fields; these bounds are far above any real one.
MAX_FRONT_MATTER_CHARS = 65_536
MAX_FRONT_MATTER_DEPTH = 20
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(kw_only=True)
class Document(DocumentRecord):
    """A seed as read: its record in the brief, and its text."""

    text: str

    def record(self) -> DocumentRecord:
        """The brief's record of this document, without its text."""
        return DocumentRecord(**{f.name: getattr(self, f.name) for f in dataclasses.fields(DocumentRecord)})


@dataclass
class Decoded:
    text: str
    repaired: bool  # mojibake (UTF-8 read as a single-byte code page) was undone


@dataclass
class SeedProblem:
    path: str
    problem: str
    action: str = "skipped"

    def __str__(self) -> str:
        return f"{self.path}: {self.problem} ({self.action})"


class SeedError(Exception):
    """A seed that cannot be read; the message names the problem."""


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "item"


def decode(raw: bytes) -> str:
    """Decode seed bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if not raw.strip():
        raise SeedError("empty file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as err:
            raise SeedError(f"malformed UTF-16 at byte {err.start} (a cut-off character or a lone surrogate)") from err
    if b"\x00" in raw[:4096]:
        raise SeedError("binary content (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as err:
        raise SeedError(f"undecodable bytes at offset {err.start}: not UTF-8, UTF-16 or cp1252") from err
    if _control_share(text) > 0.01:
        raise SeedError("binary content, not text")
    return text


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f")
    return controls / max(len(text), 1)


def normalise_text(text: str) -> Decoded:
    """Line ends, Unicode normal form, and mojibake undone rather than published."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fixed = text if text.isascii() else ftfy.fix_encoding(text)  # ftfy leaves ASCII as it is, after a regex
    return Decoded(unicodedata.normalize("NFC", fixed), fixed != text)


def split_front_matter(text: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = safeyaml.load(match.group(1), MAX_FRONT_MATTER_CHARS, MAX_FRONT_MATTER_DEPTH) or {}
    except safeyaml.BoundsError as err:
        raise SeedError(f"front matter {err}") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise SeedError(f"malformed front matter{where}: {getattr(err, 'problem', err)}") from err
    if not isinstance(meta, dict):
        raise SeedError("malformed front matter: expected 'key: value' lines")
    return meta, text[match.end() :]


def iso_date(value: object) -> str | None:
    """The ISO form of a real calendar date (a year, a month or a day), else None."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
        if match and _is_calendar_date(*match.groups()):
            return "-".join(part for part in match.groups() if part)
    return None


EARLIEST_YEAR = 1900


def _given_date(value: object, where: str, notes: list[str]) -> str | None:
    """A seed's stated date when it is a real one within bounds; a notice and None otherwise, so that
    a typo (2050, 1800, 2021-13-45) never becomes the briefing's as-of date."""
    if value in (None, ""):
        return None
    date = iso_date(value)
    if date is None:
        notes.append(f"{where} {str(value)[:40]!r} is not a real date (ignored)")
        return None
    latest = dt.date.today().year + 1
    if not EARLIEST_YEAR <= int(date[:4]) <= latest:
        notes.append(f"{where} {date} is not between {EARLIEST_YEAR} and {latest} (ignored)")
        return None
    return date


def _is_calendar_date(year: str, month: str | None, day: str | None) -> bool:
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def _meta_text(meta: dict, key: str) -> str | None:
    """A front-matter field as text; a list or mapping where text belongs makes the seed unreadable."""
    value = meta.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, (dict, list)):
        raise SeedError(f"front matter {key}: expected text, not a {'list' if isinstance(value, list) else 'mapping'}")
    return str(value)


def parse_html(text: str) -> tuple[dict, str]:
    """Main text and metadata (title, date, outlet, author, URL) of a saved web page, by trafilatura."""
    import trafilatura  # imported here: only HTML seeds need it

    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, favor_precision=True)
    data: dict = extracted.as_dict() if extracted is not None and not isinstance(extracted, dict) else (extracted or {})
    body = "\n\n".join(line.strip() for line in (data.get("text") or "").splitlines() if line.strip())
    fields = {
        "title": data.get("title"),
        "date": data.get("date"),
        "source": data.get("sitename"),
        "url": data.get("url"),
        "author": data.get("author"),
    }
    return {k: v for k, v in fields.items() if v}, body


def _read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file inside the seeds folder; never through a symbolic link put there
    after the folder was listed, and never blocking on a pipe or a device."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as err:
        raise SeedError("removed while the build was reading it") from err
    except PermissionError as err:
        raise SeedError("not readable (permission denied)") from err
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise SeedError(SYMLINK_REFUSED) from err
        raise SeedError(f"not readable ({err.strerror})") from err
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SeedError(NOT_REGULAR)
        if info.st_nlink > 1:
            raise SeedError(HARD_LINK_REFUSED)
        if info.st_size > MAX_SEED_BYTES:
            raise SeedError(f"too large ({info.st_size / 1e6:.1f} MB, limit {MAX_SEED_BYTES / 1e6:.0f} MB)")
        raw = handle.read(info.st_size + 1)  # asking for the limit would allocate it for every seed
        if len(raw) > info.st_size:  # it grew since: read on, up to just past the limit
            raw += handle.read(MAX_SEED_BYTES + 1 - len(raw))
    if len(raw) > MAX_SEED_BYTES:
        raise SeedError(f"too large (over the limit of {MAX_SEED_BYTES / 1e6:.0f} MB)")
    return raw


# Seeds as read, by all that reading one depends on: a long-running process (`mkdocs serve`, `build
# --watch`) reads the bytes of every seed on every build, but decodes and cleans only new ones.
_READ: dict[tuple, tuple[Document | None, list[str], str | None]] = {}
_MAX_READ = 8192


def read_seed(path: Path, doc_id: str, display_path: str, notes: list[str] | None = None) -> Document:
    raw = _read_regular_file(path)
    digest = hashlib.sha256(raw).hexdigest()
    key = (digest, str(path), doc_id, display_path, dt.date.today().year)  # the year bounds a seed's date
    kept = _READ.get(key)
    if kept is None:
        found: list[str] = []
        try:
            kept = (_document(raw, digest, path, doc_id, display_path, found), found, None)
        except SeedError as err:
            kept = (None, found, str(err))
        if len(_READ) >= _MAX_READ:
            _READ.clear()
        _READ[key] = kept
    document, found, error = kept
    if notes is not None:
        notes += found
    if document is None:
        raise SeedError(error)
    fresh = copy.copy(document)  # extraction fills in its sentences and may infer its date
    fresh.sentences = list(document.sentences)
    return fresh


def _document(raw: bytes, digest: str, path: Path, doc_id: str, display_path: str, notes: list[str]) -> Document:
    decoded = normalise_text(decode(raw))
    text = decoded.text
    if decoded.repaired:
        notes.append("garbled characters (mojibake) were repaired")
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"}:
        meta, body = parse_html(text)
        date_source = "html-meta"
        title = str(meta.get("title") or "")
    else:
        meta, body = split_front_matter(text)
        date_source = "front-matter"
        title = _meta_text(meta, "title") or ""
        if not title and suffix == ".txt":
            first, _, rest = body.strip().partition("\n")
            title, body = first.strip(), rest
    body, comments = without_reader_comments(body.strip())
    if comments:
        notes.append("reader comments after the article were left out")
    body, furniture = from_the_dateline(body)
    if furniture:
        notes.append("headlines and captions before the dateline were left out")
    body, footer = without_legal_footer(body)
    if footer:
        notes.append("the page's legal notices at the end were left out")
    body, stamps = without_update_stamps(body)
    if stamps:
        notes.append("live-update time stamps opening paragraphs were left out")
    if not re.search(r"\w{2,}", body):
        raise SeedError("no text to read (no sentences)")
    date = _given_date(meta.get("date"), "front matter date", notes)
    if date is None:
        match = FILENAME_DATE.search(path.name)
        date = _given_date(match.group(0), "date in the file name", notes) if match else None
        date_source = "file-name" if date else "unknown"
    return Document(
        id=doc_id,
        path=display_path,
        title=title or path.stem,
        text=body,
        sha256=digest,
        date=date,
        date_source=date_source,
        source=_meta_text(meta, "source"),
        url=_meta_text(meta, "url"),
        author=_meta_text(meta, "author"),
    )


# A live page's update stamp opening a paragraph: '(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday ET): ',
# '(10:55 a.m. ET) ', '(Updated 7:40 p.m. (0240 in Egypt) ...)': when the page changed, not what happened
UPDATE_STAMP = re.compile(
    r"^\((?:Updated:?\s*)?\d{1,2}:\d{2}\s*[ap]\.?\s?m\.?"  # the time
    r"(?:[ ,;](?!\s*(?:--|—|–))[^()\n]{0,50}?)?(?:\([^()\n]{0,30}\)[^()\n]{0,20})?"  # day, zone, another clock
    r"\)\s*(?::|--|—|–)?[ \t]*(?=\S)",  # closed, and the paragraph's text goes on after it
    re.M | re.I,
)


def without_update_stamps(body: str) -> tuple[str, bool]:
    """A live page's update stamps left out; the pattern is tried only on text with a line opening with '('
    (the only place it matches), as most seeds have none."""
    if not (body.startswith("(") or "\n(" in body):
        return body, False
    body, stamps = UPDATE_STAMP.subn("", body)
    return body, bool(stamps)


# A comment system's stamp: 'January 27, 2011 at 7:59 pm | Report abuse |' (the pipe is page furniture)
COMMENT_STAMP = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, \d{4} at \d{1,2}:\d{2} ?[ap]\.?m\.? ?\|",
    re.IGNORECASE,
)
# Another: '2nd June 2012 - 15:21', before each comment's words; a page holds several of them
POSTED_STAMP = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{4} - \d{1,2}:\d{2}\b"
)


def without_reader_comments(body: str) -> tuple[str, bool]:
    """A saved web page often ends with its readers' comments: the article stops at the paragraph
    that holds the first comment's stamp."""
    match = COMMENT_STAMP.search(body) if "|" in body else None  # the stamp ends with '|'
    if match is None and " - " in body:
        stamps = list(itertools.islice(POSTED_STAMP.finditer(body), 2))
        match = stamps[0] if len(stamps) == 2 else None  # one such stamp may be the article's own
    if match is None:
        return body, False
    start = body.rfind("\n", 0, match.start()) + 1
    return body[: start or match.start()].rstrip(), True  # on one line, keep what comes before the stamp


# A page footer's legal notice: 'Disclaimer ...', '... are proprietary to ...', '(c) 2013 ...'
LEGAL_NOTICE = re.compile(
    r"^\s*Disclaimer\b|\bAll rights reserved\b|\bproprietary to\b|\band its licensors\b|©"
    r"|\bCopyright (?:©\s*)?\d{4}\b|\bnot responsible for the content of external\b",
    re.IGNORECASE | re.MULTILINE,
)
FOOTER_WITHIN = 0.5  # a footer's notice sits in the second half of the page


def without_legal_footer(body: str) -> tuple[str, bool]:
    """A saved page can end with the site's legal notices (data disclaimers, copyright lines),
    whose years and company names are not the story's: the article stops at the paragraph that
    holds the first notice in the page's second half."""
    start = int(len(body) * FOOTER_WITHIN)
    match = LEGAL_NOTICE.search(body, start) if _may_hold_notice(body, start) else None
    if match is None:
        return body, False
    start = body.rfind("\n", 0, match.start()) + 1
    kept = body[:start].rstrip()
    return (kept, True) if re.search(r"\w{2,}", kept) else (body, False)


# Words one of which every LEGAL_NOTICE holds ('©' aside, which is not ASCII)
_NOTICE_WORDS = (
    "disclaimer",
    "all rights reserved",
    "proprietary to",
    "and its licensors",
    "copyright",
    "not responsible for the content of external",
)


def _may_hold_notice(body: str, start: int) -> bool:
    """False when LEGAL_NOTICE cannot match from start: in ASCII text a case-blind match is a match of the
    lower-cased words (the pattern's search over every position is most of the time of reading a seed)."""
    tail = body[start:]
    if not tail.isascii():
        return True  # Unicode case folding ('ſ' for 's', 'K' for 'k') is left to the pattern
    lowered = tail.lower()
    return any(word in lowered for word in _NOTICE_WORDS)


# 'Benghazi, Libya (CNN) -- ': where a wire story starts
WIRE_DATELINE = re.compile(r"\(([A-Z][\w.&' -]{0,30}?)\)\s*(?:--|—|–|-)\s+")
DATELINE_WITHIN = 1_500  # characters: a saved page's headlines and captions come first, then the story


def from_the_dateline(body: str) -> tuple[str, bool]:
    """A saved wire story often begins with the page's headlines, highlights and photo captions, run
    together without full stops ('Gadhafi says he will emerge victorious Tripoli, Libya (CNN) -- As
    ...'): the story starts after its dateline, and whatever comes before it is left out."""
    datelines = WIRE_DATELINE.finditer(body, 0, DATELINE_WITHIN)
    match = next((m for m in datelines if lexicon().is_news_outlet(m.group(1))), None)
    if match is None or not body[match.end() :].strip():
        return body, False
    return body[match.end() :], len(body[: match.start()].split()) > PLACE_WORDS


PLACE_WORDS = 6  # 'MEXICO CITY (Reuters) -' is a dateline alone; more words before it are furniture


def list_seeds(seeds_dir: Path) -> tuple[list[Path], list[SeedProblem]]:
    """The seed files under seeds_dir. Hidden files and folders are skipped; symbolic links are
    refused and never followed, so nothing outside the folder is read."""
    if seeds_dir.is_symlink():
        return [], [SeedProblem(str(seeds_dir), f"the seeds folder is {SYMLINK_REFUSED}", "nothing to build")]
    if not seeds_dir.is_dir():
        return [], [SeedProblem(str(seeds_dir), "no seeds folder here", "nothing to build")]
    paths: list[Path] = []
    problems: list[SeedProblem] = []
    _walk(seeds_dir, seeds_dir, paths, problems)
    return sorted(paths), problems


def _walk(folder: Path, seeds_dir: Path, paths: list[Path], problems: list[SeedProblem]) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as err:
        problems.append(SeedProblem(_display(folder, seeds_dir), f"folder not readable ({err.strerror})"))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            problems.append(SeedProblem(_display(path, seeds_dir), SYMLINK_REFUSED, "refused"))
        elif entry.is_dir(follow_symlinks=False):
            _walk(path, seeds_dir, paths, problems)
        elif not entry.is_file(follow_symlinks=False):
            problems.append(SeedProblem(_display(path, seeds_dir), NOT_REGULAR, "ignored"))
        elif path.suffix.lower() in SEED_SUFFIXES:
            paths.append(path)
        else:
            problems.append(SeedProblem(_display(path, seeds_dir), "not a seed type (.txt, .md, .html)", "ignored"))


def _display(path: Path, seeds_dir: Path) -> str:
    return (Path(seeds_dir.name) / path.relative_to(seeds_dir)).as_posix()


def read_seeds(seeds_dir: Path) -> tuple[list[Document], list[SeedProblem]]:
    """Read every seed; a bad seed becomes a SeedProblem and the others are still read."""
    paths, problems = list_seeds(seeds_dir)
    documents: list[Document] = []
    used_ids: set[str] = set(RESERVED_IDS)
    seen_hashes: dict[str, str] = {}
    for path in paths:
        display = _display(path, seeds_dir)
        doc_id = slugify(path.relative_to(seeds_dir).with_suffix("").as_posix())
        if doc_id in used_ids:
            doc_id = f"{doc_id}-{hashlib.sha256(display.encode()).hexdigest()[:6]}"
            problems.append(
                SeedProblem(display, "its name collides with another seed's page name", f"published as {doc_id}")
            )
        notes: list[str] = []
        try:
            document = read_seed(path, doc_id, display, notes)
        except SeedError as err:
            problems.append(SeedProblem(display, str(err)))
            continue
        except Exception as err:  # noqa: BLE001 - whatever one seed raises, the others are still read
            problems.append(SeedProblem(display, f"could not be read ({type(err).__name__}: {str(err)[:200]})"))
            continue
        problems += [SeedProblem(display, note, "published") for note in notes]
        if document.sha256 in seen_hashes:
            problems.append(
                SeedProblem(display, f"same content as {seen_hashes[document.sha256]}", "skipped as a duplicate")
            )
            continue
        seen_hashes[document.sha256] = display
        used_ids.add(doc_id)
        documents.append(document)
    return documents, problems
