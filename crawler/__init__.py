"""The crawler: frontier, browser, gatherers and the site runner that hosts the probes."""
