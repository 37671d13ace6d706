"""The one error type users see: a one-line message naming the file and the problem."""


class BeritaError(Exception):
    """A user-facing error (bad input, missing model, bad option): printed as one line, exit 1."""


class DocumentError(BeritaError):
    """A problem with one document: recorded in the stage report while the others go on."""


class LabelError(BeritaError):
    """Training data without enough topic labels (none, one label, or too few per label)."""


class TooFewTopicsError(BeritaError):
    """A corpus too small (documents or distinct terms) for the number of topics asked for."""
