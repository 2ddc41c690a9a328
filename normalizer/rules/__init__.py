"""Load, validate and compile ``locale_rules/`` once: shipped rules plus the user's folders.

A user folder has the same layout (``sources/``, ``locales/``, ``gazetteer/``). A user file with the
same relative path as a shipped one replaces it; any other file adds to the set. Every error names the
file, the key and the reason, and is raised before any text is read.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import schema
from .regexes import Rx, compile_rx

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KINDS = ("locales", "sources", "gazetteer")


class RuleError(ValueError):
    """A rule file is broken: ``file``, ``key`` and ``reason`` say where and why."""

    def __init__(self, file: str, key: str, reason: str):
        self.file, self.key, self.reason = file, key, reason
        super().__init__(f"{file}: {key or '(file)'}: {reason}")


def shipped_dir() -> Path:
    """The rules inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for cand in (here / "locale_rules", here.parent / "locale_rules"):
        if cand.is_dir():
            return cand
    raise RuleError(str(here / "locale_rules"), "", "the shipped rules folder is missing from the install")


class Rules:
    """Validated, compiled rules. Stages build their own indexes once through ``view``."""

    def __init__(self, locales: dict, sources: dict, gazetteer: dict, files: list[str]):
        self.locales: dict[str, dict] = locales
        self.sources: dict[str, dict] = sources
        self.gazetteer: dict[str, dict] = gazetteer
        self.files = files
        self._views: dict[str, Any] = {}

    def view(self, key: str, build: Callable[[Rules], Any]) -> Any:
        """A stage's compiled index over these rules, built on first use and kept."""
        v = self._views.get(key)
        if v is None:
            v = self._views[key] = build(self)
        return v

    def locale(self, code: str | None) -> dict:
        """The locale table for a BCP-47 code (``zh-Hant`` falls back to ``zh``), or {}."""
        if not code:
            return {}
        return self.locales.get(code) or self.locales.get(code.split("-")[0]) or {}

    def __getstate__(self):
        return {"locales": self.locales, "sources": self.sources, "gazetteer": self.gazetteer,
                "files": self.files}

    def __setstate__(self, state):
        self.__init__(state["locales"], state["sources"], state["gazetteer"], state["files"])


def load_rules(rules_dirs: Iterable[str | Path] = (), include_shipped: bool = True) -> Rules:
    """Read every rule file (shipped first, then each user folder in order), validate and compile."""
    roots = ([shipped_dir()] if include_shipped else []) + [Path(d) for d in rules_dirs]
    chosen: dict[tuple[str, str], Path] = {}
    for root in roots:
        if not root.is_dir():
            raise RuleError(str(root), "", "not a folder")
        for kind in KINDS:
            folder = root / kind
            if folder.is_dir():
                for p in sorted(folder.rglob("*.toml")):
                    chosen[(kind, p.relative_to(folder).as_posix())] = p
    out: dict[str, dict] = {k: {} for k in KINDS}
    files = []
    for (kind, rel), path in sorted(chosen.items()):
        data = _read(path)
        spec = {"locales": schema.LOCALE, "sources": schema.SOURCE, "gazetteer": schema.GAZETTEER}[kind]
        data = _check(data, spec, str(path), "")
        if kind == "locales":
            key = data["locale"]["code"]
        elif kind == "sources":
            key = data["id"]
            if key != Path(rel).stem:
                raise RuleError(str(path), "id", f"id {key!r} must match the file name {Path(rel).stem!r}")
        else:
            key = Path(rel).with_suffix("").as_posix()
        out[kind][key] = data
        files.append(str(path))
    return Rules(out["locales"], out["sources"], out["gazetteer"], files)


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        raise RuleError(str(path), "", f"not valid TOML: {e}") from None
    except OSError as e:
        raise RuleError(str(path), "", f"cannot read: {e.strerror or e}") from None


def _type_name(t: Any) -> str:
    if isinstance(t, schema.Required):
        return _type_name(t.type)
    if isinstance(t, list):
        return f"a list of {_type_name(t[0])}"
    if isinstance(t, dict):
        return "a table"
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false",
            "regex": "a regular expression string", "any": "any value"}.get(t, str(t))


def _check(value: Any, spec: Any, file: str, key: str) -> Any:
    """Validate ``value`` against ``spec``; return it with regexes compiled to ``Rx``."""
    if isinstance(spec, schema.Required):
        spec = spec.type
    if spec == "any":
        return value
    if spec == "regex":
        if not isinstance(value, str):
            raise RuleError(file, key, f"expected {_type_name(spec)}, got {type(value).__name__}")
        try:
            return compile_rx(value, name=key)
        except Exception as e:  # regex.error and friends
            raise RuleError(file, key, f"regular expression does not compile: {e}") from None
    if isinstance(spec, list):
        if not isinstance(value, list):
            raise RuleError(file, key, f"expected {_type_name(spec)}, got {type(value).__name__}")
        return [_check(v, spec[0], file, f"{key}[{i}]") for i, v in enumerate(value)]
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            raise RuleError(file, key, f"expected a table, got {type(value).__name__}")
        out = {}
        if "*" in spec:
            for k, v in value.items():
                out[k] = _check(v, spec["*"], file, f"{key}.{k}" if key else k)
            return out
        for k, v in value.items():
            sub = f"{key}.{k}" if key else k
            if k not in spec:
                raise RuleError(file, sub, f"unknown key (allowed: {', '.join(sorted(spec))})")
            out[k] = _check(v, spec[k], file, sub)
        for k, t in spec.items():
            if isinstance(t, schema.Required) and k not in value:
                raise RuleError(file, f"{key}.{k}" if key else k, "required key is missing")
        # A pattern's rule name is its own ``name`` where it has one.
        if isinstance(out.get("pattern"), Rx) and isinstance(out.get("name"), str):
            rx = out["pattern"]
            if out.get("ignore_case"):
                rx = compile_rx(rx.source, out["name"], ignore_case=True)
            rx.name = out["name"]
            out["pattern"] = rx
        return out
    if spec is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if spec is int and isinstance(value, bool):
        raise RuleError(file, key, "expected an integer, got a boolean")
    if not isinstance(value, spec):
        raise RuleError(file, key, f"expected {_type_name(spec)}, got {type(value).__name__}")
    return value
