"""Templates and schemas as earlier runs compiled them, kept in the persistent cache (cache.py: `templates/` and
`schemas/`, each under this code's version) and in this user's store behind it (user_store.py): a compiled entry
is used only when intact (an HMAC of it, framed.write_summed), and one that cannot be written is simply not kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from .framed import read_summed, write_summed
from .user_store import UserStore, template_name


def compiled_templates(folder: Path, shared: UserStore | None = None) -> Any:
    """A jinja2 bytecode cache in `folder` that never fails a build and never uses a damaged entry: Jinja
    checks an entry's template source (a checksum) and its own version, not the compiled code itself, so each
    entry here also carries an HMAC of its payload (framed.write_summed); a mismatch, a missing or unreadable
    entry is a miss, and an entry that cannot be written is simply not kept. Writes are atomic (a temporary
    file, then os.replace). `shared`: this user's store (user_store.py), read when `folder` has no entry for
    the source, the entry then copied into `folder`; every template compiled is kept in both."""
    import jinja2

    class CompiledTemplates(jinja2.BytecodeCache):
        waiting: Callable[[], Any] | None = None  # (compile_ahead.py: what the first load waits for)

        def wait_for(self, ready: Callable[[], Any]) -> None:
            self.waiting = ready

        def holds(self, name: str, filename: str, source: str | None = None) -> bool:
            """Whether an entry for the template is kept in `folder` (whatever source it was compiled from), or,
            given the `source`, in the shared store."""
            key = self.get_cache_key(name, filename)
            return (folder / f"{key}.cache").is_file() or (
                source is not None and shared is not None
                and shared.holds(template_name(key, self.get_source_checksum(source))))

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            ready, self.waiting = self.waiting, None
            if ready is not None:
                ready()
            payload = read_summed(folder / f"{bucket.key}.cache")
            if payload is not None:
                bucket.bytecode_from_string(payload)  # Jinja then checks the source's checksum
            if bucket.code is None and shared is not None:
                payload = shared.read(template_name(bucket.key, bucket.checksum))
                if payload is not None:
                    bucket.bytecode_from_string(payload)
                    if bucket.code is not None:  # (the dossier's own cache holds it from now on)
                        write_summed(folder / f"{bucket.key}.cache", payload, mkdir=False)

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            payload = bucket.bytecode_to_string()
            write_summed(folder / f"{bucket.key}.cache", payload, mkdir=False)
            if shared is not None:
                shared.write(template_name(bucket.key, bucket.checksum), payload)

    return CompiledTemplates()


class CompiledSchemas:
    """A `schema.CodeStore` in `folder`: an entry is a validator's code (marshal) behind an HMAC of it, so a
    damaged entry is a miss, never run; written atomically; one that cannot be written is simply not kept.
    `shared`: this user's store (user_store.py), read when `folder` has no entry (which then gets a copy); every
    validator compiled is kept in both. (A key names the schema itself: one key, one code, in either store.)"""

    def __init__(self, folder: Path, shared: UserStore | None = None) -> None:
        self.folder = folder
        self.shared = shared

    def load(self, key: str) -> bytes | None:
        code = read_summed(self.folder / f"{key}.code")
        if code is None and self.shared is not None:
            code = self.shared.read(f"{key}.code")
            if code is not None:
                write_summed(self.folder / f"{key}.code", code)
        return code

    def dump(self, key: str, code: bytes) -> None:
        write_summed(self.folder / f"{key}.code", code)
        if self.shared is not None:
            self.shared.write(f"{key}.code", code)
