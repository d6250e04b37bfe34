"""Rules that correct the tagger's labels where its window cannot see far enough.

Each rule takes the tokens and their labels and returns new labels; ``relabel`` runs
them in order. They encode facts of bibliographic form (a quoted title ends at its
closing quote, a parenthesis opened in a container closes in it, a name ends at its
initials) that a ±2 token window misses. They live by topic in ``rules_names``,
``rules_titles``, ``rules_imprint`` and ``rules_dates``, with what they share in
``rules_common``; this module orders them.
"""

from __future__ import annotations

from collections.abc import Sequence

from bib.parser.rules_common import OPENING, is_word, label_runs
from bib.parser.rules_dates import (
    a_bracketed_year_after_the_title_is_the_titles,
    a_number_after_the_year_is_the_page,
    a_volume_then_its_page,
    a_year_before_the_colon_is_the_date,
    a_year_ending_its_sentence_is_the_date,
    pages_that_are_years,
    undated_titles_give_up_their_year,
)
from bib.parser.rules_imprint import (
    a_name_after_the_places_colon_is_the_publisher,
    a_newspaper_is_dated_to_the_day,
    a_place_holds_no_title,
    a_publisher_before_its_town_and_year,
    a_town_after_the_publisher_is_the_place,
    a_town_and_its_publisher_are_two_fields,
    a_town_before_its_state_is_the_place,
    an_imprint_opens_its_sentence,
    held_in_names_the_place,
    publisher_continues,
)
from bib.parser.rules_names import (
    an_editors_cue_after_a_full_stop_opens_names,
    an_untitled_article_keeps_one_name,
    an_untitled_reference_keeps_one_name,
    editors_need_a_cue,
    named_editors_end_before_the_publisher,
    names_do_not_end_in_an_opener,
    names_do_not_take_a_lone_word,
    names_end_at_et_al,
    names_end_at_given_name,
    names_end_at_initials,
    names_given_first_are_two_words,
    names_keep_their_particle,
    names_run_on_to_their_full_stop,
    names_then_ed_then_the_book,
    title_after_role,
    title_after_role_mark,
)
from bib.parser.rules_titles import (
    a_bracket_closing_the_title_is_not_its_words,
    a_container_opens_at_its_in,
    a_genre_is_no_container,
    a_name_before_its_volume_is_the_journal,
    a_sentence_opened_by_in_is_the_container,
    a_title_does_not_end_in_a_role,
    an_edition_ends_at_its_cue,
    an_edition_ends_at_its_word,
    an_imprint_in_brackets_closes_the_title,
    an_italic_title_has_a_publisher,
    an_untitled_note_is_the_title,
    close_brackets,
    close_quoted_titles,
    container_without_title,
    italics_hold_one_title,
    journal_not_publisher,
    unspaced_scripts_give_a_field_a_token,
)
from bib.parser.tokens import Token

__all__ = [
    "RELABELLING_RULES",
    "a_bracket_closing_the_title_is_not_its_words",
    "a_bracketed_year_after_the_title_is_the_titles",
    "a_container_opens_at_its_in",
    "a_genre_is_no_container",
    "a_name_after_the_places_colon_is_the_publisher",
    "a_name_before_its_volume_is_the_journal",
    "a_newspaper_is_dated_to_the_day",
    "a_number_after_the_year_is_the_page",
    "a_place_holds_no_title",
    "a_publisher_before_its_town_and_year",
    "a_sentence_opened_by_in_is_the_container",
    "a_title_does_not_end_in_a_role",
    "a_town_after_the_publisher_is_the_place",
    "a_town_and_its_publisher_are_two_fields",
    "a_town_before_its_state_is_the_place",
    "a_volume_then_its_page",
    "a_year_before_the_colon_is_the_date",
    "a_year_ending_its_sentence_is_the_date",
    "an_edition_ends_at_its_cue",
    "an_edition_ends_at_its_word",
    "an_editors_cue_after_a_full_stop_opens_names",
    "an_imprint_in_brackets_closes_the_title",
    "an_imprint_opens_its_sentence",
    "an_italic_title_has_a_publisher",
    "an_untitled_article_keeps_one_name",
    "an_untitled_note_is_the_title",
    "an_untitled_reference_keeps_one_name",
    "close_brackets",
    "close_quoted_titles",
    "container_without_title",
    "editors_need_a_cue",
    "held_in_names_the_place",
    "italics_hold_one_title",
    "journal_not_publisher",
    "named_editors_end_before_the_publisher",
    "names_do_not_end_in_an_opener",
    "names_do_not_take_a_lone_word",
    "names_end_at_et_al",
    "names_end_at_given_name",
    "names_end_at_initials",
    "names_given_first_are_two_words",
    "names_keep_their_particle",
    "names_run_on_to_their_full_stop",
    "names_then_ed_then_the_book",
    "pages_that_are_years",
    "publisher_continues",
    "punctuation_is_no_field",
    "relabel",
    "title_after_role",
    "title_after_role_mark",
    "undated_titles_give_up_their_year",
    "unspaced_scripts_give_a_field_a_token",
]


