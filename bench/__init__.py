"""The benchmark suite (issue 9): `make bench` / `python -m bench`. See bench/README.md."""
