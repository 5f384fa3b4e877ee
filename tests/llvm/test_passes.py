"""The pass space: names are real, every pass runs on real IR, pipelines render and parse."""

from __future__ import annotations

import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from optsmith.errors import PipelineError
from optsmith.llvm.passes import (
    PASS_SPACE,
    STANDARD_PIPELINES,
    opt_passes,
    parse_pipeline,
    pass_info,
    pass_kind,
    render_pipeline,
)
from optsmith.toolchain import find_toolchain

# Loop-rich on purpose: nested loops, a switch, calls (recursive, noinline, unused), a
# global 2-D array, a struct array, memcpy/memset/memcmp, doubles and a search loop, so
# that loop, vectorizer and IPO passes all find something to transform.
RICH_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct point { int x; int y; double w; };
static int grid[16][16];
int table[64];
static const char *names[] = {"zero", "one", "two", "three"};

static int classify(int v) {
  switch (v & 7) {
  case 0: return 3;
  case 1: return 7;
  case 2: return 11;
  case 3: return 13;
  case 4: return 17;
  case 5: return 19;
  default: return v;
  }
}

__attribute__((noinline)) static int add3(int a, int b, int c) { return a + b + c; }
int unused_helper(int a) { return a * 42; }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static double dot(const struct point *p, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += p[i].x * p[i].w + p[i].y;
  return s;
}

