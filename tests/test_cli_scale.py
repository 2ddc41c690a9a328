"""The CLI at scale: streaming, -j order, cheap stats, error records that keep the run going, Ctrl-C,
and byte-identical output across runs with different PYTHONHASHSEED."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from normalizer import cli
from normalizer import io as nio

SCALE = FIXTURES / "scale"


@pytest.fixture(autouse=True)
def shared_normalizer(norm, monkeypatch):
    """In-process CLI runs reuse the session's compiled rules (building the indexes costs seconds)."""
    real = cli.Normalizer
    monkeypatch.setattr(cli, "Normalizer", lambda dirs=(): norm if not list(dirs) else real(dirs))


def run_cli(args: list[str], capsys) -> tuple[int, list[dict], str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def write_jsonl(path: Path, n: int) -> None:
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted(SCALE.glob("*.txt")) if p.name != "binary.txt"
             and p.name != "ja_sjis.txt"]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"doc-{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")


def test_jsonl_order_and_ids_with_two_jobs(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, 40)
    code, recs, err = run_cli([str(src), "-j", "2", "--id-field", "id"], capsys)
    assert code == 0
    assert [r["input"] for r in recs] == [f"doc-{i}" for i in range(40)]
    assert all(r["ok"] for r in recs)
    assert "documents: 40  ok: 40  errors: 0" in err


def test_parallel_output_equals_serial(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, 24)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert cli.main([str(src), "-q", "-o", str(one)]) == 0
    assert cli.main([str(src), "-q", "-j", "2", "-o", str(two)]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_bad_inputs_give_error_records_and_the_run_goes_on(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Good line one. The council met on Monday."}\n'
                   '{broken json\n'
                   '[1, 2]\n'
                   '{"text": 42}\n'
                   '{"text": "Second good line. The mayor said it was fine.", "date": "not a date"}\n',
                   encoding="utf-8")
    gone = tmp_path / "vanished.txt"
    code, recs, err = run_cli([str(src), str(gone), str(SCALE / "binary.txt"), str(SCALE / "en_wire.txt")],
                              capsys)
    assert code == 0
    kinds = [(r["ok"], (r["error"] or {}).get("type")) for r in recs]
    assert kinds == [(True, None), (False, "BadJSON"), (False, "BadJSON"), (False, "MissingText"), (True, None),
                     (False, "FileNotFound"), (False, "DecodeError"), (True, None)]
    assert "errors: 5" in err


def test_file_vanishing_mid_run(tmp_path, norm):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"Headline {i}\nThe body of story {i} is here.\n", encoding="utf-8")
    paths = list(nio.iter_paths([str(folder)]))   # listed first, as the CLI does
    os.remove(paths[1])
    recs = [cli.process_item(norm, nio.read_file_task(p)) for p in paths]
    oks = [json.loads(line)["ok"] for line, _ in recs]
    assert oks == [True, False, True]
    assert json.loads(recs[1][0])["error"]["type"] == "FileNotFound"


def test_permission_error_gives_error_record(tmp_path, monkeypatch, capsys):
    # Tests may run as root, where chmod 000 does not block reads: simulate the refusal.
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret\nNot for you.\n", encoding="utf-8")
    real_open = open

    def fake_open(path, *a, **k):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", fake_open)
    code, recs, _ = run_cli([str(locked), str(SCALE / "en_wire.txt")], capsys)
    assert code == 0
    assert recs[0]["error"]["type"] == "PermissionError" and recs[1]["ok"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_real_permission_error(tmp_path, capsys):
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret\nNot for you.\n", encoding="utf-8")
    locked.chmod(0)
    _, recs, _ = run_cli([str(locked)], capsys)
    assert recs[0]["error"]["type"] == "PermissionError"


def test_overlong_jsonl_line_is_an_error_record(tmp_path, monkeypatch):
    monkeypatch.setattr(nio, "MAX_LINE_BYTES", 64)
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "' + "x" * 500 + '"}\n{"text": "short text here"}\n', encoding="utf-8")
    tasks = list(nio.iter_tasks([str(src)]))
    assert [t.error[0] if t.error else None for t in tasks] == ["TooLarge", None]
    assert tasks[1].input_id == f"{src}:2"


def test_stats_come_back_with_the_bytes(norm):
    line, bits = cli.process_item(norm, nio.Task("x", (SCALE / "en_wire.txt").read_bytes()))
    rec = json.loads(line)
    assert bits == cli.stats_of(rec) and bits & 1
    assert bool(bits & (1 << (cli.SUMMARY_FIELDS.index("title") + 1))) == bool(rec["title"])


def test_no_progress_bar_when_not_a_terminal(tmp_path, capsys):
    code, _, err = run_cli([str(SCALE / "en_wire.txt")], capsys)
    assert code == 0
    assert "\r" not in err and "doc/s" not in err


def _cli(args: list[str], seed: str, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "normalizer", *args], env=env, capture_output=True, cwd=ROOT,
                          timeout=600, **kw)


def test_byte_identical_across_hash_seeds(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, 6)
    args = ["-q", str(SCALE), str(src)]
    a, b = _cli(args, "1"), _cli(args, "987654")
    assert a.returncode == 0, a.stderr.decode()[-2000:]
    assert a.stdout and a.stdout == b.stdout
    assert len(a.stdout.splitlines()) == len(list(SCALE.glob("*.txt"))) + 6


def test_ctrl_c_leaves_complete_lines(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, 3000)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "normalizer", str(src), "-o", str(out), "-j", "2"],
                            cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (130, 0), err.decode()[-2000:]
    data = out.read_bytes()
    assert data.endswith(b"\n")
    lines = data.splitlines()
    assert lines
    ids = [json.loads(line)["input"] for line in lines]   # every line is a whole record
    assert ids == [f"{src}:{i}" for i in range(1, len(ids) + 1)]
    if proc.returncode == 130:
        assert b"interrupted" in err


def test_stdin_jsonl(monkeypatch, capsys):
    data = b'{"text": "Storm closes schools\\nThe storm closed all schools on Friday."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, recs, _ = run_cli(["-", "--jsonl", "-q"], capsys)
    assert code == 0 and recs[0]["input"] == "-:1" and recs[0]["ok"]
