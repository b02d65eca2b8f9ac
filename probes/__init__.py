"""Probe plugins: pure functions of the artifacts they ask for."""

from probes.base import Evidence, Outcome, Probe

__all__ = ["Evidence", "Outcome", "Probe"]