int main(int argc, char **argv) {
  struct point pts[8], copy[8];
  int n = argc > 1 ? atoi(argv[1]) : 16;
  for (int i = 0; i < 16; i++)
    for (int j = 0; j < 16; j++) grid[i][j] = i * j + classify(i ^ j);
  for (int k = 0; k < 8; k++) { pts[k].x = k; pts[k].y = 2 * k; pts[k].w = k / 3.0; }
  memcpy(copy, pts, sizeof pts);
  memset(table, 0, sizeof table);
  long sum = 0;
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) {
      if (grid[i % 16][j % 16] > 50) sum += grid[i % 16][j % 16];
      else sum -= j;
    }
    table[i % 64] += add3(i, (int)sum, n);
  }
  int i = 0;
  while (i < 64) { if (table[i] == 12345) break; i++; }
  for (int a = 0; a < 8; a++)
    for (int b = 0; b < 8; b++)
      for (int c = 0; c < 8; c++) grid[a][b] += grid[b][c] * grid[c][a];
  if (memcmp(copy, pts, sizeof pts) == 0) sum += 1;
  printf("%ld %d %f %s %d\n", sum, i, dot(copy, 8), names[n & 3], fib(15));
  return 0;
}
"""


def _opt(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(find_toolchain().opt), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def ir_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Raw clang -O0 IR (optnone dropped) and the same after mem2reg,loop-simplify,lcssa."""
    tmp = tmp_path_factory.mktemp("passes")
    src = tmp / "rich.c"
    src.write_text(RICH_C)
    raw = tmp / "raw.ll"
    subprocess.run(
        [
            str(find_toolchain().clang),
            "-O0",
            "-Xclang",
            "-disable-O0-optnone",
            "-emit-llvm",
            "-S",
            str(src),
            "-o",
            str(raw),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    ssa = tmp / "ssa.ll"
    proc = _opt("-passes=mem2reg,loop-simplify,lcssa", "-S", str(raw), "-o", str(ssa))
    assert proc.returncode == 0, proc.stderr
    return [raw, ssa]


def test_space_is_large_unique_and_well_formed() -> None:
    names = [p.name for p in PASS_SPACE]
    assert len(names) >= 110
    assert len(set(names)) == len(names)
    assert "instcombine" not in names  # can abort LLVM on a non-fixpoint
    assert "unify-loop-exits" not in names  # segfaults opt-22 on switch-exiting loops
    assert "attributor" not in names  # miscompiles huffman.c with default<Oz> after it
    assert "instcombine<no-verify-fixpoint>" in names
    for required in ("early-cse", "early-cse<memssa>", "gvn", "gvn<no-pre>", "licm"):
        assert required in names
    kinds = Counter(p.kind for p in PASS_SPACE)
    assert set(kinds) == {"module", "cgscc", "function", "loop", "loop-mssa"}
    assert all(p.description and "\n" not in p.description for p in PASS_SPACE)
    assert not set(names) & set(STANDARD_PIPELINES)


def test_pass_info_round_trips() -> None:
    for info in PASS_SPACE:
        assert pass_info(info.name) == info
    for name in STANDARD_PIPELINES:
        assert pass_info(name).kind == "module"
    assert pass_info("licm").kind == "loop-mssa"
    assert pass_info("loop-unroll<O2>").kind == "function"
    assert pass_info("inline").kind == "cgscc"


def test_space_names_are_known_to_opt() -> None:
    known = opt_passes()
    assert known["instcombine"] == "function"
    assert known["loop-interchange"] == "loop"
    for info in PASS_SPACE:
        assert info.name.split("<")[0] in known, info.name


def test_unknown_pass_suggests_near_names() -> None:
    with pytest.raises(PipelineError) as err:
        pass_info("instcombin")
    assert "instcombine<no-verify-fixpoint>" in str(err.value)
    assert "did you mean" in str(err.value)
    with pytest.raises(PipelineError, match="loop-rotate"):
        render_pipeline(["instcombine<no-verify-fixpoint>", "loop-rotat"])


def _run_one(name: str, module: Path) -> str | None:
    pipeline = render_pipeline([name])
    proc = _opt(f"-passes={pipeline}", "-S", str(module), "-o", "-")
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-3:]
        return f"opt -passes='{pipeline}' {module.name}: exit {proc.returncode}: {tail}"
    check = _opt("-passes=verify", "-disable-output", stdin=proc.stdout)
    if check.returncode != 0:
        return f"{name} on {module.name}: output does not verify: {check.stderr[:300]}"
    return None


def test_every_pass_runs_on_real_ir(ir_inputs: list[Path]) -> None:
    jobs = [(p.name, module) for p in PASS_SPACE for module in ir_inputs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        failures = [f for f in pool.map(lambda job: _run_one(*job), jobs) if f]
    assert not failures, "\n".join(failures)


def test_render_groups_adaptors() -> None:
    text = render_pipeline(["instcombine<no-verify-fixpoint>", "licm", "globaldce", "inline"])
    assert (
        text == "function(instcombine<no-verify-fixpoint>,loop-mssa(licm)),globaldce,cgscc(inline)"
    )
    text = render_pipeline(["indvars", "licm", "loop-deletion", "function-attrs", "argpromotion"])
    assert text == (
        "function(loop(indvars),loop-mssa(licm),loop(loop-deletion)),"
        "cgscc(function-attrs,argpromotion)"
    )
    assert render_pipeline(["default<Oz>"]) == "default<Oz>"
    assert render_pipeline([]) == ""
    # Passes outside the space get their kind from opt's listing, parameters included.
    assert render_pipeline(["instcombine<max-iterations=2>", "loop-idiom-vectorize"]) == (
        "function(instcombine<max-iterations=2>,loop(loop-idiom-vectorize))"
    )
    assert pass_kind("licm<allowspeculation>") == "loop-mssa"


def test_mixed_pipeline_is_accepted_by_opt(ir_inputs: list[Path]) -> None:
    passes = [
        "sroa<modify-cfg>",
        "early-cse<memssa>",
        "loop-rotate",
        "licm",
        "indvars",
        "loop-interchange",
        "loop-deletion",
        "loop-unroll<O2>",
        "inline",
        "function-attrs",
        "globalopt",
        "simple-loop-unswitch<nontrivial>",
        "gvn",
        "globaldce",
        "instcombine<no-verify-fixpoint>",
        "default<Oz>",
        "loop-idiom",
        "mem2reg",
    ]
    text = render_pipeline(passes)
    proc = _opt(f"-passes={text}", "-disable-output", str(ir_inputs[0]))
    assert proc.returncode == 0, f"{text}\n{proc.stderr}"
    # opt prints the pipeline it built; parsing ours back must give the same flat list.
    assert parse_pipeline(text) == passes


def test_parse_round_trips() -> None:
    names = [p.name for p in PASS_SPACE]
    for chunk in (names, names[::-1], names[::7] + names[3::5]):
        text = render_pipeline(chunk)
        assert parse_pipeline(text) == chunk
        assert render_pipeline(parse_pipeline(text)) == text
    assert parse_pipeline("instcombine<no-verify-fixpoint>,dce") == [
        "instcombine<no-verify-fixpoint>",
        "dce",
    ]
    assert parse_pipeline(" function( sroa<modify-cfg> , loop-mssa(licm) ) ") == [
        "sroa<modify-cfg>",
        "licm",
    ]
    assert parse_pipeline("cgscc(devirt<4>(inline)),function<eager-inv>(dce)") == ["inline", "dce"]


def test_parse_rejects_malformed() -> None:
    for bad in ("function(dce", "dce)", "repeat<2>(dce)", "instcombine<no-verify-fixpoint"):
        with pytest.raises(PipelineError):
            parse_pipeline(bad)
