"""Search defaults, in a module light enough for the CLI to import at start-up."""

# The default is the best optimizer measured at the default budget on generated programs
# (Csmith seeds 1000+, never an evaluation suite): at 200 compilations on 16 programs,
# evolution 19.66% geomean below -Oz, annealing 18.10%, mcts 16.74%, random 15.45%
# (benchmarks/results/optimizers_csmith_train16_200.json).
DEFAULT_OPTIMIZER = "evolution"

# Model-seeded searches (`search.llm_guided`), by the name `--optimizer` takes: `llm` is the
# default search seeded with a model's proposals, `llm-mcts` MCTS with them as the priors
# of its expansions.
LLM_OPTIMIZERS: dict[str, str] = {"llm": DEFAULT_OPTIMIZER, "llm-mcts": "mcts"}
