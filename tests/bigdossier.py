"""A mid-size dossier for tests that need a build that runs for a while (signals, workers): the default
dossier's articles repeated under new names. (bench/generate.py makes realistic ones; tests do not import bench/.)"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT


def repeated_dossier(dest: Path, copies: int) -> Path:
    """Write the default dossier into `dest` with every article (seed and article file) `copies` times more."""
    shutil.copy(ROOT / "site.yaml", dest / "site.yaml")
    for sub in ("seeds", "content"):
        shutil.copytree(ROOT / sub, dest / sub)
    for article in sorted((ROOT / "content" / "articles").glob("*.yaml")):
        text = article.read_text("utf-8")
        seed = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("seed:"))
        for k in range(1, copies + 1):
            copy_seed = f"copy{k:03d}-{seed}"
            shutil.copy(ROOT / "seeds" / seed, dest / "seeds" / copy_seed)
            (dest / "content" / "articles" / f"{article.stem}-copy{k:03d}.yaml").write_text(
                text.replace(f"seed: {seed}", f"seed: {copy_seed}", 1), "utf-8")
    return dest
