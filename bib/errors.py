"""The one exception family for problems the user can fix; the CLI turns it into exit 2."""


class BibError(Exception):
    """A user-facing error: bad input, bad usage, an unwritable output."""
