"""berita: Indonesian news pipeline (clean -> tag -> summarize) writing JSON artifacts."""

__version__ = "0.1.0"
