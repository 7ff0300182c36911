"""Stage 1, load: site.yaml, seeds and editors' YAML parsed into the frozen model, every problem collected."""
