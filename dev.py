#!/usr/bin/env python3
"""Set up and run Portail Familles with nothing but Python 3.11+.

    python3 dev.py run     # virtualenv + dependencies, demo data, server on http://127.0.0.1:8000/graphql
    python3 dev.py test    # virtualenv + test dependencies, the test suite on SQLite and PostgreSQL

Extra arguments go to the command behind: `python3 dev.py run --port 9000`, `python3 dev.py test -k login`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def ensure_venv(extras: str = "") -> None:
    """Create .venv and install the project (again only when pyproject.toml changed)."""
    if sys.version_info < (3, 11):
        sys.exit("Portail Familles needs Python 3.11 or newer.")
    if not (BIN / "python").exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed{extras or '-base'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print("Installing dependencies …", flush=True)
    target = f".[{extras}]" if extras else "."
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True, cwd=ROOT)
    subprocess.run([*pip, "-e", target], check=True, cwd=ROOT)
    stamp.write_text(digest)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        sys.exit(__doc__)
    command, args = sys.argv[1], sys.argv[2:]
    if command == "run":
        ensure_venv()
        os.chdir(ROOT)
        # The family client, once built (`npm --prefix web ci && npm --prefix web run build`), is served
        # on the API's own origin: the mailed links open its pages.
        if (ROOT / "web" / "dist" / "index.html").is_file():
            os.environ.setdefault("PORTAIL_CLIENT_DIR", str(ROOT / "web" / "dist"))
        portail = str(BIN / "portail")
        os.execv(portail, [portail, "serve", "--demo", *args])
    ensure_venv("test")
    os.chdir(ROOT)
    python = str(BIN / "python")
    os.execv(python, [python, "-m", "pytest", *args])


if __name__ == "__main__":
    main()
