"""Full-text search with Pagefind (the real binary from the `pagefind[bin]` package), built in memory.

Shell side: it runs Pagefind's indexing service (`pagefind --service`, the backend of its official Python API),
feeds it the rendered pages in sorted order and returns the bundle's files, which the build writes with
everything else, so the index lives under the output folder and changes together with the pages.
We speak the service's protocol directly rather than through `pagefind.index.PagefindIndex`: that client
polls for each reply every 100 ms (9 s for 90 pages) and, used concurrently, indexes pages in arrival order,
which makes the bundle differ between identical builds.
"""

from __future__ import annotations

import base64
import json
import subprocess
from typing import Any, Mapping

BUNDLE = "pagefind"


class SearchError(Exception):
    """Pagefind could not be run or refused a request."""


def searchable(path: str) -> bool:
    return path.endswith(".html")


class _Service:
    def __init__(self) -> None:
        from pagefind.service import get_executable

        binary = get_executable()
        if binary is None:
            raise SearchError("the Pagefind binary is missing (pip install 'pagefind[bin]')")
        self.proc = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.next_id = 0

    def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self.proc.stdin and self.proc.stdout
        self.next_id += 1
        message = {"message_id": self.next_id, "payload": payload}
        self.proc.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        self.proc.stdin.flush()
        chunks = []
        while True:
            chunk = self.proc.stdout.read1(1 << 16) if hasattr(self.proc.stdout, "read1") else self.proc.stdout.read(1)
            if not chunk:
                raise SearchError("Pagefind stopped unexpectedly")
            chunks.append(chunk)
            if chunk.endswith(b","):
                break
        reply = json.loads(base64.b64decode(b"".join(chunks)[:-1]))
        result = reply["payload"]
        if result.get("type") == "Error":
            raise SearchError(result.get("message", "Pagefind error"))
        return result

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)


def build_index(outputs: Mapping[str, bytes], base: str) -> dict[str, bytes]:
    """Output path → bytes of the Pagefind bundle (under `pagefind/`) for the HTML pages in `outputs`.

    Pages opt in with `data-pagefind-body` (the layout sets it on <main> for every page worth finding)."""
    service = _Service()
    try:
        index_id = service.send({"type": "NewIndex", "config": None})["index_id"]
        for path in sorted(p for p in outputs if searchable(p)):
            url = base + (path[: -len("index.html")] if path.endswith("index.html") else path)
            service.send({"type": "AddFile", "index_id": index_id, "url": url, "file_path": None,
                          "file_contents": outputs[path].decode("utf-8")})
        files = service.send({"type": "GetFiles", "index_id": index_id})["files"]
    finally:
        service.close()
    from .search_canon import canonicalise

    bundle = {f"{BUNDLE}/{f['path'].lstrip('/')}": base64.b64decode(f["content"]) for f in files}
    return canonicalise(bundle, BUNDLE)