def punctuation_is_no_field(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A run of bare punctuation with a label of its own ("Works" + "," as container +
    "Vol.") closes the field before it, as in the corpus; opening brackets and quotes
    (and a first run) go with the field after them."""
    out = list(labels)
    runs = label_runs(out)
    if len(runs) < 2:
        return out
    for index, (first, last) in enumerate(runs):
        if is_word(tokens[first]) or any(is_word(t) for t in tokens[first + 1 : last + 1]):
            continue  # most runs open with a word: asked first, cheaply
        opening = all(t.text in OPENING for t in tokens[first : last + 1])
        forward = index + 1 < len(runs) and (opening or not index)
        neighbour = runs[index + 1][0] if forward else runs[index - 1][0]
        for k in range(first, last + 1):
            out[k] = out[neighbour]
    return out


# The order matters: each rule sees the labels the one before it left.
RELABELLING_RULES = (
    punctuation_is_no_field,
    names_do_not_end_in_an_opener,
    editors_need_a_cue,
    names_end_at_initials,
    names_end_at_given_name,
    names_keep_their_particle,
    names_do_not_take_a_lone_word,
    names_given_first_are_two_words,
    names_run_on_to_their_full_stop,
    an_untitled_reference_keeps_one_name,
    an_untitled_article_keeps_one_name,
    undated_titles_give_up_their_year,
    a_year_ending_its_sentence_is_the_date,
    a_year_before_the_colon_is_the_date,
    a_bracketed_year_after_the_title_is_the_titles,
    names_end_at_et_al,
    named_editors_end_before_the_publisher,
    an_untitled_note_is_the_title,
    an_edition_ends_at_its_cue,
    a_bracket_closing_the_title_is_not_its_words,
    an_edition_ends_at_its_word,
    journal_not_publisher,
    close_quoted_titles,
    italics_hold_one_title,
    an_italic_title_has_a_publisher,
    close_brackets,
    title_after_role,
    title_after_role_mark,
    container_without_title,
    a_name_before_its_volume_is_the_journal,
    a_volume_then_its_page,
    a_number_after_the_year_is_the_page,
    pages_that_are_years,
    a_name_after_the_places_colon_is_the_publisher,
    publisher_continues,
    an_imprint_opens_its_sentence,
    a_town_after_the_publisher_is_the_place,
    a_town_and_its_publisher_are_two_fields,
    a_town_before_its_state_is_the_place,
    a_place_holds_no_title,
    a_newspaper_is_dated_to_the_day,
    a_publisher_before_its_town_and_year,
    a_sentence_opened_by_in_is_the_container,
    a_container_opens_at_its_in,
    held_in_names_the_place,
    a_title_does_not_end_in_a_role,
    an_imprint_in_brackets_closes_the_title,
    an_editors_cue_after_a_full_stop_opens_names,
    names_then_ed_then_the_book,
    unspaced_scripts_give_a_field_a_token,
    a_genre_is_no_container,
)


def relabel(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    out = list(labels)
    for rule in RELABELLING_RULES:
        out = rule(tokens, out)
    return out
