"""A model as a source of candidate assembly for the assembly task (SuperCoder's setup).

The model sees the C source and gcc -O3's assembly in SuperCoder's prompt; each of its n
answers becomes one candidate, judged by `optsmith.asm.evaluate` exactly like a file from
a directory: assembled and linked in the sandbox, run on the tests, timed against gcc -O3.
An answer with no assembly in it is a candidate with an error, counted as a failure.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from optsmith.asm.build import baseline_asm
from optsmith.asm.candidates import MAX_CANDIDATE_BYTES, Candidate
from optsmith.asm.problems import Problem
from optsmith.llm import prompts
from optsmith.llm.backend import Backend, GenerationParams
from optsmith.llm.parsers import extract_code


class ModelCandidates:
    includes_baseline = False

    def __init__(self, backend: Backend, params: GenerationParams) -> None:
        self.backend = backend
        self.params = params
        self.label = f"model {backend.name}"
        self.prompts: dict[str, str] = {}
        self.answers: dict[str, list[str]] = {}

    def prompt_for(self, problem: Problem, workdir: Path) -> str:
        asm = problem.baseline_asm
        if asm is None:
            assert problem.source is not None  # a Problem has source or baseline assembly
            asm = baseline_asm(problem.source, workdir)
        return prompts.supercoder(problem.source or "", asm)

    def candidates(self, problem: Problem, workdir: Path,
                   training: Sequence[int]) -> list[Candidate]:
        prompt = self.prompt_for(problem, workdir)
        self.prompts[problem.name] = prompt
        generation = self.backend.generate([prompt], self.params)[0]
        self.answers[problem.name] = list(generation.texts)
        found: list[Candidate] = []
        for index, text in enumerate(generation.texts):
            name = f"sample{index}"
            code = extract_code(text, kind="asm")
            if code is None:
                found.append(Candidate(name, None, self.label, error="no assembly in the answer"))
            elif len(code) > MAX_CANDIDATE_BYTES:
                found.append(Candidate(name, None, self.label, error="answer too large"))
            else:
                found.append(Candidate(name, code + "\n", self.label))
        for index, error in enumerate(generation.errors):
            found.append(Candidate(f"failed{index}", None, self.label, error=error))
        return found
