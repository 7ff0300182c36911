"""What every stage shares: problems, control characters, URLs, slugs, JSON, the Each/ShardMap of work and the content-keyed memo."""
