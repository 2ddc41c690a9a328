"""The rules ship inside the package: an install run from another directory finds them."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

import normalizer


def test_installed_package_finds_its_rules_from_anywhere(tmp_path):
    code = "import normalizer.rules as r; print(r.shipped_dir())"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    rules_dir = Path(out.stdout.strip())
    assert (rules_dir / "sources" / "hankyoreh.toml").is_file()
    assert (rules_dir / "locales" / "en.toml").is_file()
    pkg = Path(normalizer.__file__).resolve().parent
    if pkg.parent != ROOT:  # an installed (non-editable) package carries the rules inside itself
        assert rules_dir == pkg / "locale_rules"


def test_cli_runs_on_the_shipped_example(tmp_path):
    example = ROOT / "examples" / "article.txt"
    out = subprocess.run([sys.executable, "-m", "normalizer", str(example), "-q"], cwd=tmp_path,
                         capture_output=True, text=True, check=True)
    import json
    rec = json.loads(out.stdout)
    assert rec["ok"] and rec["title"] == "Seoul and Tokyo agree to resume coast guard hotline"
    assert rec["published"]["value"] == "2012-06-14T16:05:00+09:00"
    assert rec["source"]["id"] == "hankyoreh"
    assert rec["dateline"]["agency"] == "Yonhap" and rec["dateline"]["date"] == "2012-06-14"
