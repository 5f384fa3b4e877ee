"""Programs: the Benchmark model, the built-in suite, generators and loaders."""

from compopt.programs.benchmark import Benchmark, TestCase

__all__ = ["Benchmark", "TestCase"]
