"""Under `mkdocs serve` a rebuild loads the theme's templates compiled by the build before, unless changed."""

from __future__ import annotations

import jinja2

from briefgen.theme_cache import MemoryBytecodeCache


def _environment(templates: dict[str, str], cache: MemoryBytecodeCache) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(templates), bytecode_cache=cache)


def test_a_new_environment_loads_the_compiled_template(monkeypatch):
    cache = MemoryBytecodeCache()
    assert _environment({"t": "Hello {{ name }}"}, cache).get_template("t").render(name="a") == "Hello a"
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counted(self, source, *args, **kwargs):
        compiled.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    assert _environment({"t": "Hello {{ name }}"}, cache).get_template("t").render(name="b") == "Hello b"
    assert not compiled


def test_a_changed_template_is_compiled_again():
    cache = MemoryBytecodeCache()
    _environment({"t": "Hello {{ name }}"}, cache).get_template("t").render(name="a")
    assert _environment({"t": "Bye {{ name }}"}, cache).get_template("t").render(name="a") == "Bye a"
