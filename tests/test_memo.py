"""``remembered``: an lru_cache that can be handed a result found elsewhere."""

from __future__ import annotations

from bib.memo import remembered


def test_it_remembers_the_last_few_results_like_lru_cache() -> None:
    calls: list[int] = []

    @remembered(maxsize=2)
    def square(n: int) -> int:
        calls.append(n)
        return n * n

    assert [square(2), square(2), square(3), square(4), square(2)] == [4, 4, 9, 16, 4]
    assert calls == [2, 3, 4, 2]  # 2 was pushed out by 3 and 4


def test_a_result_handed_over_is_the_answer_and_is_then_remembered() -> None:
    calls: list[int] = []

    @remembered(maxsize=2)
    def square(n: int) -> int:
        """The square."""
        calls.append(n)
        return n * n

    square.hand_over(-1, 5)  # found elsewhere: the function is not asked
    assert square(5) == -1 and square(5) == -1
    assert calls == []
    assert square(6) == 36 and calls == [6]
    assert square.__doc__ == "The square."


def test_keyword_arguments_are_passed_through() -> None:
    @remembered(maxsize=2)
    def power(n: int, exponent: int = 2) -> int:
        return int(n**exponent)

    power.hand_over(0, 2)
    assert power(2, exponent=3) == 8  # other arguments than those handed over
    assert power(2) == 0


def test_only_the_last_few_results_handed_over_are_kept() -> None:
    @remembered(maxsize=2)
    def square(n: int) -> int:
        return n * n

    for n in (1, 2, 3):
        square.hand_over(0, n)
    assert [square(1), square(2), square(3)] == [1, 0, 0]
