"""Search defaults, in a module light enough for the CLI to import at start-up."""

# The default is the best optimizer measured on generated programs (Csmith seeds 1000+,
# never an evaluation suite), at the default budget and at 1000 compilations: hybrid
# 29.30% geomean below -Oz at 200 compilations on 16 programs (evolution 19.66%), and
# 33.94% at 1000 compilations on the first 10 (evolution 23.78%)
# (benchmarks/results/search_csmith_train_200.json, search_csmith_train_1000.json).
DEFAULT_OPTIMIZER = "hybrid"

# Model-seeded searches (`search.llm_guided`), by the name `--optimizer` takes: `llm` is the
# default search seeded with a model's proposals, `llm-mcts` MCTS with them as the priors
# of its expansions.
LLM_OPTIMIZERS: dict[str, str] = {"llm": DEFAULT_OPTIMIZER, "llm-mcts": "mcts"}
