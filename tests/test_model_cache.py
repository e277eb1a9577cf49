"""Assembling chunk packages: atomic, size- and sha256-checked, corrupt files rebuilt."""

from __future__ import annotations

import hashlib

import pytest

from dcx.errors import ModelError
from dcx.model_cache import cached_path, check_gguf_file, ensure_model, is_verified
from dcx.packaged_models import ChunkPart, PackagedModel, packaged


@pytest.fixture
def tiny_model(tmp_path, monkeypatch) -> PackagedModel:
    """A packaged model made of two importable chunk packages written for the test."""
    site = tmp_path / "site"
    chunks = [b"GGUF" + b"a" * 1000, b"b" * 777]
    for n, data in enumerate(chunks, start=1):
        pkg = site / f"tinychunk_part{n}"
        (pkg / "data").mkdir(parents=True)
        (pkg / "__init__.py").write_text("")
        (pkg / "data" / f"part{n:02d}.bin").write_bytes(data)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("DCX_HOME", str(tmp_path / "home"))
    whole = b"".join(chunks)
    return PackagedModel("tiny", "Tiny test model", "tiny.gguf", len(whole),
                         hashlib.sha256(whole).hexdigest(),
                         (ChunkPart("tinychunk_part1", "data/part01.bin"),
                          ChunkPart("tinychunk_part2", "data/part02.bin")), "models")


def test_assembles_verifies_and_reuses(tiny_model) -> None:
    seen = []
    path = ensure_model(tiny_model, lambda done, total: seen.append((done, total)))
    assert path == cached_path(tiny_model) and path.stat().st_size == tiny_model.size
    assert seen[-1] == (tiny_model.size, tiny_model.size)
    assert is_verified(tiny_model)
    mtime = path.stat().st_mtime_ns
    assert ensure_model(tiny_model) == path and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in path.parent.iterdir()) == ["tiny.gguf", "tiny.gguf.verified"]
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_corrupt_or_partial_file_is_rebuilt(tiny_model, damage) -> None:
    path = ensure_model(tiny_model)
    data = path.read_bytes()
    path.write_bytes(data[:100] if damage == "truncate" else data[:-1] + b"X")
    assert not is_verified(tiny_model)
    assert ensure_model(tiny_model).read_bytes() == data


def test_bad_chunks_are_never_installed(tiny_model, tmp_path) -> None:
    wrong = PackagedModel(**{**tiny_model.__dict__, "sha256": "0" * 64})
    with pytest.raises(ModelError, match="reinstall"):
        ensure_model(wrong)
    assert not cached_path(wrong).exists()
    assert not [p for p in cached_path(wrong).parent.iterdir() if p.name.endswith(".tmp")]


def test_missing_chunk_package_says_how_to_install(tiny_model) -> None:
    missing = PackagedModel(**{**tiny_model.__dict__, "parts": (ChunkPart("no_such_chunk_pkg", "x"),)})
    with pytest.raises(ModelError, match=r"pip install -e '\.\[models\]'"):
        ensure_model(missing)


def test_unknown_packaged_key() -> None:
    with pytest.raises(ModelError, match="unknown packaged model"):
        packaged("llama-70b")


def test_check_gguf_file(tmp_path) -> None:
    good = tmp_path / "m.gguf"
    good.write_bytes(b"GGUF\x03")
    check_gguf_file(good, "flag")
    with pytest.raises(ModelError, match="does not exist"):
        check_gguf_file(tmp_path / "none.gguf", "$LOCAL_MODEL_PATH")
    with pytest.raises(ModelError, match="is not a file"):
        check_gguf_file(tmp_path, "flag")
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"<html>")
    with pytest.raises(ModelError, match="not a GGUF model file"):
        check_gguf_file(bad, "flag")


@pytest.mark.model
def test_packaged_models_are_assembled_and_verified() -> None:
    """The real chunk packages installed by the models extra assemble to the published sha256."""
    for key in ("qwen2.5-coder-1.5b-instruct-q4_k_m", "qwen2.5-coder-0.5b-instruct-q4_k_m"):
        model = packaged(key)
        path = ensure_model(model)
        assert path.stat().st_size == model.size and is_verified(model, path)
