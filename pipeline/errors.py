"""The one error type users see: a one-line message naming the file and the problem."""


class BeritaError(Exception):
    """A user-facing error (bad input, missing model, bad option): printed as one line, exit 1."""


class DocumentError(BeritaError):
    """A problem with one document: recorded in the stage report while the others go on."""


class LabelError(BeritaError):
    """Training data without enough topic labels (none, one label, or too few per label)."""


class TooFewTopicsError(BeritaError):
    """A corpus too small (documents or distinct terms) for the number of topics asked for."""


class Terminated(BaseException):
    """SIGTERM, raised like Ctrl-C so that temporary files are removed on the way out."""


# Set by the SIGTERM handler. The handler raises `Terminated` wherever the main thread is, and
# Python swallows an exception raised inside a finalizer (`__del__`, a weakref callback), so
# the stages also check this flag between documents and before an artifact replaces the old one.
STOP_REQUESTED = False


def check_stop() -> None:
    """Raise `Terminated` if SIGTERM was received (even if its exception was swallowed)."""
    if STOP_REQUESTED:
        raise Terminated

