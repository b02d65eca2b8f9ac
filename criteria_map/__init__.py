"""Criteria maps: versioned data files that turn probe evidence into scores.

Public surface: `load_map`, `default_map_path`, `CriteriaMap`, `MapError`, and in
`criteria_map.scoring`, `score_crawl` / `compute_scores`.
"""

from criteria_map.loader import default_map_path, find_map, load_map
from criteria_map.model import CriteriaMap, Criterion, Dimension, MapError

__all__ = ["CriteriaMap", "Criterion", "Dimension", "MapError", "default_map_path", "find_map", "load_map"]
