"""SQLAlchemy's asyncio engine and connection, without its asyncio ORM session.

The package `sqlalchemy.ext.asyncio` imports its `AsyncSession` as it loads, and with it the whole ORM: about
7 MB of every running bot, which only ever runs Core statements on engines and connections. Its engine lives in
the submodule `sqlalchemy.ext.asyncio.engine`, but importing a submodule runs its package first. So the package
is registered here without running it, and runs (whole, as SQLAlchemy wrote it) the first time anything asks
it for a name the engine and result submodules did not give it, e.g. a test importing `AsyncSession`.
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Any


def _package_without_session() -> None:
    name = "sqlalchemy.ext.asyncio"
    if name in sys.modules:  # already imported, whole or like this
        return
    import sqlalchemy.ext

    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:  # not this SQLAlchemy: let the import below fail plainly
        return
    package = importlib.util.module_from_spec(spec)  # __path__ set, so its submodules import; body not run

    def complete(attribute: str) -> Any:
        if importlib.util.find_spec(f"{name}.{attribute}") is not None:
            # A submodule (`from . import exc` in the engine's own imports): the import system loads it
            raise AttributeError(attribute)
        del package.__getattr__  # type: ignore[attr-defined]  # once: the real body defines everything
        spec.loader.exec_module(package)  # type: ignore[union-attr]
        return getattr(package, attribute)

    package.__getattr__ = complete  # type: ignore[attr-defined]  # PEP 562: only for names not already set
    sys.modules[name] = package
    sqlalchemy.ext.asyncio = package  # type: ignore[attr-defined]  # as the import system would set it


_package_without_session()

from sqlalchemy.ext.asyncio.engine import AsyncConnection, AsyncEngine, create_async_engine  # noqa: E402

__all__ = ["AsyncConnection", "AsyncEngine", "create_async_engine"]
