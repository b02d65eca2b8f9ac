"""`make bench`: the full probe suite against a bare axe-core scan, on local sites."""
