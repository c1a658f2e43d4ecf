"""Benchmarks of Portail Familles (not part of the test suite): ``python -m bench``."""
