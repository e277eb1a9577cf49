"""`make install`: the venv's `dcx` linked into ~/.local/bin, the folder made when missing, a
word when it is not on PATH, nothing changed by a second run, and never a file replaced."""

from __future__ import annotations

import os
import subprocess

from tests.conftest import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "scripts" / "install.sh"


def install(home, path: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True,
                          env={**os.environ, "HOME": str(home), "PATH": path})


def test_make_install_links_dcx_into_the_users_bin_folder(tmp_path) -> None:
    bin_dir = tmp_path / ".local" / "bin"
    first = install(tmp_path, "/usr/bin:/bin")
    assert first.returncode == 0, first.stderr
    assert f"created {bin_dir}" in first.stderr
    assert f"{bin_dir} is not on your PATH" in first.stderr
    link = bin_dir / "dcx"
    assert link.is_symlink() and os.readlink(link) == str(PROJECT_ROOT / ".venv" / "bin" / "dcx")
    again = install(tmp_path, f"{bin_dir}:/usr/bin:/bin")
    assert again.returncode == 0 and "already links" in again.stderr
    assert "not on your PATH" not in again.stderr and "created" not in again.stderr
    ran = subprocess.run(["dcx", "--version"], capture_output=True, text=True,
                         env={**os.environ, "PATH": f"{bin_dir}:/usr/bin:/bin"})
    assert ran.returncode == 0 and ran.stdout.startswith("dcx, version")


def test_make_install_never_replaces_a_file_that_is_not_its_link(tmp_path) -> None:
    bin_dir = tmp_path / ".local" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "dcx").write_text("#!/bin/sh\necho mine\n")
    refused = install(tmp_path, "/usr/bin:/bin")
    assert refused.returncode == 1 and "exists and is not a link" in refused.stderr
    assert (bin_dir / "dcx").read_text() == "#!/bin/sh\necho mine\n"


def test_the_makefile_target_runs_setup_then_the_link() -> None:
    # Under `make test` the parent make's MAKEFLAGS/MAKELEVEL would make this one print
    # "Entering/Leaving directory" lines: the dry run gets a clean make environment.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    dry = subprocess.run(["make", "--no-print-directory", "-n", "install"], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, env=env)
    assert dry.returncode == 0
    assert dry.stdout.splitlines()[-2:] == ["bash scripts/setup.sh", "bash scripts/install.sh"]
