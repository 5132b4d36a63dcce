"""Property-based attacks: random bytes, front matter and override documents never raise, and
whatever validate accepts the build applies and renders."""

import copy

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.ingest import read_seeds
from briefgen.overrides import apply_overrides, validate_overrides_text
from briefgen.overrides_schema import ACTOR_FIELDS, ADD_FIELDS, EDIT_FIELDS, load
from briefgen.render import render

FOLDER_REUSED = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(max_size=20),
    st.sampled_from(["2021-05-31", "2021-02-30", "2021", "2021-13", "yes", "null", "person", "day", ""]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


# --- ingest ------------------------------------------------------------------------------------


def _read_one(folder, name, data):
    for old in folder.iterdir():
        old.unlink()
    (folder / name).write_bytes(data)
    documents, problems = read_seeds(folder)
    assert len(documents) + len([p for p in problems if name in str(p) and "published" not in str(p)]) == 1


@FOLDER_REUSED
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_random_bytes_never_raise(tmp_path, data, name):
    _read_one(tmp_path, name, data)


FRONT_MATTER = st.dictionaries(
    st.sampled_from(["title", "date", "source", "url", "author", "tags", "x"]), VALUES, max_size=5
).map(lambda meta: yaml.safe_dump(meta, allow_unicode=True))
RAW_FRONT_MATTER = st.text(alphabet=st.sampled_from(list("ab:- []{}&*!|>'\"#\n\t2019-0")), max_size=80)


@FOLDER_REUSED
@given(st.one_of(FRONT_MATTER, RAW_FRONT_MATTER), st.text(max_size=200))
def test_random_front_matter_never_raises(tmp_path, front, body):
    _read_one(tmp_path, "a.md", f"---\n{front}\n---\nFrance said yes. {body}".encode("utf-8", "surrogatepass"))


# --- overrides ---------------------------------------------------------------------------------


@given(st.text(max_size=300))
def test_validate_never_raises_on_any_text(text):
    validate_overrides_text(text)


def _documents(brief):
    ids = st.sampled_from([a.id for a in brief.actors] + [e.id for e in brief.timeline] + ["nobody", "pos-x"])
    actor_ids = st.sampled_from([a.id for a in brief.actors] + ["nobody"])
    fields = lambda names: st.dictionaries(st.sampled_from(sorted(names) + ["junk"]), VALUES, max_size=3)  # noqa: E731
    add_items = {
        section: st.lists(
            st.dictionaries(st.sampled_from(sorted(spec) + ["note", "junk"]), VALUES, max_size=4).map(
                lambda item, text_field=text_field: {text_field: "Added", **item}
            ),
            max_size=2,
        )
        for section, (text_field, spec) in ADD_FIELDS.items()
    }
    return st.fixed_dictionaries(
        {},
        optional={
            "rename": st.dictionaries(actor_ids, VALUES, max_size=2),
            "merge": st.dictionaries(actor_ids, actor_ids | VALUES, max_size=3),
            "actors": st.dictionaries(actor_ids, fields(ACTOR_FIELDS), max_size=2),
            "hide": st.lists(ids, max_size=3) | VALUES,
            "edit": st.dictionaries(ids, fields(EDIT_FIELDS), max_size=3),
            "add": st.fixed_dictionaries({}, optional=add_items),
        },
    )


@given(st.data())
def test_whatever_validate_accepts_applies_and_renders(example, data):
    _, example = example
    overrides = data.draw(_documents(example))
    text = yaml.safe_dump(overrides, allow_unicode=True)
    if validate_overrides_text(text):
        return
    brief, _ = apply_overrides(copy.deepcopy(example), load(text))
    render(brief)
