"""Entry point: `python -m benchmarks` (or `make bench`)."""

from benchmarks.suite import main

if __name__ == "__main__":
    main()
