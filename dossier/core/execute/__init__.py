"""Stage 4, execute: the plan rendered through Jinja, links indexed and checked, outputs handed to a sink."""
