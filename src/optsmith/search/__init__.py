"""Searching pass pipelines: optimizers behind ask/tell, budgets, the evaluator, executors.

A regular package (not a namespace one) so that tools that map the code's layers, such as
import-linter, see it as one module like the others.
"""
