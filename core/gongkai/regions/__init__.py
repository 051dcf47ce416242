"""Region interpretation shipped with the core: the national baseline and data-driven profiles."""
