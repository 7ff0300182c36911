"""Stage 3, plan: the Library → every Page (path, owner, dependency keys, view model), ownership checked."""
