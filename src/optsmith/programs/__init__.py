"""Programs: the Benchmark model, the built-in suite, generators and loaders."""

from optsmith.programs.benchmark import Benchmark, TestCase

__all__ = ["Benchmark", "TestCase"]
