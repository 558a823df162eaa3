"""A library module the bot never uses, imported by a library it does use, left unimported until it is used.

Within `deferred(module, classes)`, importing `module` gives a stand-in whose classes import the real module the
first time one of them is made (and answer `isinstance` for the real class once it exists), so a library that
only names them at import time never pays for the module and what it imports. The stand-in is left in
`sys.modules` only if the library that imported it was imported; used once, the real module replaces it there.
"""

from __future__ import annotations

import importlib
import sys
import types
from contextlib import contextmanager
from typing import Any, Iterator


def _real_module(name: str, stand_in: types.ModuleType) -> types.ModuleType | None:
    module = sys.modules.get(name)
    return None if module is None or module is stand_in else module


class _Deferred(type):
    """`isinstance(x, Stand_in)` answers for the real class, without importing it: before the real module is
    imported, nothing can be an instance of its class."""

    _module: str
    _stand_in: types.ModuleType

    def real(cls, load: bool = False) -> type | None:
        module = _real_module(cls._module, cls._stand_in)
        if module is None and load:
            if sys.modules.get(cls._module) is cls._stand_in:
                del sys.modules[cls._module]
            module = importlib.import_module(cls._module)
        return None if module is None else getattr(module, cls.__name__)

    def __instancecheck__(cls, instance: object) -> bool:
        real = cls.real()
        return real is not None and isinstance(instance, real)

    def __subclasscheck__(cls, subclass: type) -> bool:
        real = cls.real()
        return subclass is cls or (real is not None and issubclass(subclass, real))


def _stand_in_class(name: str, module: types.ModuleType) -> type:
    def __new__(cls: _Deferred, *args: Any, **kwargs: Any) -> Any:
        return cls.real(load=True)(*args, **kwargs)  # type: ignore[misc]

    return _Deferred(name, (), {"__new__": __new__, "_module": module.__name__, "_stand_in": module,
                                "__doc__": f"Stands in for {module.__name__}.{name} until one is made."})


@contextmanager
def deferred(name: str, classes: tuple[str, ...], importer: str) -> Iterator[types.ModuleType | None]:
    """Within: `import name` gives a stand-in with `classes`, unless `name` or `importer` (the library whose
    import this is for) is loaded already: then nothing would be saved, and None is given."""
    if name in sys.modules or importer in sys.modules:
        yield None
        return
    stand_in = types.ModuleType(name, f"Stand-in for {name} (bot/deferred_import.py)")
    for class_name in classes:
        setattr(stand_in, class_name, _stand_in_class(class_name, stand_in))
    sys.modules[name] = stand_in
    try:
        yield stand_in
    finally:
        if importer not in sys.modules and sys.modules.get(name) is stand_in:
            del sys.modules[name]  # the library was not imported after all: leave no trace
