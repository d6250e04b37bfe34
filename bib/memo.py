"""``remembered``: ``functools.lru_cache``, which can also be handed a result found elsewhere.

What the rules read from the body alone (``checks.reading``) may be kept from an
earlier run and handed to the functions that would find it; they then answer with
it, as if they had found it themselves. Nothing else
differs from ``lru_cache``: the arguments must be hashable, and the last
``maxsize`` results are kept.
"""

from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Generic, ParamSpec, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")


class Remembered(Generic[P, R]):
    """A function's last few results, and those handed to it, by arguments."""

    def __init__(self, function: Callable[P, R], maxsize: int) -> None:
        self.__wrapped__ = function
        self.__doc__ = function.__doc__
        self._handed: dict[tuple[Hashable, ...], R] = {}
        self._maxsize = maxsize
        # lru_cache's wrapper is typed for hashable arguments; these are the function's.
        self._cached = cast(Callable[P, R], lru_cache(maxsize=maxsize)(self._find))

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self._cached(*args, **kwargs)

    def hand_over(self, result: R, *args: Hashable) -> None:
        """Answer ``result`` to the next call with these (positional) arguments. Only the
        last ``maxsize`` results handed over and not yet asked for are kept."""
        self._handed[args] = result
        if len(self._handed) > self._maxsize:
            del self._handed[next(iter(self._handed))]

    def _find(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if not kwargs and args in self._handed:
            return self._handed.pop(args)
        return self.__wrapped__(*args, **kwargs)


def remembered(maxsize: int) -> Callable[[Callable[P, R]], Remembered[P, R]]:
    """``lru_cache(maxsize)`` with ``hand_over``."""

    def decorate(function: Callable[P, R]) -> Remembered[P, R]:
        return Remembered(function, maxsize)

    return decorate
