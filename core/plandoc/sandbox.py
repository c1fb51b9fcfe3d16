"""Run a document parse in a child process with a time and memory bound.

A crafted or simply pathological file (a PDF with millions of tiny objects, a DOCX whose XML
expands to gigabytes) can keep a parser busy for minutes or eat the server's memory. The web
worker must stay responsive, so parsing runs in a child process with ``RLIMIT_AS`` set, and the
parent kills it when the wall-clock budget runs out. Errors raised in the child, ``PlanDocError``
included, come back to the caller unchanged; a child killed by the limits becomes a
``PlanDocError("timeout")`` or ``PlanDocError("memory")``.

Usable from Django views or a background worker alike: it holds no global state, and it falls
back to running inline (time bound not enforced) where forking is not available.

Children come from multiprocessing's *forkserver*, not from a plain fork of the caller: a web
server is multi-threaded, and forking a threaded process can leave the child waiting forever on
a lock (the import lock, a logging lock) that another thread held at the moment of the fork. The
fork server is a small single-threaded process started once, with the parser modules preloaded,
so each child starts in a few milliseconds and owns no foreign locks.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from core.plandoc.errors import PlanDocError

T = TypeVar("T")

_INLINE = os.environ.get("CCHC_PLANDOC_INLINE") == "1"  # debugging aid: parse in-process


def _child(conn: Any, fn: Callable[..., Any], args: tuple, kwargs: dict, memory_mb: int) -> None:
    try:
        if memory_mb:
            import resource

            limit = memory_mb * 1024 * 1024
            _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        result = fn(*args, **kwargs)
        conn.send(("ok", result))
    except MemoryError:
        conn.send(("err", PlanDocError("memory", detail="MemoryError in parser")))
    except PlanDocError as exc:
        conn.send(("err", exc))
    except BaseException as exc:  # noqa: BLE001 - everything must cross back to the parent
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        try:
            conn.send(("err", exc))
        except Exception:  # unpicklable exception: send a plain one
            conn.send(("err", RuntimeError(detail)))
    finally:
        conn.close()


_PRELOAD = ["core.plandoc", "core.plandoc.extract", "core.plandoc.readers", "core.plandoc.sandbox"]
_CTX = None


def _context():
    global _CTX
    if _CTX is None:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        _CTX = ctx
    return _CTX


def run_bounded(
    fn: Callable[..., T], *args: Any, timeout_s: float = 30, memory_mb: int = 1024, **kwargs: Any
) -> T:
    """Call ``fn(*args, **kwargs)`` in a child process; return its result or raise its error.

    ``fn`` and its result must be picklable (module-level functions, dataclasses). Raises
    ``PlanDocError("timeout")`` when the child runs past ``timeout_s`` seconds (it is killed) and
    ``PlanDocError("memory")`` when it dies for lack of memory under ``memory_mb``.
    """
    if _INLINE or "forkserver" not in mp.get_all_start_methods():
        return fn(*args, **kwargs)
    ctx = _context()
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, fn, args, kwargs, memory_mb), daemon=True)
    proc.start()
    send.close()
    try:
        if not recv.poll(timeout_s):
            raise PlanDocError("timeout", detail=f"parse exceeded {timeout_s}s")
        try:
            status, payload = recv.recv()
        except (EOFError, OSError):
            # The child died without answering: killed by the OOM guard or a hard crash.
            proc.join(1)
            raise PlanDocError("memory", detail=f"child exited with {proc.exitcode}") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        recv.close()
    if status == "ok":
        return payload
    raise payload
